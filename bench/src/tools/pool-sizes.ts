/**
 * `tsx bench/src/tools/pool-sizes.ts`: what the pool size costs or buys, with its memory.
 *
 * Our production server and the bare baseline, each at every pool size in BENCH_POOLS (4,8,20),
 * all running at once on one seeded embedded PostgreSQL and measured in rotating rounds (a
 * different server first each round, each after its own warm-up), so background load on a shared
 * machine hits all alike. Scenarios: GET /api/jobs?limit=20 (ours and the baseline at the same
 * pool: the ratio), a session's feedback page (authenticated, 4 statements), and POST
 * /api/feedbacks at BENCH_CONNECTIONS (ours only). Two more servers reproduce the comparison the
 * bench made before its sides were aligned: ours on pool 4 without the start script's node flags,
 * and the baseline on pool 8 without them. BENCH_SIDES picks other servers (see `fromSpec`).
 *
 * Memory, right after each server's answer run (its pool still open): the server's VmRSS and
 * VmHWM, and the summed RSS and PSS of its PostgreSQL backends (found by application_name).
 *
 * Env: BENCH_POOLS (4,8,20), BENCH_SIDES, BENCH_SCENARIOS (jobs,feedback,answers: which, in order), BENCH_ROUNDS (3), BENCH_SECONDS per run (3), BENCH_WARMUP_SECONDS (1),
 * BENCH_CONNECTIONS (50).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, hashPassword, migrateToLatest, startEmbeddedPostgres } from '@ai-interviewer/core';
import type autocannon from 'autocannon';
import pg from 'pg';
import { cannon, type LoadResult } from '../lib/cannon.ts';
import { backendCpu, cpuDelta, cpuMs } from '../lib/proc.ts';
import { answerRequests, feedbackPageRequests, nextAnswers } from '../lib/requests.ts';
import { fetchRaw, rawDifference } from '../lib/same-response.ts';
import { makeTokens, seedBase, seedSubmitSessions, USERS } from '../lib/seed.ts';
import {
  baselineEntry,
  baselineEnv,
  poolEnv,
  type ServerProcess,
  serverEnv,
  startServerProcess,
} from '../lib/server-process.ts';

const env = process.env;
const cfg = {
  pools: (env.BENCH_POOLS ?? '4,8,20').split(',').map(Number),
  rounds: Number(env.BENCH_ROUNDS ?? 3),
  seconds: Number(env.BENCH_SECONDS ?? 3),
  warmupS: Number(env.BENCH_WARMUP_SECONDS ?? 1),
  connections: Number(env.BENCH_CONNECTIONS ?? 50),
};
const log = (...a: unknown[]) => console.log(`[pools ${new Date().toISOString().slice(11, 19)}]`, ...a);
const QUESTIONS = 20;
/** Answer sessions: room for 2,000 answers/s over every ours-server's answer runs. */
const answerSessions = Math.ceil(
  ((cfg.pools.length + 1) * cfg.rounds * (cfg.seconds + cfg.warmupS) * 2000) / QUESTIONS,
);

interface Side {
  label: string;
  kind: 'ours' | 'base';
  pool: number;
  app: string;
  server?: ServerProcess;
}

/** BENCH_SIDES: `kind:pool[:plain]` items (plain: without the start script's node flags), comma-separated. */
const fromSpec = (spec: string): Side[] =>
  spec.split(',').map((item) => {
    const [kind, pool, flags] = item.split(':');
    if ((kind !== 'ours' && kind !== 'base') || !Number(pool)) throw new Error(`BENCH_SIDES: ${item}?`);
    const isPlain = flags === 'plain';
    return {
      label: `${kind === 'ours' ? 'ours' : 'baseline'}, pool ${pool}${isPlain ? ', no node flags' : ''}`,
      kind,
      pool: Number(pool),
      app: `pools_${kind}_${pool}${isPlain ? '_plain' : ''}`,
    };
  });
const sides: Side[] = env.BENCH_SIDES
  ? fromSpec(env.BENCH_SIDES)
  : [
      ...cfg.pools.flatMap((pool): Side[] => [
        { label: `ours, pool ${pool}`, kind: 'ours', pool, app: `pools_ours_${pool}` },
        { label: `baseline, pool ${pool}`, kind: 'base', pool, app: `pools_base_${pool}` },
      ]),
      {
        label: 'ours, pool 4, no node flags (as the bench ran it)',
        kind: 'ours',
        pool: 4,
        app: 'pools_ours_4_plain',
      },
      {
        label: 'baseline, pool 8, no node flags (as the bench ran it)',
        kind: 'base',
        pool: 8,
        app: 'pools_base_8_plain',
      },
    ];
