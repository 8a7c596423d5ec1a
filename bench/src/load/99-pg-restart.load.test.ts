/**
 * PostgreSQL restarted under load (a fast shutdown, left down ~3 s, started again on the same
 * port), against the real entry point as a child process:
 *  - during the outage every request fails fast with a JSON 503, never a 500, never a hang;
 *  - the server recovers by itself (health 200, requests 2xx again) without a restart;
 *  - every answer acknowledged with a 2xx, before or after, is in the database.
 *
 * The PostgreSQL restarted is this file's own embedded one (its own folder and port), never the
 * machine's nor the one the other load files share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDatabase,
  type DatabaseHandle,
  type EmbeddedPostgres,
  migrateToLatest,
  startEmbeddedPostgres,
  TokenAuth,
} from '@ai-interviewer/core';
import { makeJob, makeUser } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ServerProcess, serverEnv, startServerProcess } from '../lib/server-process.ts';
import { call, interview, type Reply, sleep, Tally, waitFor } from './support.ts';

const CONNECTION_TIMEOUT_MS = 1000;
/** "Fast" on a busy 2-core machine: the connect timeout plus scheduling slack, far from a hang. */
const FAST_MS = CONNECTION_TIMEOUT_MS + 2500;
const OUTAGE_MS = 3000;
const CANDIDATES = 20;

const dataDir = mkdtempSync(join(tmpdir(), 'ai-interviewer-restart-pg-'));
let pgServer: EmbeddedPostgres | undefined;
let handle: DatabaseHandle | undefined;
let server: ServerProcess | undefined;

/** Started again on the port it had, so the server's URL stays valid. */
const startPostgres = async (port?: number) => {
  pgServer = await startEmbeddedPostgres({ dataDir, port, database: 'ai_restart', fastInit: true });
  return pgServer;
};

beforeAll(async () => {
  const pgs = await startPostgres();
  handle = await createDatabase({ url: pgs.url, poolMax: 2 });
  await migrateToLatest(handle.db);
});

afterAll(async () => {
  await server?.stop(5000);
  await handle?.close();
  await pgServer?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Timed extends Reply {
  startedAt: number;
  endedAt: number;
}

test('PostgreSQL restarted under load: 503 fast during the outage, recovery on its own, nothing acknowledged lost', async () => {
  if (!handle || !pgServer) throw new Error('setup failed');
  const { url, port } = pgServer;
  const job = await makeJob(handle.db, null);
  const auth = new TokenAuth(handle.db);
  const users = await Promise.all(Array.from({ length: CANDIDATES }, () => makeUser(handle!.db)));
  const tokens = await Promise.all(users.map(async ({ user }) => (await auth.issue(user.id)).token));
  server = await startServerProcess({
    env: serverEnv(url, { DB_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS), DB_POOL_MAX: '10' }),
  });
  const base = server.url;

  // every request, timed, whoever made it
  const timeline: Timed[] = [];
  const tally = new Tally();
  tally.onRecord = (r) => {
    const endedAt = performance.now();
    timeline.push({ ...r, startedAt: endedAt - r.ms, endedAt });
  };

  let stop = false;
  const load = Promise.all(
    tokens.map(async (token) => {
      // bounded: at most 500 interviews per candidate, and the stop flag (set at most ~70 s in)
      for (let n = 0; n < 500 && !stop; n++) {
        const ok = await interview({
          base,
          token,
          jobId: job.id,
          questionCount: 5,
          tally,
          deadline: Date.now() + 60_000,
          timeoutMs: 15_000,
        });
        if (!ok) await sleep(100); // a failed step: start a new interview shortly
      }
    }),
  );

  const mark: Record<string, number> = {};
  try {
    await sleep(3000);
    mark.stopping = performance.now();
    await pgServer.stop();
    mark.down = performance.now();
    await sleep(OUTAGE_MS);
    mark.starting = performance.now();
    await startPostgres(port);
    mark.up = performance.now();
    const recovered = await waitFor(
      async () => (await call(base, 'GET', '/api/health', { timeoutMs: 5000 })).status === 200,
      30_000,
      200,
    );
    mark.recovered = performance.now();
    expect(recovered, 'health is 200 again without restarting the server').toBe(true);
    await sleep(4000);
  } finally {
    stop = true;
    await load;
  }
  mark.end = performance.now();

  const during = timeline.filter((t) => t.startedAt >= mark.down! && t.endedAt <= mark.starting!);
  const after = timeline.filter((t) => t.startedAt >= mark.recovered! + 500);
  const rel = (ms: number) => ((ms - mark.stopping!) / 1000).toFixed(1);
  console.log(
    `[pg restart] stop ${rel(mark.stopping!)}–${rel(mark.down!)} s, start ${rel(mark.starting!)}–${rel(mark.up!)} s, healthy at ${rel(mark.recovered!)} s; ` +
      `all: ${tally.summary()}; while down: ${during.length} requests, statuses ${[...new Set(during.map((t) => t.status))].join(',')}, ` +
      `slowest ${Math.max(0, ...during.map((t) => t.ms)).toFixed(0)} ms; after recovery: ${after.length} requests, statuses ${[...new Set(after.map((t) => t.status))].join(',')}; ` +
      `${tally.acked.size} answers acknowledged`,
  );

  // never a 500, never a dropped connection, never our 15 s deadline
  expect(
    tally.count((s) => s >= 500 && s !== 503),
    JSON.stringify(tally.samples),
  ).toBe(0);
  expect(
    tally.count((s) => s <= 0),
    JSON.stringify(tally.samples),
  ).toBe(0);
  // while PostgreSQL was down: 503, fast, and there was traffic to prove it
  expect(during.length).toBeGreaterThanOrEqual(CANDIDATES);
  expect(during.filter((t) => t.status !== 503)).toEqual([]);
  expect(Math.max(...during.map((t) => t.ms))).toBeLessThan(FAST_MS);
  expect(during.every((t) => t.body?.error?.code === 'UNAVAILABLE')).toBe(true);
  // after: working again
  expect(after.length).toBeGreaterThanOrEqual(CANDIDATES);
  expect(
    after
      .filter((t) => t.status < 200 || t.status >= 300)
      .map((t) => `${t.status} ${JSON.stringify(t.body)}`),
  ).toEqual([]);

  // nothing acknowledged is lost
  const ids = [...tally.acked];
  const stored = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await handle.db
      .selectFrom('feedback')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) stored.add(r.id);
  }
  expect(ids.filter((id) => !stored.has(id))).toEqual([]);
  // answers stored whose request still ended in a 503 (the database went away after the answer's
  // transaction committed, during grading): kept, but the client was told to retry
  const all = await handle.db
    .selectFrom('feedback')
    .select(['id', 'grading_status'])
    .where(
      'user_id',
      'in',
      users.map((u) => u.user.id),
    )
    .execute();
  const unacked = all.filter((f) => !tally.acked.has(f.id));
  console.log(
    `[pg restart] ${all.length} answers stored, ${tally.acked.size} acknowledged; stored but answered 503: ${unacked.length} ` +
      `(grading ${[...new Set(unacked.map((f) => f.grading_status))].join(', ') || '–'})`,
  );
});
