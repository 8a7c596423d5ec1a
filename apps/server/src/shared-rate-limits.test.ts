/**
 * Two server instances on one database count login attempts together: in PostgreSQL (the
 * default), or in Redis when given one (a real redis-server this file starts and stops).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { provideCommand, unique } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisRateLimitStore } from './redis-rate-limit-store.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

const LIMIT = 3;
const authRateLimit = { limit: LIMIT, windowMs: 60_000 };

let a: TestServer;
beforeAll(async () => {
  a = await startTestServer({ authRateLimit });
});
afterAll(async () => {
  await a?.close();
});

const attempt = (server: TestServer, ip: string) =>
  server
    .as(null)
    .post(
      '/api/auth/login',
      { email: `ghost${unique()}@example.test`, password: 'wrong password' },
      { remoteAddress: ip },
    );

/** LIMIT attempts spread over both instances pass (401); the next one, on either, is 429. */
async function expectSharedLimit(one: TestServer, two: TestServer) {
  const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  for (let i = 0; i < LIMIT; i++) expect((await attempt(i % 2 ? two : one, ip)).statusCode).toBe(401);
  const refused = [await attempt(one, ip), await attempt(two, ip)];
  for (const res of refused) {
    expect(res.statusCode, res.body).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
  }
}

it('in PostgreSQL (the default): attempts on two instances add up', async () => {
  const b = await startTestServer({ handle: a.handle, authRateLimit });
  try {
    await expectSharedLimit(a, b);
  } finally {
    await b.close();
  }
});

describe('in Redis (REDIS_URL)', () => {
  let redis: ChildProcess;
  let url: string;
  const stores: RedisRateLimitStore[] = [];
  const servers: TestServer[] = [];

  beforeAll(async () => {
    provideCommand('redis-server', 'redis-server');
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    // no persistence: a throwaway server for this file
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const spawned = await new Promise<Error | null>((resolve) => {
      redis.once('spawn', () => resolve(null));
      redis.once('error', resolve);
    });
    if (spawned) throw new Error(`redis-server did not start: ${spawned.message}`);
    await listening(port, 10_000);
    for (let i = 0; i < 2; i++) {
      const store = new RedisRateLimitStore(url);
      stores.push(store);
      await store.connect();
      servers.push(await startTestServer({ handle: a.handle, authRateLimit, rateLimitStore: store }));
    }
  }, 300_000); // on a machine without redis-server, installing it comes first
  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const store of stores) await store.close();
    redis?.kill('SIGKILL');
  });

  it('attempts on two instances add up', async () => {
    await expectSharedLimit(servers[0]!, servers[1]!);
  });

  it('the window ends on time: a key starts again at 1', async () => {
    const key = `login:ip:${unique()}`;
    expect(await stores[0]!.hit(key, 200)).toMatchObject({ count: 1 });
    const second = await stores[1]!.hit(key, 200);
    expect(second.count).toBe(2);
    expect(second.msLeft).toBeGreaterThan(0);
    expect(second.msLeft).toBeLessThanOrEqual(200);
    await new Promise((r) => setTimeout(r, 250));
    expect(await stores[0]!.hit(key, 200)).toMatchObject({ count: 1 });
  });

  it('Redis down: login answers 503, not 500, and does not hang', async () => {
    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
    const started = Date.now();
    const res = await attempt(servers[0]!, '10.8.0.1');
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json().error.code).toBe('UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** redis-server takes a moment to listen after it spawned: wait until a TCP connect succeeds. */
async function listening(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  const tryOnce = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  while (!(await tryOnce())) {
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
