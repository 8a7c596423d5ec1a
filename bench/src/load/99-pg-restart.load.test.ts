/**
 * PostgreSQL restarted under load (stopped with `pg_ctlcluster … stop -m fast`, left down ~3 s,
 * started again), against the real entry point as a child process:
 *  - during the outage every request fails fast with a JSON 503, never a 500, never a hang;
 *  - the server recovers by itself (health 200, requests 2xx again) without a restart;
 *  - every answer acknowledged with a 2xx, before or after, is in the database.
 *
 * This disturbs every other user of that PostgreSQL server, so it runs last and alone (the load
 * config orders files by name), and afterAll starts PostgreSQL again whatever happened. Skipped
 * when the database is not a local cluster this user can restart (and no LOAD_PG_STOP/START).
 */
import { spawnSync } from 'node:child_process';
import { createDatabase, type DatabaseHandle, migrateToLatest, TokenAuth } from '@ai-interviewer/core';
import { makeJob, makeUser } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLoadDatabase, DEFAULT_TEST_URL } from '../lib/databases.ts';
import { type ServerProcess, serverEnv, startServerProcess } from '../lib/server-process.ts';
import { call, interview, type Reply, sleep, Tally, waitFor } from './support.ts';

const CONNECTION_TIMEOUT_MS = 1000;
/** "Fast" on a busy 2-core machine: the connect timeout plus scheduling slack, far from a hang. */
const FAST_MS = CONNECTION_TIMEOUT_MS + 2500;
const OUTAGE_MS = 3000;
const CANDIDATES = 20;

const target = new URL(process.env.TEST_DATABASE_URL || DEFAULT_TEST_URL);
const port = Number(target.port || 5432);

/** The local cluster serving the test database, if this user can control it. */
function localCluster(): { version: string; name: string } | null {
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(target.hostname)) return null;
  if (process.getuid?.() !== 0) return null; // pg_ctlcluster needs root (or the cluster owner)
  const r = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) return null;
  for (const line of r.stdout.split('\n')) {
    const [version, name, p] = line.trim().split(/\s+/);
    if (version && name && Number(p) === port) return { version, name };
  }
  return null;
}

/**
 * How to stop and start the server: LOAD_PG_STOP / LOAD_PG_START (shell commands) when set
 * (another setup, or a private instance while developing), else pg_ctlcluster on the cluster
 * that serves the test database's port.
 */
const custom = process.env.LOAD_PG_STOP && process.env.LOAD_PG_START;
const cluster = custom ? null : localCluster();
const canRestart = Boolean(custom || cluster);
const ctl = (action: 'start' | 'stop') => {
  const r = custom
    ? spawnSync(
        'sh',
        ['-c', (action === 'stop' ? process.env.LOAD_PG_STOP : process.env.LOAD_PG_START) ?? ''],
        { encoding: 'utf8', timeout: 60_000 },
      )
    : cluster
      ? spawnSync(
          'pg_ctlcluster',
          [
            '--skip-systemctl-redirect',
            cluster.version,
            cluster.name,
            action,
            ...(action === 'stop' ? ['--', '-m', 'fast'] : []),
          ],
          { encoding: 'utf8', timeout: 60_000 },
        )
      : null;
  if (r?.status !== 0)
    throw new Error(`stopping/starting PostgreSQL (${action}) failed: ${r?.stderr || r?.stdout}`);
};
const isUp = () =>
  spawnSync('pg_isready', ['-h', target.hostname, '-p', String(port), '-q'], { timeout: 10_000 }).status ===
  0;

let db: Awaited<ReturnType<typeof createLoadDatabase>> | undefined;
let handle: DatabaseHandle | undefined;
let server: ServerProcess | undefined;

beforeAll(async () => {
  if (!canRestart) return;
  db = await createLoadDatabase();
  handle = await createDatabase({ url: db.url, poolMax: 2 });
  await migrateToLatest(handle.db);
});

afterAll(async () => {
  // PostgreSQL must be up again whatever happened above
  if (canRestart && !isUp()) {
    try {
      ctl('start');
    } catch (e) {
      console.error(e);
    }
  }
  await waitFor(isUp, 60_000, 500);
  await server?.stop(5000);
  await handle?.close();
  await db?.drop();
});

interface Timed extends Reply {
  startedAt: number;
  endedAt: number;
}

test.skipIf(!canRestart)(
  'PostgreSQL restarted under load: 503 fast during the outage, recovery on its own, nothing acknowledged lost',
  async () => {
    if (!handle || !db) throw new Error('setup failed');
    const job = await makeJob(handle.db, null);
    const auth = new TokenAuth(handle.db);
    const users = await Promise.all(Array.from({ length: CANDIDATES }, () => makeUser(handle!.db)));
    const tokens = await Promise.all(users.map(async ({ user }) => (await auth.issue(user.id)).token));
    server = await startServerProcess({
      env: serverEnv(db.url, { DB_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS), DB_POOL_MAX: '10' }),
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
      ctl('stop');
      mark.down = performance.now();
      await sleep(OUTAGE_MS);
      mark.starting = performance.now();
      ctl('start');
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
  },
);