const plain = (s: Side) => s.app.endsWith('_plain');

const withApp = (url: string, app: string) => {
  const u = new URL(url);
  u.searchParams.set('application_name', app);
  return u.toString();
};

async function start(s: Side, url: string): Promise<ServerProcess> {
  const pool = poolEnv(s.pool);
  const dbUrl = withApp(url, s.app);
  return startServerProcess({
    ...(s.kind === 'base' && { entry: baselineEntry }),
    env: s.kind === 'ours' ? serverEnv(dbUrl, pool) : { ...baselineEnv(dbUrl), ...pool },
    ...(plain(s) && { nodeArgs: [] }),
  });
}

const kb = (status: string, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
const readOr = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** The server's RSS and peak, its backends' summed RSS and PSS (kB). */
async function memoryOf(admin: pg.Client, s: Side) {
  const server = readOr(`/proc/${s.server?.pid}/status`);
  const { rows } = await admin.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
    [s.app],
  );
  let rss = 0;
  let pss = 0;
  for (const { pid } of rows) {
    rss += kb(readOr(`/proc/${pid}/status`), 'VmRSS');
    pss += kb(readOr(`/proc/${pid}/smaps_rollup`), 'Pss');
  }
  return {
    serverRss: kb(server, 'VmRSS'),
    serverHwm: kb(server, 'VmHWM'),
    backends: rows.length,
    backendsRss: rss,
    backendsPss: pss,
  };
}

