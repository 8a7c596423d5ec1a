/**
 * `pnpm bench`: seeds `ai_bench` on an embedded PostgreSQL it starts for the run (or the database
 * BENCH_DATABASE_URL names — that database is DROPPED and rebuilt),
 * starts our server and the bare Fastify + pg baseline as child processes, loads them with
 * autocannon, checks the performance targets and writes the results into docs/performance.md
 * (between the bench markers; the hand-written text around them stays). Exits 0: it reports.
 *
 * Env: BENCH_SECONDS (10, per side per scenario), BENCH_CONNECTIONS (50), BENCH_WARMUP_SECONDS (2),
 * BENCH_ROUNDS (5: ours and the baseline alternate in rounds so background load hits both alike).
 *
 * The phases live in run/: config (env and shared state), database (seed), load (runs and pairs),
 * writes, checks (equality, statements, plans), targets, finish (SPA size and the report).
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import type pg from 'pg';
import type { Report, Row } from './lib/report.ts';
import { feedbackPageRequests } from './lib/requests.ts';
import { growFeedback, seedHotSession, sessionId } from './lib/seed.ts';
import {
  baselineEntry,
  baselineEnv,
  type ServerProcess,
  serverEnv,
  startServerProcess,
} from './lib/server-process.ts';
import { compareResponses, countStatements, counts, explainRead, explainSession } from './run/checks.ts';
import { appNameOf, cfg, log, withAppName } from './run/config.ts';
import { type BenchDatabase, openDatabase } from './run/database.ts';
import { finishReport } from './run/finish.ts';
import { pair, rowOf, run, type Servers } from './run/load.ts';
import { checkTargets } from './run/targets.ts';
import { measureInterview, measureSubmit } from './run/writes.ts';

function emptyReport(): Report {
  return {
    startedAt: new Date().toISOString(),
    config: cfg,
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memGiB: totalmem() / 2 ** 30,
      node: process.version,
      postgres: '',
      loadBefore: loadavg(),
    },
    rows: [],
    queries: [],
    plans: [],
    equality: [],
    notes: [],
    targets: [],
    rss: null,
    spa: null,
    durationS: 0,
  };
}

/** Ours, the baseline, and the baseline sending named statements (ours against it: our Node layers alone). */
async function startServers(url: string): Promise<Servers> {
  const ours = await startServerProcess({ env: serverEnv(withAppName(url, 'bench_ours')) });
  const base = await startServerProcess({
    entry: baselineEntry,
    env: baselineEnv(withAppName(url, 'bench_baseline')),
  });
  const named = await startServerProcess({
    entry: baselineEntry,
    env: baselineEnv(withAppName(url, 'bench_baseline_named'), { BASELINE_NAMED_STATEMENTS: '1' }),
  });
  appNameOf.set(ours, 'bench_ours');
  appNameOf.set(base, 'bench_baseline');
  appNameOf.set(named, 'bench_baseline_named');
  log(
    `ours pid ${ours.pid} on ${ours.port}, baseline pid ${base.pid} on ${base.port}, named ${named.pid} on ${named.port}`,
  );
  return [ours, base, named];
}

const readReq = (path: string, token?: string): { path: string; headers: Record<string, string> } => ({
  path,
  headers: token ? { authorization: `Bearer ${token}` } : {},
});

