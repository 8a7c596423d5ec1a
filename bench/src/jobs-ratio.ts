/**
 * `pnpm --filter @ai-interviewer/bench bench:ratio`: the speed ratio of issue #15, on its own.
 *
 * `GET /api/jobs?limit=20` (a page plus the total) on our production server against the bare
 * Fastify + `pg` baseline (bench/src/baseline/server.ts), which answers the same bytes with one
 * `count(*) over ()` statement. Same seeded database, both servers up at once, on the same pool
 * and node flags as `pnpm bench` gives them (lib/server-process.ts: `poolEnv`, `serverStartFlags`),
 * measured in alternating rounds (the side that goes first swaps each round, so a disturbance
 * hits both alike). Prints each round's requests/s and the ratio ours/baseline over the whole run.
 *
 * Env: BENCH_DATABASE_URL (else an embedded PostgreSQL), BENCH_POOL_MAX (the server's default), BENCH_RATIO_ROUNDS (8),
 * BENCH_RATIO_SECONDS per side per round (3), BENCH_CONNECTIONS (50), BENCH_RATIO_TARGET (0.8).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, hashPassword, migrateToLatest, startEmbeddedPostgres } from '@ai-interviewer/core';
import pg from 'pg';
import { cannon } from './lib/cannon.ts';
import { databaseOf, recreateDatabase } from './lib/databases.ts';
import { cpuMs } from './lib/proc.ts';
import { fetchRaw, rawDifference } from './lib/same-response.ts';
import { makeTokens, seedBase, USERS } from './lib/seed.ts';
import {
  baselineEntry,
  baselineEnv,
  type ServerProcess,
  serverEnv,
  startServerProcess,
} from './lib/server-process.ts';

const env = process.env;
const cfg = {
  rounds: Math.max(1, Number(env.BENCH_RATIO_ROUNDS ?? 8)),
  seconds: Number(env.BENCH_RATIO_SECONDS ?? 3),
  connections: Number(env.BENCH_CONNECTIONS ?? 50),
  target: Number(env.BENCH_RATIO_TARGET ?? 0.8),
  warmupS: Number(env.BENCH_WARMUP_SECONDS ?? 5),
};
const PATH = '/api/jobs?limit=20';
const log = (...a: unknown[]) => console.log(`[ratio ${new Date().toISOString().slice(11, 19)}]`, ...a);

async function database(): Promise<{ url: string; stop(): Promise<void> }> {
  const given = env.BENCH_DATABASE_URL;
  if (given) {
    if (!/bench/.test(databaseOf(given))) throw new Error('BENCH_DATABASE_URL must name a "bench" database');
    return { url: given, stop: async () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'ai-interviewer-ratio-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: dir, database: 'ai_bench_ratio' });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function seed(url: string) {
  await recreateDatabase(url);
  const handle = await createDatabase({ url, poolMax: 2 });
  await migrateToLatest(handle.db);
  await handle.close();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // the same seed as `pnpm bench` (50 public jobs among 1,000 users' data)
    await seedBase(c, await hashPassword('correct horse battery staple'), makeTokens(USERS));
    await c.query('VACUUM ANALYZE');
  } finally {
    await c.end();
  }
}

/** The two answers must be the same bytes, or the ratio compares different work. */
async function sameAnswer(ours: ServerProcess, base: ServerProcess) {
  const diff = rawDifference(await fetchRaw(ours, { path: PATH }), await fetchRaw(base, { path: PATH }));
  if (diff !== null) throw new Error(`the two servers answer ${PATH} differently: ${diff}`);
}

async function main() {
  const db = await database();
  let ours: ServerProcess | null = null;
  let base: ServerProcess | null = null;
  try {
    log(`seeding ${databaseOf(db.url)}`);
    await seed(db.url);
    ours = await startServerProcess({ env: serverEnv(db.url) });
    base = await startServerProcess({ entry: baselineEntry, env: baselineEnv(db.url) });
    await sameAnswer(ours, base);
    const sides = { ours, base };
    for (const s of Object.values(sides))
      await cannon({ url: s.url, path: PATH, connections: cfg.connections, durationS: cfg.warmupS });
    const totals = { ours: 0, base: 0 };
    /** Node CPU (ms) of each server process over the measured rounds: steadier than req/s on a busy machine. */
    const cpu = { ours: 0, base: 0 };
    const ratios: number[] = [];
    for (let round = 0; round < cfg.rounds; round++) {
      const order = round % 2 === 0 ? (['ours', 'base'] as const) : (['base', 'ours'] as const);
      const rps = { ours: 0, base: 0 };
      for (const side of order) {
        const cpu0 = cpuMs(sides[side].pid);
        const r = await cannon({
          url: sides[side].url,
          path: PATH,
          connections: cfg.connections,
          durationS: cfg.seconds,
        });
        if (r.non2xx > 0 || r.errors > 0) throw new Error(`${side}: ${r.non2xx} non-2xx, ${r.errors} errors`);
        cpu[side] += cpuMs(sides[side].pid) - cpu0;
        rps[side] = r.rps;
        totals[side] += r.total;
      }
      ratios.push(rps.ours / rps.base);
      log(
        `round ${round + 1}: ours ${rps.ours.toFixed(0)} req/s, baseline ${rps.base.toFixed(0)} req/s → ${(rps.ours / rps.base).toFixed(2)}×`,
      );
    }
    const ratio = totals.ours / totals.base;
    const sorted = [...ratios].sort((x, y) => x - y);
    log(
      `GET ${PATH}: ours/baseline = ${ratio.toFixed(2)}× over ${cfg.rounds} alternating rounds ` +
        `(per round ${sorted[0]?.toFixed(2)}–${sorted.at(-1)?.toFixed(2)}×); target ≥ ${cfg.target}× → ` +
        (ratio >= cfg.target ? 'PASS' : 'FAIL'),
    );
    const perReq = (side: 'ours' | 'base') => (cpu[side] * 1000) / Math.max(1, totals[side]);
    log(
      `Node CPU per request: ours ${perReq('ours').toFixed(0)} µs, baseline ${perReq('base').toFixed(0)} µs ` +
        `(${(perReq('base') / perReq('ours')).toFixed(2)}× when CPU-bound, PostgreSQL's share not counted)`,
    );
    process.exitCode = ratio >= cfg.target ? 0 : 1;
  } finally {
    await Promise.all([ours?.stop(), base?.stop()]);
    await db.stop();
  }
}

await main();
