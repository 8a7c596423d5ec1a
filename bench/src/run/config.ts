/** The bench's configuration (from the environment) and the state its phases share. */
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { LoadResult } from '../lib/cannon.ts';
import { databaseOf } from '../lib/databases.ts';
import { poolEnv, type ServerProcess, serverStartFlags } from '../lib/server-process.ts';

const env = process.env;
export const cfg = {
  /** Set in main() to the embedded PostgreSQL's when BENCH_DATABASE_URL is unset. */
  url: env.BENCH_DATABASE_URL ?? '',
  seconds: Number(env.BENCH_SECONDS ?? 10),
  connections: Number(env.BENCH_CONNECTIONS ?? 50),
  warmupS: Number(env.BENCH_WARMUP_SECONDS ?? 2),
  rounds: Math.max(1, Number(env.BENCH_ROUNDS ?? 5)),
  /** answers per second in all for the paced answer scenario */
  submitRate: Number(env.BENCH_SUBMIT_RATE ?? 100),
  /** the pool of ours and of both baselines alike (BENCH_POOL_MAX, default: the server's) */
  poolMax: Number(poolEnv().DB_POOL_MAX),
  /** the node flags of all three servers: those production starts ours with */
  nodeFlags: serverStartFlags,
};
if (cfg.url && !/bench/.test(databaseOf(cfg.url))) {
  console.error(
    `BENCH_DATABASE_URL must name a database with "bench" in its name (it is dropped): ${databaseOf(cfg.url)}`,
  );
  process.exit(2);
}
export const docPath = fileURLToPath(new URL('../../../docs/performance.md', import.meta.url));
export const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url));
export const log = (...a: unknown[]) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

export const PASSWORD = 'correct horse battery staple';
/** The bench's own connection, for seeding, plans and the backends' CPU (set once it is open). */
export const state: { admin: pg.Client | null } = { admin: null };
export function adminClient(): pg.Client {
  if (!state.admin) throw new Error('the bench has no database connection yet');
  return state.admin;
}
/** Each server's pool connects with its own application_name, so its backends can be found. */
export const appNameOf = new Map<ServerProcess, string>();
export const withAppName = (url: string, app: string) => {
  const u = new URL(url);
  u.searchParams.set('application_name', app);
  return u.toString();
};
export type Measured = LoadResult & { cpuMsPerReq: number; pgCpuMsPerReq: number };
export const SUBMIT_QUESTIONS = 20;
/** Sessions for POST /api/feedbacks: room for 2,500 answers/s over the warm-up and the measured seconds. */
export const submitSessions = Math.ceil(((cfg.seconds * 1.5 + cfg.warmupS) * 2500) / SUBMIT_QUESTIONS);
