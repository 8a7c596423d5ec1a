/**
 * `pnpm bench`: seeds `ai_bench` on an embedded PostgreSQL it starts for the run (or the database
 * BENCH_DATABASE_URL names — that database is DROPPED and rebuilt),
 * starts our server and the bare Fastify + pg baseline as child processes, loads them with
 * autocannon, checks the performance targets and writes the results into docs/performance.md
 * (between the bench markers; the hand-written text around them stays). Exits 0: it reports.
 *
 * Env: BENCH_SECONDS (10, per side per scenario), BENCH_CONNECTIONS (50), BENCH_WARMUP_SECONDS (2),
 * BENCH_ROUNDS (5: ours and the baseline alternate in rounds so background load hits both alike).
 */
import { deepStrictEqual } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createDatabase,
  createOfflineProvider,
  hashPassword,
  migrateToLatest,
  startEmbeddedPostgres,
  TokenAuth,
} from '@ai-interviewer/core';
import { buildServer } from '@ai-interviewer/server';
import type autocannon from 'autocannon';
import type { InjectOptions } from 'fastify';
import pg from 'pg';
import { cannon, type LoadResult, mergeResults } from './lib/cannon.ts';
import { databaseOf, recreateDatabase } from './lib/databases.ts';
import { pacedLoad } from './lib/paced.ts';
import { backendCpu, cpuDelta, cpuMs } from './lib/proc.ts';
import { installQueryLog } from './lib/query-log.ts';
import { type Report, type Row, renderReport, writeReport } from './lib/report.ts';
import {
  ANSWER,
  growFeedback,
  JOBS,
  jobId,
  makeTokens,
  ownerOf,
  READ_SESSIONS,
  seedBase,
  seedHotSession,
  seedSubmitSessions,
  sessionId,
  submitSessionId,
  USERS,
} from './lib/seed.ts';
import {
  baselineEntry,
  repoRoot,
  type ServerProcess,
  serverEnv,
  startServerProcess,
} from './lib/server-process.ts';
import { spaSize } from './lib/spa-size.ts';
import { SQL, sameSql } from './lib/sql.ts';

