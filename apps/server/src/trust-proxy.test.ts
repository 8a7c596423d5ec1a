/**
 * Behind a reverse proxy or load balancer (README, "Running several instances") every request
 * arrives from the proxy's address. Unless the server is told to trust that proxy (TRUST_PROXY),
 * X-Forwarded-For is ignored — so nobody dodges the per-address limits by inventing it — and
 * with it, the client's address the proxy forwards is the one counted, so one client's failed
 * logins do not lock everyone behind the proxy out.
 */
import { unique } from '@ai-interviewer/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server.ts';

const LIMIT = 3;
const authRateLimit = { limit: LIMIT, windowMs: 60_000 };
const PROXY = '10.20.0.1';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});
async function server(trustProxy?: string) {
  const s = await startTestServer({ authRateLimit, ...(trustProxy !== undefined && { trustProxy }) });
  servers.push(s);
  return s;
}

/** A failed login (an unknown account each time, so only the per-address counter adds up). */
const attempt = (s: TestServer, remoteAddress: string, forwardedFor?: string) =>
  s
    .as(null)
    .post(
      '/api/auth/login',
      { email: `ghost${unique()}@example.test`, password: 'wrong password' },
      { remoteAddress, ...(forwardedFor && { headers: { 'x-forwarded-for': forwardedFor } }) },
    );

describe('X-Forwarded-For', () => {
  it('is ignored by default: a new invented address each time does not reset the limit', async () => {
    const s = await server();
    for (let i = 0; i < LIMIT; i++)
      expect((await attempt(s, '10.30.0.1', `203.0.113.${i}`)).statusCode).toBe(401);
    expect((await attempt(s, '10.30.0.1', '203.0.113.99')).statusCode).toBe(429);
  });

  it('from a trusted proxy: each client behind it has its own limit', async () => {
    const s = await server(PROXY);
    for (let i = 0; i < LIMIT; i++) expect((await attempt(s, PROXY, '203.0.113.1')).statusCode).toBe(401);
    expect((await attempt(s, PROXY, '203.0.113.1')).statusCode).toBe(429);
    // another client behind the same proxy is not locked out by the first one's failures
    const other = await attempt(s, PROXY, '203.0.113.2');
    expect(other.statusCode, other.body).toBe(401);
  });

  it('from anyone else, still ignored: only the trusted proxy may say who the client is', async () => {
    const s = await server(PROXY);
    for (let i = 0; i < LIMIT; i++)
      expect((await attempt(s, '10.40.0.1', `203.0.113.${i}`)).statusCode).toBe(401);
    expect((await attempt(s, '10.40.0.1', '203.0.113.50')).statusCode).toBe(429);
  });
});
