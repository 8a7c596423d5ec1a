/**
 * Pool exhausted: a server whose pool has 2 connections and a 300 ms connection timeout, with both
 * connections busy in long `pg_sleep`s. A request then waits about the set time and gets a 503
 * (JSON error, code UNAVAILABLE), never a hang and never a 500; once the connections are free
 * the same requests succeed again.
 */
import { makeUser } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLoadDatabase } from '../lib/databases.ts';
import { call, type InProcessServer, startInProcessServer, waitFor } from './support.ts';

const POOL_MAX = 2;
const CONNECTION_TIMEOUT_MS = 300;
const HOLD_SECONDS = 4;
/** Scheduling slack on a busy 2-core machine: the wait must be ~300 ms, far from "hanging". */
const SLACK_MS = 1500;

let db: Awaited<ReturnType<typeof createLoadDatabase>>;
let server: InProcessServer;

beforeAll(async () => {
  db = await createLoadDatabase();
  server = await startInProcessServer({
    url: db.url,
    poolMax: POOL_MAX,
    connectionTimeoutMs: CONNECTION_TIMEOUT_MS,
  });
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

test('with every pooled connection busy, requests get 503 after about the connection timeout', async () => {
  const { user } = await makeUser(server.handle.db);
  const { token } = await server.auth.issue(user.id);
  expect((await call(server.url, 'GET', '/api/auth/me', { token })).status).toBe(200);

  // occupy the whole pool through the server's own database handle
  const sleeper = () =>
    server.handle.db.selectNoFrom((eb) => eb.fn('pg_sleep', [eb.val(HOLD_SECONDS)]).as('slept')).execute();
  const holds = Array.from({ length: POOL_MAX }, sleeper);
  const bothBusy = await waitFor(
    async () => {
      // the pool is full, so ask through a request: it fails fast once both are taken
      const r = await call(server.url, 'GET', '/api/health', { timeoutMs: 5000 });
      return r.status === 503;
    },
    3000,
    50,
  );
  expect(bothBusy).toBe(true);

  const requests = [
    { path: '/api/jobs' },
    { path: '/api/auth/me', token },
    { path: `/api/users/${user.id}/sessions`, token },
    { path: '/trpc/jobs.list?input=%7B%7D' },
  ];
  const replies = await Promise.all(
    Array.from({ length: 20 }, (_, i) => {
      const r = requests[i % requests.length]!;
      return call(server.url, 'GET', r.path, { token: r.token, timeoutMs: 10_000 }).then((reply) => ({
        ...reply,
        path: r.path,
      }));
    }),
  );
  for (const r of replies) {
    expect(r.status, `${r.path}: ${JSON.stringify(r.body)}`).toBe(503);
    expect(r.ms, r.path).toBeLessThan(CONNECTION_TIMEOUT_MS + SLACK_MS);
    expect(r.ms, `${r.path} waited for a connection`).toBeGreaterThanOrEqual(CONNECTION_TIMEOUT_MS - 50);
    if (r.path.startsWith('/api/')) expect(r.body.error.code).toBe('UNAVAILABLE');
    else expect(r.body.error.data.domainCode).toBe('UNAVAILABLE');
  }
  const health = await call(server.url, 'GET', '/api/health');
  expect(health.status).toBe(503);
  console.log(
    `[pool] ${replies.length} requests: all 503 in ${Math.min(...replies.map((r) => r.ms)).toFixed(0)}–${Math.max(...replies.map((r) => r.ms)).toFixed(0)} ms`,
  );

  // the sleeps end, the pool is free, the same requests succeed
  await Promise.all(holds);
  for (const r of requests) {
    const reply = await call(server.url, 'GET', r.path, { token: r.token });
    expect(reply.status, r.path).toBe(200);
  }
  expect((await call(server.url, 'GET', '/api/health')).status).toBe(200);
});