type Measured = LoadResult & { cpuMsPerReq: number };
interface Scenario {
  name: string;
  only?: Side['kind'];
  target: () => {
    path?: string;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    requests?: autocannon.Request[];
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ai-interviewer-pools-pg-'));
  const pgServer = await startEmbeddedPostgres({
    dataDir: dir,
    database: 'ai_bench_pools',
    settings: { max_connections: '150' },
  });
  const admin = new pg.Client({ connectionString: pgServer.url });
  try {
    log(
      `seeding (${answerSessions} answer sessions)`,
      'load',
      loadavg()
        .map((x) => x.toFixed(2))
        .join(' '),
    );
    const handle = await createDatabase({ url: pgServer.url, poolMax: 2 });
    await migrateToLatest(handle.db);
    await handle.close();
    await admin.connect();
    const tokens = makeTokens(USERS);
    const tokenOf = (n: number) => tokens[n - 1] as string;
    await seedBase(admin, await hashPassword('correct horse battery staple'), tokens);
    await seedSubmitSessions(admin, answerSessions, QUESTIONS);
    await admin.query('VACUUM ANALYZE');

    for (const s of sides) s.server = await start(s, pgServer.url);
    const ours = sides.find((s) => s.kind === 'ours')?.server;
    const base = sides.find((s) => s.kind === 'base')?.server;
    if (ours && base)
      for (const path of ['/api/jobs?limit=20']) {
        const diff = rawDifference(await fetchRaw(ours, { path }), await fetchRaw(base, { path }));
        if (diff) throw new Error(`${path} differs: ${diff}`);
      }

    // one sequence for every run: a run continues through the prepared sessions where the last stopped
    const nextAnswer = nextAnswers(tokenOf, answerSessions);
    const scenarios: Scenario[] = [
      { name: 'GET /api/jobs?limit=20', target: () => ({ path: '/api/jobs?limit=20' }) },
      {
        name: 'feedback page (auth + 4 statements)',
        target: () => ({ requests: feedbackPageRequests(tokenOf) }),
      },
      {
        name: `POST /api/feedbacks, ${cfg.connections} connections`,
        only: 'ours',
        target: () => ({ requests: answerRequests(nextAnswer) }),
      },
    ];

    // in the order given: a server's state (its heap) after one scenario can change the next
    const keys = ['jobs', 'feedback', 'answers'];
    const chosen = (env.BENCH_SCENARIOS ?? 'jobs,feedback,answers').split(',').map((k) => {
      const sc = scenarios[keys.indexOf(k)];
      if (!sc) throw new Error(`BENCH_SCENARIOS: ${k}? (${keys.join(', ')})`);
      return sc;
    });
    const results = new Map<string, Measured[]>();
    const memory = new Map<string, Awaited<ReturnType<typeof memoryOf>>>();
    for (const sc of chosen) {
      const mine = sides.filter((s) => !sc.only || s.kind === sc.only);
      for (let round = 0; round < cfg.rounds; round++) {
        const order = mine.map((_, k) => mine[(k + round) % mine.length] as Side);
        for (const s of order) {
          const server = s.server as ServerProcess;
          const base = { url: server.url, connections: cfg.connections, ...sc.target() };
          // every run warms up: with the pool's idle timeout (10 s) a server left alone between
          // its turns has closed its connections, and would reopen (and re-prepare) them on the clock
          await cannon({ ...base, durationS: cfg.warmupS });
          const pg0 = await backendCpu(admin, s.app);
          const cpu0 = cpuMs(server.pid);
          const r = await cannon({ ...base, durationS: cfg.seconds });
          const cpu = cpuMs(server.pid) - cpu0 + cpuDelta(pg0, await backendCpu(admin, s.app));
          if (sc.only === 'ours') {
            const m = await memoryOf(admin, s);
            const prev = memory.get(s.label);
            if (!prev || m.backendsRss > prev.backendsRss) memory.set(s.label, m);
          }
          const key = `${sc.name}|${s.label}`;
          results.set(key, [...(results.get(key) ?? []), { ...r, cpuMsPerReq: cpu / Math.max(1, r.total) }]);
          log(
            `${sc.name} | ${s.label}: ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)}` +
              ` non-2xx ${r.non2xx} | load ${loadavg()[0]?.toFixed(1)}`,
          );
        }
      }
    }

    // summary: req/s over all rounds (total / time), p99 over all samples, CPU per request
    const sum = (runs: Measured[]) => {
      const total = runs.reduce((a, r) => a + r.total, 0);
      const time = runs.reduce((a, r) => a + r.durationS, 0);
      const all = Float64Array.from(runs.flatMap((r) => Array.from(r.samples))).sort();
      const p = (q: number) => all[Math.min(all.length - 1, Math.ceil(q * all.length) - 1)] ?? Number.NaN;
      const cpu = runs.reduce((a, r) => a + r.cpuMsPerReq * r.total, 0) / Math.max(1, total);
      const non2xx = runs.reduce((a, r) => a + r.non2xx, 0);
      return { rps: total / time, p50: p(0.5), p99: p(0.99), cpu, non2xx, per: runs.map((r) => r.rps) };
    };
    console.log(
      '\n| scenario | server | req/s | per round | p50 ms | p99 ms | CPU/req ms (server + PostgreSQL) | non-2xx |',
    );
    console.log('|---|---|--:|---|--:|--:|--:|--:|');
    for (const sc of chosen)
      for (const s of sides) {
        const runs = results.get(`${sc.name}|${s.label}`);
        if (!runs) continue;
        const x = sum(runs);
        console.log(
          `| ${sc.name} | ${s.label} | ${x.rps.toFixed(0)} | ${x.per.map((v) => v.toFixed(0)).join(', ')} | ${x.p50.toFixed(1)} | ${x.p99.toFixed(1)} | ${x.cpu.toFixed(2)} | ${x.non2xx} |`,
        );
      }
    console.log('\n| scenario | ours / baseline, same pool |');
    console.log('|---|---|');
    for (const sc of chosen.filter((x) => !x.only)) {
      const ratio = (o: string, b: string) => {
        const ro = results.get(`${sc.name}|${o}`);
        const rb = results.get(`${sc.name}|${b}`);
        return ro && rb ? (sum(ro).rps / sum(rb).rps).toFixed(2) : '–';
      };
      // ours against the baseline on the same pool and flags; the two legacy servers against each other
      const pairs = sides.flatMap((o) =>
        sides
          .filter((b) => o.kind === 'ours' && b.kind === 'base' && o.pool === b.pool && plain(o) === plain(b))
          .map((b) => [o, b] as const),
      );
      const legacy = sides.filter((x) => x.label.includes('as the bench ran it'));
      if (legacy.length === 2) pairs.push([legacy[0] as Side, legacy[1] as Side]);
      const cells = pairs.map(([o, b]) => `${o.label} / ${b.label}: ${ratio(o.label, b.label)}×`);
      console.log(`| ${sc.name} | ${cells.join('; ')} |`);
    }
    console.log('\n| ours | server RSS MB | server peak MB | backends | backends RSS MB | backends PSS MB |');
    console.log('|---|--:|--:|--:|--:|--:|');
    const mb = (k: number) => ((k * 1024) / 1e6).toFixed(0);
    for (const [label, m] of memory)
      console.log(
        `| ${label} | ${mb(m.serverRss)} | ${mb(m.serverHwm)} | ${m.backends} | ${mb(m.backendsRss)} | ${mb(m.backendsPss)} |`,
      );
    log(
      'done; load',
      loadavg()
        .map((x) => x.toFixed(2))
        .join(' '),
    );
  } finally {
    await Promise.all(sides.map((s) => s.server?.stop()));
    await admin.end().catch(() => {});
    await pgServer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