const env = process.env;
const cfg = {
  /** Set in main() to the embedded PostgreSQL's when BENCH_DATABASE_URL is unset. */
  url: env.BENCH_DATABASE_URL ?? '',
  seconds: Number(env.BENCH_SECONDS ?? 10),
  connections: Number(env.BENCH_CONNECTIONS ?? 50),
  warmupS: Number(env.BENCH_WARMUP_SECONDS ?? 2),
  rounds: Math.max(1, Number(env.BENCH_ROUNDS ?? 5)),
  /** answers per second in all for the paced answer scenario */
  submitRate: Number(env.BENCH_SUBMIT_RATE ?? 100),
};
if (cfg.url && !/bench/.test(databaseOf(cfg.url))) {
  console.error(
    `BENCH_DATABASE_URL must name a database with "bench" in its name (it is dropped): ${databaseOf(cfg.url)}`,
  );
  process.exit(2);
}
const docPath = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
const log = (...a: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

const PASSWORD = 'correct horse battery staple';
/** The bench's own connection, for seeding, plans and the backends' CPU. */
let admin: pg.Client;
/** Each server's pool connects with its own application_name, so its backends can be found. */
const appNameOf = new Map<ServerProcess, string>();
const withAppName = (url: string, app: string) => {
  const u = new URL(url);
  u.searchParams.set('application_name', app);
  return u.toString();
};
type Measured = LoadResult & { cpuMsPerReq: number; pgCpuMsPerReq: number };
const SUBMIT_QUESTIONS = 20;
/** Sessions for POST /api/feedbacks: room for 2,500 answers/s over the warm-up and the measured seconds. */
const submitSessions = Math.ceil(((cfg.seconds * 1.5 + cfg.warmupS) * 2500) / SUBMIT_QUESTIONS);

async function main() {
  const started = Date.now();
  const report: Report = {
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

  // 1. database
  let embedded: { stop(): Promise<void>; dir: string } | null = null;
  if (!cfg.url) {
    const dir = mkdtempSync(join(tmpdir(), 'ai-interviewer-bench-pg-'));
    const server = await startEmbeddedPostgres({
      dataDir: dir,
      database: 'ai_bench',
      settings: { max_connections: '100' },
    });
    embedded = { stop: () => server.stop(), dir };
    cfg.url = server.url;
    log(`embedded PostgreSQL on port ${server.port} in ${dir}`);
  }
  log(`resetting ${databaseOf(cfg.url)}`);
  await recreateDatabase(cfg.url);
  const handle = await createDatabase({ url: cfg.url, poolMax: 4 });
  await migrateToLatest(handle.db);
  const c = new pg.Client({ connectionString: cfg.url });
  await c.connect();
  admin = c;
  report.machine.postgres = (
    (await c.query('SHOW server_version')).rows[0] as { server_version: string }
  ).server_version;
  const tokens = makeTokens(USERS);
  const tokenOf = (userNo: number) => tokens[userNo - 1] as string;
  let t = Date.now();
  await seedBase(c, await hashPassword(PASSWORD), tokens);
  // one more than the scenario rotates through: the statement count below answers in it
  await seedSubmitSessions(c, submitSessions + 1, SUBMIT_QUESTIONS);
  await c.query('VACUUM ANALYZE');
  report.notes.push(
    `Seeded in ${((Date.now() - t) / 1000).toFixed(1)} s (${submitSessions} extra ongoing sessions of ${SUBMIT_QUESTIONS} questions for the answer scenario).`,
  );
  log('seeded', await counts(c));

  // 2. statements per request, counted in-process (same code, same database)
  report.queries = await countStatements(handle, tokenOf);
  await handle.close();
  report.plans.push(...(await explainRead(c, '10,000 feedback rows')));

  // 3. the two servers
  const ours = await startServerProcess({ env: serverEnv(withAppName(cfg.url, 'bench_ours')) });
  const base = await startServerProcess({
    entry: baselineEntry,
    env: { DATABASE_URL: withAppName(cfg.url, 'bench_baseline') },
  });
  // the same baseline sending named statements, as ours does for its hot queries: ours against it
  // is the price of our Node layers alone
  const named = await startServerProcess({
    entry: baselineEntry,
    env: { DATABASE_URL: withAppName(cfg.url, 'bench_baseline_named'), BASELINE_NAMED_STATEMENTS: '1' },
  });
  appNameOf.set(ours, 'bench_ours');
  appNameOf.set(base, 'bench_baseline');
  appNameOf.set(named, 'bench_baseline_named');
  log(
    `ours pid ${ours.pid} on ${ours.port}, baseline pid ${base.pid} on ${base.port}, named ${named.pid} on ${named.port}`,
  );
  const servers: Servers = [ours, base, named];
  try {
    const readReq = (path: string, token?: string): { path: string; headers: Record<string, string> } => ({
      path,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    /** The read sessions rotate (each with its owner's token), like users reading their own history. */
    const feedbackRequests = (): autocannon.Request[] => {
      let i = 0;
      return [
        {
          method: 'GET',
          setupRequest: (req) => {
            const k = (i++ % READ_SESSIONS) + 1;
            return {
              ...req,
              path: `/api/sessions/${sessionId(k)}/feedbacks`,
              headers: { authorization: `Bearer ${tokenOf(ownerOf(k))}` },
            };
          },
        },
      ];
    };
    const reads = {
      jobsRest: readReq('/api/jobs'),
      jobsTrpc: readReq(`/trpc/jobs.list?input=${encodeURIComponent('{}')}`),
      me: readReq('/api/auth/me', tokenOf(1)),
      feedbacks: readReq(`/api/sessions/${sessionId(1)}/feedbacks`, tokenOf(1)),
    };
    report.equality = await compareResponses(ours, base, reads);

    // 4. feedback list with 10,000 rows in the table
    const fb10k = await pair(
      'feedback list (10k rows in table)',
      servers,
      { requests: feedbackRequests() },
      { requests: feedbackRequests() },
    );
    report.rows.push(fb10k.row);

    // 5. grow to 100,000
    t = Date.now();
    await growFeedback(c, 100_000);
    await c.query('VACUUM ANALYZE');
    report.notes.push(
      `Feedback grown from 10,000 to 100,000 rows in ${((Date.now() - t) / 1000).toFixed(1)} s.`,
    );
    log('grown', await counts(c));
    report.plans.push(...(await explainRead(c, '100,000 feedback rows')));

    const jobsRest = await pair(
      'GET /api/jobs (REST)',
      servers,
      { path: reads.jobsRest.path },
      { path: reads.jobsRest.path },
    );
    const jobsTrpc = await pair(
      'GET /trpc/jobs.list (tRPC)',
      servers,
      { path: reads.jobsTrpc.path },
      { path: reads.jobsTrpc.path },
    );
    const me = await pair('GET /api/auth/me (bearer)', servers, reads.me, reads.me);
    const fb100k = await pair(
      'feedback list (100k rows in table)',
      servers,
      { requests: feedbackRequests() },
      { requests: feedbackRequests() },
    );
    report.rows.push(jobsRest.row, jobsTrpc.row, me.row, fb100k.row);

    // 6. writes
    const submit = await measureSubmit(ours, tokenOf);
    report.rows.push(submit.row, submit.single, submit.paced);
    const interview = await measureInterview(ours, tokenOf);
    interview.row.load1 = loadavg()[0];
    report.rows.push(interview.row);
    report.interview = interview.detail;

    // 7. a "hot" session: 10,000 then 100,000 answers in ONE session (not reachable through the API)
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
      const hotRow = rowOf(
        `hot session: ${rows.toLocaleString('en')} rows in one session`,
        r,
        null,
        ours.pid,
      );
      hotRow.load1 = loadavg()[0];
      hot.push(hotRow);
      report.plans.push(
        ...(await explainSession(c, id, `one session holding ${rows.toLocaleString('en')} rows`)),
      );
    }
    report.rows.push(...hot);

    // 8. targets
    const mem = ours.memory();
    report.rss = { ours: mem, baseline: base.memory() };
    const readPairs = [fb10k, jobsRest, jobsTrpc, me, fb100k];
    const layerRatios: string[] = [];
    for (const p of readPairs) {
      const ratio = p.row.ratio ?? 0;
      if (p.row.named) layerRatios.push(`${p.row.scenario} ${p.row.named.ratio.toFixed(2)}×`);
      p.row.target = '≥ 0.75× baseline';
      p.row.pass = ratio >= 0.75;
      const ob = p.row.baseline;
      const oursCpu = p.row.ours.cpuMsPerReq + p.row.ours.pgCpuMsPerReq;
      const baseCpu = ob ? ob.cpuMsPerReq + ob.pgCpuMsPerReq : Number.NaN;
      report.targets.push({
        target: `${p.row.scenario}: throughput ≥ 0.75 × baseline`,
        value:
          `${ratio.toFixed(2)}× measured; CPU per request (server + PostgreSQL) ${oursCpu.toFixed(2)} vs ${baseCpu.toFixed(2)} ms, ` +
          `so ${(baseCpu / oursCpu).toFixed(2)}× when CPU-bound`,
        pass: p.row.pass,
      });
    }
    report.targets.push({
      target:
        'reads against a baseline that also sends named statements (our Node layers alone, informative)',
      value: layerRatios.join('; '),
      pass: readPairs.every((p) => (p.row.named?.ratio ?? 0) >= 0.75),
      informative: true,
    });
    submit.row.target = 'p99 ≤ 50 ms';
    submit.row.pass = submit.row.ours.p99 <= 50 && submit.row.ours.non2xx === 0;
    const authQ = report.queries.find((q) => q.scenario === 'GET /api/auth/me');
    report.targets.push({
      target: 'authentication: at most one database round trip',
      value: authQ
        ? `${authQ.perRequest.toFixed(2)} statements per /api/auth/me (${authQ.sqlMatches ? 'the session+user+roles join' : 'UNEXPECTED SQL'})`
        : 'not measured',
      pass: Boolean(authQ && authQ.perRequest <= 1 && authQ.sqlMatches),
    });
    report.targets.push({
      target: `POST /api/feedbacks (offline) p99 ≤ 50 ms at ${cfg.connections} connections`,
      value: `p99 ${submit.row.ours.p99.toFixed(1)} ms (${submit.row.ours.non2xx} non-2xx)`,
      pass: submit.row.ours.p99 <= 50 && submit.row.ours.non2xx === 0,
    });
    report.targets.push({
      target: `same, the ${cfg.connections} clients paced to ${cfg.submitRate} answers/s in all (informative)`,
      value: `p99 ${submit.paced.ours.p99.toFixed(1)} ms, p50 ${submit.paced.ours.p50.toFixed(1)} ms (${submit.paced.ours.non2xx} non-2xx)`,
      pass: submit.paced.ours.p99 <= 50 && submit.paced.ours.non2xx === 0,
      informative: true,
    });
    const scale = fb100k.row.ours.rps / fb10k.row.ours.rps;
    report.targets.push({
      target: 'feedback list at 100k rows within 20% of its speed at 10k (table size)',
      value: `${(scale * 100).toFixed(0)}% of the 10k throughput; p50 ${fb10k.row.ours.p50.toFixed(1)} → ${fb100k.row.ours.p50.toFixed(1)} ms`,
      pass: scale >= 0.8,
    });
    const [hot10, hot100] = hot;
    if (hot10 && hot100) {
      const hs = hot100.ours.rps / hot10.ours.rps;
      report.targets.push({
        target: 'same, read as "one session holding 10k vs 100k rows" (informative)',
        value: `${(hs * 100).toFixed(0)}% of the 10k throughput; p50 ${hot10.ours.p50.toFixed(1)} → ${hot100.ours.p50.toFixed(1)} ms`,
        pass: hs >= 0.8,
        informative: true,
      });
    }
    report.targets.push({
      target: 'server RSS after the whole bench ≤ 250 MB',
      value: `${((mem.rssKb * 1024) / 1e6).toFixed(0)} MB = ${(mem.rssKb / 1024).toFixed(0)} MiB (peak under load ${((mem.hwmKb * 1024) / 1e6).toFixed(0)} MB)`,
      pass: mem.rssKb * 1024 <= 250 * 1e6,
    });
  } finally {
    const [oursExit, baseExit] = await Promise.all([ours.stop(), base.stop(), named.stop()]);
    report.notes.push(
      `On SIGTERM our server exited with ${JSON.stringify(oursExit)}, the baseline with ${JSON.stringify(baseExit)}.`,
    );
    await c.end();
    if (embedded) {
      await embedded.stop();
      rmSync(embedded.dir, { recursive: true, force: true });
    }
  }

  // 9. the SPA
  log('measuring the SPA');
  const spa = spaSize(fileURLToPath(new URL('apps/web/', `file://${repoRoot}`)));
  report.spa = spa;
  report.targets.push(
    'error' in spa
      ? { target: "SPA's initial JS ≤ 150 kB gzipped", value: spa.error, pass: false }
      : {
          target: "SPA's initial JS ≤ 150 kB gzipped",
          value: `${(spa.totalGzip / 1000).toFixed(1)} kB gzip over ${spa.files.length} file(s) (${spa.source})`,
          pass: spa.totalGzip <= 150_000,
        },
  );

  report.machine.loadAfter = loadavg();
  report.durationS = (Date.now() - started) / 1000;
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    `${resultsDir}bench-${report.startedAt.replace(/[:.]/g, '-')}.json`,
    JSON.stringify(report, (_k, v) => (v instanceof Float64Array ? undefined : v), 2),
  );
  const section = renderReport(report);
  writeReport(docPath, section);
  // the repository's formatter owns Markdown tables too: leave the file as `pnpm lint` wants it
  const biome = fileURLToPath(new URL('node_modules/.bin/biome', `file://${repoRoot}`));
  if (existsSync(biome))
    spawnSync(biome, ['format', '--write', docPath], { cwd: repoRoot, stdio: 'ignore', timeout: 60_000 });
  console.log(`\n${section}`);
  log(`done in ${report.durationS.toFixed(0)} s; results in docs/performance.md`);
}

async function counts(c: pg.Client) {
  const { rows } = await c.query(
    `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM job_descriptions)::int AS jobs,
            (SELECT count(*) FROM interview_sessions)::int AS sessions, (SELECT count(*) FROM session_questions)::int AS questions,
            (SELECT count(*) FROM feedback)::int AS feedback`,
  );
  return rows[0] as Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// load runs

interface Target {
  path?: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  requests?: autocannon.Request[];
  tag?: { current: string | null };
}

/** Warm-up (discarded), then the measured run; CPU per request of the server and of its PostgreSQL backends alongside. */
async function run(
  server: ServerProcess,
  target: Target,
  seconds: number,
  warmup = true,
  connections = cfg.connections,
): Promise<Measured> {
  const base = { url: server.url, connections, ...target };
  if (warmup && cfg.warmupS > 0) await cannon({ ...base, durationS: cfg.warmupS });
  return measure(server, () => cannon({ ...base, durationS: seconds }));
}

async function measure(server: ServerProcess, load: () => Promise<LoadResult>): Promise<Measured> {
  const app = appNameOf.get(server) ?? '';
  const pg0 = await backendCpu(admin, app);
  const cpu0 = cpuMs(server.pid);
  const r = await load();
  const cpu = cpuMs(server.pid) - cpu0;
  const pgCpu = cpuDelta(pg0, await backendCpu(admin, app));
  const n = Math.max(1, r.total);
  return { ...r, cpuMsPerReq: cpu / n, pgCpuMsPerReq: pgCpu / n };
}

type Servers = [ours: ServerProcess, baseline: ServerProcess, namedBaseline: ServerProcess];

/** Ours, the baseline and the named-statement baseline in rotating rounds, merged. */
async function pair(scenario: string, [ours, base, named]: Servers, oursTarget: Target, baseTarget: Target) {
  const o: Measured[] = [];
  const b: Measured[] = [];
  const n: Measured[] = [];
  const per = cfg.seconds / cfg.rounds;
  const sides = ['o', 'b', 'n'] as const;
  for (let round = 0; round < cfg.rounds; round++) {
    // a different side goes first each round, so a disturbance hits all three alike
    const order = sides.map((_, k) => sides[(k + round) % sides.length] as (typeof sides)[number]);
    for (const side of order) {
      // servers stay up between rounds: one warm-up per side is enough
      if (side === 'o') o.push(await run(ours, oursTarget, per, round === 0));
      else if (side === 'b') b.push(await run(base, baseTarget, per, round === 0));
      else n.push(await run(named, baseTarget, per, round === 0));
    }
  }
  const merged = (runs: Measured[]): Measured => {
    const n = Math.max(
      1,
      runs.reduce((sum, r) => sum + r.total, 0),
    );
    return {
      ...mergeResults(runs),
      cpuMsPerReq: runs.reduce((sum, r) => sum + r.cpuMsPerReq * r.total, 0) / n,
      pgCpuMsPerReq: runs.reduce((sum, r) => sum + r.pgCpuMsPerReq * r.total, 0) / n,
    };
  };
  const mo = merged(o);
  const mb = merged(b);
  const mn = merged(n);
  const row = rowOf(scenario, mo, mb, ours.pid);
  row.named = { side: rowOf(scenario, mn, null, named.pid).ours, ratio: mo.rps / mn.rps };
  row.load1 = loadavg()[0];
  log(
    `${scenario}: ours ${mo.rps.toFixed(0)} req/s p50 ${mo.p50.toFixed(1)} p99 ${mo.p99.toFixed(1)} | baseline ${mb.rps.toFixed(0)} req/s p50 ${mb.p50.toFixed(1)} p99 ${mb.p99.toFixed(1)} | ratio ${(mo.rps / mb.rps).toFixed(2)} | named-statement baseline ${mn.rps.toFixed(0)} req/s, ratio ${(mo.rps / mn.rps).toFixed(2)}`,
  );
  return { row };
}

function rowOf(scenario: string, o: Measured, b: Measured | null, _pid: number): Row {
  const strip = (r: Measured) => ({
    rps: r.rps,
    p50: r.p50,
    p90: r.p90,
    p99: r.p99,
    max: r.max,
    total: r.total,
    non2xx: r.non2xx,
    errors: r.errors,
    statusCodes: r.statusCodes,
    cpuMsPerReq: r.cpuMsPerReq,
    pgCpuMsPerReq: r.pgCpuMsPerReq,
  });
  return { scenario, ours: strip(o), baseline: b ? strip(b) : null, ratio: b ? o.rps / b.rps : null };
}

/** POST /api/feedbacks, each request answering the current question of the next prepared session. */
async function measureSubmit(ours: ServerProcess, tokenOf: (n: number) => string) {
  let i = 0;
  /** The next answer: the current question of the next prepared session, as its owner. */
  const nextAnswer = () => {
    const k = (i++ % submitSessions) + 1;
    return {
      method: 'POST' as const,
      path: '/api/feedbacks',
      headers: { authorization: `Bearer ${tokenOf(ownerOf(k))}`, 'content-type': 'application/json' },
      body: JSON.stringify({ session_id: submitSessionId(k), answer: ANSWER }),
    };
  };
  const requests: autocannon.Request[] = [
    { method: 'POST', setupRequest: (req) => ({ ...req, ...nextAnswer() }) },
  ];
  const r = await run(ours, { requests }, cfg.seconds);
  log(
    `POST /api/feedbacks: ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} non-2xx ${r.non2xx} ${JSON.stringify(r.statusCodes)}`,
  );
  const row = rowOf(
    `POST /api/feedbacks (offline grader), ${cfg.connections} connections`,
    r,
    null,
    ours.pid,
  );
  row.load1 = loadavg()[0];
  // the same with one connection: the service time, without queueing
  const one = await run(ours, { requests }, Math.max(2, cfg.seconds / 2), false, 1);
  log(
    `POST /api/feedbacks, 1 connection: ${one.rps.toFixed(0)} req/s p50 ${one.p50.toFixed(1)} p99 ${one.p99.toFixed(1)}`,
  );
  const single = rowOf('POST /api/feedbacks (offline grader), 1 connection', one, null, ours.pid);
  single.load1 = loadavg()[0];
  // the same 50 connections, paced: an answer due every 1/submitRate s, below saturation
  const p = await measure(ours, () =>
    pacedLoad({
      url: ours.url,
      ratePerSecond: cfg.submitRate,
      durationS: cfg.seconds,
      connections: cfg.connections,
      request: nextAnswer,
    }),
  );
  log(
    `POST /api/feedbacks, ${cfg.connections} connections paced to ${cfg.submitRate}/s: ${p.rps.toFixed(0)} req/s p50 ${p.p50.toFixed(1)} p99 ${p.p99.toFixed(1)} non-2xx ${p.non2xx}`,
  );
  const paced = rowOf(
    `POST /api/feedbacks (offline grader), ${cfg.connections} connections paced to ${cfg.submitRate} answers/s in all`,
    p,
    null,
    ours.pid,
  );
  paced.load1 = loadavg()[0];
  return { row, single, paced };
}

/** A whole interview per virtual candidate: create, start, five answers, end; loops until time is up. */
async function measureInterview(ours: ServerProcess, tokenOf: (n: number) => string) {
  let next = 0;
  let interviews = 0;
  let failedSteps = 0;
  const tag = { current: null as string | null };
  type Ctx = { token?: string; sessionId?: string; failed?: boolean };
  const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const onResponse =
    (step: string, after?: (body: string, ctx: Ctx) => void) =>
    (status: number, body: string, context: object) => {
      tag.current = step;
      const ctx = context as Ctx;
      if (status < 200 || status >= 300) {
        ctx.failed = true;
        failedSteps++;
        return;
      }
      after?.(body, ctx);
    };
  const step = (
    name: string,
    build: (ctx: Ctx) => { path: string; body?: string },
    after?: (body: string, ctx: Ctx) => void,
  ): autocannon.Request => ({
    method: 'POST',
    setupRequest: (req, context) => {
      const ctx = context as Ctx;
      if (!ctx.token || !ctx.sessionId || ctx.failed) return null as unknown as autocannon.Request; // start over
      const b = build(ctx);
      return {
        ...req,
        path: b.path,
        headers: json(ctx.token),
        ...(b.body !== undefined ? { body: b.body } : { body: '{}' }),
      };
    },
    onResponse: onResponse(name, after),
  });
  const requests: autocannon.Request[] = [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        const ctx = context as Ctx;
        const n = next++;
        ctx.token = tokenOf(501 + (n % 500));
        return {
          ...req,
          path: '/api/sessions',
          headers: json(ctx.token),
          body: JSON.stringify({
            job_description_id: jobId((n % JOBS) + 1),
            question_count: 5,
            focus: 'mixed',
          }),
        };
      },
      onResponse: onResponse('create', (body, ctx) => {
        ctx.sessionId = (JSON.parse(body) as { id: string }).id;
      }),
    },
    step('start', (ctx) => ({ path: `/api/sessions/${ctx.sessionId}/start` })),
    ...[1, 2, 3, 4, 5].map((n) =>
      step(`answer ${n}`, (ctx) => ({
        path: '/api/feedbacks',
        body: JSON.stringify({ session_id: ctx.sessionId, answer: ANSWER }),
      })),
    ),
    step(
      'end',
      (ctx) => ({ path: `/api/sessions/${ctx.sessionId}/end` }),
      () => {
        interviews++;
      },
    ),
  ];
  // warm up on its own, then count from zero
  await cannon({ url: ours.url, connections: cfg.connections, durationS: cfg.warmupS, requests, tag });
  interviews = 0;
  failedSteps = 0;
  const res = await measure(ours, () =>
    cannon({ url: ours.url, connections: cfg.connections, durationS: cfg.seconds, requests, tag }),
  );
  const r = res;
  const detail = {
    interviewsPerS: interviews / r.durationS,
    interviews,
    failedSteps,
    steps: r.byTag,
  };
  log(
    `interviews: ${detail.interviewsPerS.toFixed(1)}/s, ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)}, failed steps ${failedSteps}`,
  );
  return {
    row: rowOf(
      `whole interview (create, start, 5 answers, end): ${detail.interviewsPerS.toFixed(1)} interviews/s`,
      res,
      null,
      ours.pid,
    ),
    detail,
  };
}

// ---------------------------------------------------------------------------------------------
// checks

/** Our responses and the baseline's must be the same JSON, or the comparison means nothing. */
async function compareResponses(
  ours: ServerProcess,
  base: ServerProcess,
  reads: Record<string, { path: string; headers: Record<string, string> }>,
) {
  const out: Report['equality'] = [];
  for (const [name, r] of Object.entries(reads)) {
    const get = async (s: ServerProcess) => {
      const res = await fetch(s.url + r.path, { headers: r.headers });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    const [a, b] = [await get(ours), await get(base)];
    let same = a.status === b.status;
    let detail = `${a.status} vs ${b.status}`;
    try {
      deepStrictEqual(a.body, b.body);
    } catch (e) {
      same = false;
      detail += `; bodies differ: ${String((e as Error).message).slice(0, 300)}`;
    }
    out.push({ scenario: name, path: r.path, same, detail, bytes: JSON.stringify(a.body).length });
    if (!same) log(`WARNING: ${name} differs between ours and the baseline: ${detail}`);
  }
  return out;
}

/** Statements per request for each scenario, from an in-process server on the same database. */
async function countStatements(
  handle: Awaited<ReturnType<typeof createDatabase>>,
  tokenOf: (n: number) => string,
): Promise<Report['queries']> {
  const token = tokenOf(1);
  const spare = submitSessions + 1;
  const ql = installQueryLog();
  const app = await buildServer({
    services: {
      db: handle.db,
      interviewer: {
        provider: createOfflineProvider(),
        fallback: null,
        limits: { maxAnswersPerSession: 200, hourlyModelCalls: 0 },
      },
    },
    auth: new TokenAuth(handle.db),
    authRateLimit: { limit: 100_000, windowMs: 60_000 },
  });
  await app.ready();
  const auth = { authorization: `Bearer ${token}` };
  const N = 100;
  const cases: { scenario: string; n: number; expect?: string[]; inject: (i: number) => InjectOptions }[] = [
    {
      scenario: 'GET /api/auth/me',
      n: N,
      expect: [SQL.authSession],
      inject: () => ({ method: 'GET', url: '/api/auth/me', headers: auth }),
    },
    {
      scenario: 'GET /api/jobs',
      n: N,
      expect: [SQL.jobsPage, SQL.jobsCount],
      inject: () => ({ method: 'GET', url: '/api/jobs' }),
    },
    {
      scenario: 'GET /trpc/jobs.list',
      n: N,
      expect: [SQL.jobsPage, SQL.jobsCount],
      inject: () => ({ method: 'GET', url: `/trpc/jobs.list?input=${encodeURIComponent('{}')}` }),
    },
    {
      scenario: 'GET /api/sessions/{id}/feedbacks',
      n: N,
      expect: [SQL.authSession, SQL.sessionById, SQL.feedbackPage, SQL.feedbackCount],
      inject: () => ({ method: 'GET', url: `/api/sessions/${sessionId(1)}/feedbacks`, headers: auth }),
    },
    {
      // the spare prepared session, outside the scenario's rotation: ten answers in order
      scenario: 'POST /api/feedbacks',
      n: 10,
      inject: () => ({
        method: 'POST',
        url: '/api/feedbacks',
        headers: { authorization: `Bearer ${tokenOf(ownerOf(spare))}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ session_id: submitSessionId(spare), answer: ANSWER }),
      }),
    },
  ];
  const out: Report['queries'] = [];
  try {
    for (const k of cases) {
      ql.reset();
      const statuses = new Set<number>();
      for (let i = 0; i < k.n; i++) statuses.add((await app.inject(k.inject(i))).statusCode);
      const perRequest = ql.statements.length / k.n;
      const distinct = [...new Set(ql.statements.map((s) => s.replace(/\s+/g, ' ').trim()))];
      const sqlMatches = k.expect
        ? distinct.length === k.expect.length && k.expect.every((e) => distinct.some((d) => sameSql(d, e)))
        : true;
      out.push({
        scenario: k.scenario,
        requests: k.n,
        statuses: [...statuses],
        perRequest,
        statements: ql.statements.slice(0, Math.round(perRequest)).map((s) => s.replace(/\s+/g, ' ').trim()),
        sqlMatches,
      });
      log(
        `${k.scenario}: ${perRequest.toFixed(2)} statements/request, statuses ${[...statuses].join(',')}${sqlMatches ? '' : ' — SQL DRIFT: update bench/src/lib/sql.ts'}`,
      );
    }
  } finally {
    await app.close();
    ql.uninstall();
  }
  return out;
}

async function explain(c: pg.Client, label: string, sql: string, params: unknown[]) {
  await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params); // warm the cache first
  const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  return { label, sql, params, plan: rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') };
}

/** The read scenario's statements for read session 1. */
async function explainRead(c: pg.Client, when: string): Promise<Report['plans']> {
  return explainSession(c, sessionId(1), when);
}

async function explainSession(c: pg.Client, id: string, when: string): Promise<Report['plans']> {
  return [
    await explain(c, `feedback page, ${when}`, SQL.feedbackPage, [id, 20, 0]),
    await explain(c, `feedback count, ${when}`, SQL.feedbackCount, [id]),
  ];
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