/** Phases 4–5: the reads, ours against both baselines, with 10,000 then 100,000 feedback rows. */
async function measureReads(report: Report, c: pg.Client, servers: Servers, tokenOf: (n: number) => string) {
  const [ours, base] = servers;
  const reads = {
    jobsRest: readReq('/api/jobs'),
    jobsTrpc: readReq(`/trpc/jobs.list?input=${encodeURIComponent('{}')}`),
    me: readReq('/api/auth/me', tokenOf(1)),
    feedbacks: readReq(`/api/sessions/${sessionId(1)}/feedbacks`, tokenOf(1)),
  };
  report.equality = await compareResponses(ours, base, reads);
  const feedbacks = () => ({ requests: feedbackPageRequests(tokenOf) });
  const fb10k = await pair('feedback list (10k rows in table)', servers, feedbacks(), feedbacks());
  report.rows.push(fb10k.row);

  const t = Date.now();
  await growFeedback(c, 100_000);
  await c.query('VACUUM ANALYZE');
  report.notes.push(
    `Feedback grown from 10,000 to 100,000 rows in ${((Date.now() - t) / 1000).toFixed(1)} s.`,
  );
  log('grown', await counts(c));
  report.plans.push(...(await explainRead(c, '100,000 feedback rows')));

  const jobsRest = await pair('GET /api/jobs (REST)', servers, reads.jobsRest, reads.jobsRest);
  const jobsTrpc = await pair('GET /trpc/jobs.list (tRPC)', servers, reads.jobsTrpc, reads.jobsTrpc);
  const me = await pair('GET /api/auth/me (bearer)', servers, reads.me, reads.me);
  const fb100k = await pair('feedback list (100k rows in table)', servers, feedbacks(), feedbacks());
  report.rows.push(jobsRest.row, jobsTrpc.row, me.row, fb100k.row);
  return { fb10k, fb100k, readPairs: [fb10k, jobsRest, jobsTrpc, me, fb100k] };
}

/** Phase 7: a "hot" session, 10,000 then 100,000 answers in ONE session (not reachable through the API). */
async function measureHotSessions(
  report: Report,
  c: pg.Client,
  ours: ServerProcess,
  tokenOf: (n: number) => string,
) {
  const hot: Row[] = [];
  for (const [n, rows] of [
    [1, 10_000],
    [2, 100_000],
  ] as const) {
    const id = await seedHotSession(c, n, rows);
    await c.query('VACUUM ANALYZE feedback');
    const r = await run(
      ours,
      { path: `/api/sessions/${id}/feedbacks`, headers: { authorization: `Bearer ${tokenOf(1)}` } },
      Math.max(2, cfg.seconds / 2),
    );
    const hotRow = rowOf(`hot session: ${rows.toLocaleString('en')} rows in one session`, r, null, ours.pid);
    hotRow.load1 = loadavg()[0];
    hot.push(hotRow);
    report.plans.push(
      ...(await explainSession(c, id, `one session holding ${rows.toLocaleString('en')} rows`)),
    );
  }
  report.rows.push(...hot);
  return hot;
}

async function main() {
  const started = Date.now();
  const report = emptyReport();
  const db = await openDatabase(report);
  try {
    await measureAll(report, db);
  } finally {
    // also when a check stops the run: the embedded PostgreSQL goes with it
    await db.close();
  }
  finishReport(report, started);
}

async function measureAll(report: Report, db: BenchDatabase) {
  const { c, tokenOf } = db;
  // statements per request, counted in-process (same code, same database); stops the run on drift
  try {
    report.queries = await countStatements(db.handle, tokenOf);
  } finally {
    await db.handle.close();
  }
  report.plans.push(...(await explainRead(c, '10,000 feedback rows')));

  const servers = await startServers(cfg.url);
  const [ours, base, named] = servers;
  try {
    const reads = await measureReads(report, c, servers, tokenOf);
    const submit = await measureSubmit(ours, tokenOf);
    report.rows.push(submit.row, submit.single, submit.paced);
    const interview = await measureInterview(ours, tokenOf);
    interview.row.load1 = loadavg()[0];
    report.rows.push(interview.row);
    report.interview = interview.detail;
    const hot = await measureHotSessions(report, c, ours, tokenOf);
    checkTargets(report, { ours, base, ...reads, submit, hot });
  } finally {
    const [oursExit, baseExit] = await Promise.all([ours.stop(), base.stop(), named.stop()]);
    report.notes.push(
      `On SIGTERM our server exited with ${JSON.stringify(oursExit)}, the baseline with ${JSON.stringify(baseExit)}.`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
