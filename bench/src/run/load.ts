/** Load runs: autocannon against a server, with the CPU each request cost the server and PostgreSQL. */
import { loadavg } from 'node:os';
import type autocannon from 'autocannon';
import { cannon, type LoadResult, mergeResults } from '../lib/cannon.ts';
import { backendCpu, cpuDelta, cpuMs } from '../lib/proc.ts';
import type { Row } from '../lib/report.ts';
import type { ServerProcess } from '../lib/server-process.ts';
import { adminClient, appNameOf, cfg, log, type Measured } from './config.ts';

export interface Target {
  path?: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  requests?: autocannon.Request[];
  tag?: { current: string | null };
}

/** Warm-up (discarded), then the measured run; CPU per request of the server and of its PostgreSQL backends alongside. */
export async function run(
  server: ServerProcess,
  target: Target,
  seconds: number,
  warmup = true,
  connections = cfg.connections,
): Promise<Measured> {
  if (warmup) await warmUp(server, target, connections);
  return measure(server, () => cannon({ url: server.url, connections, ...target, durationS: seconds }));
}

/** Load not counted (BENCH_WARMUP_SECONDS): the server's code paths and pool are warm when measuring starts. */
async function warmUp(server: ServerProcess, target: Target, connections = cfg.connections) {
  if (cfg.warmupS > 0) await cannon({ url: server.url, connections, ...target, durationS: cfg.warmupS });
}

export async function measure(server: ServerProcess, load: () => Promise<LoadResult>): Promise<Measured> {
  const app = appNameOf.get(server) ?? '';
  const pg0 = await backendCpu(adminClient(), app);
  const cpu0 = cpuMs(server.pid);
  const r = await load();
  const cpu = cpuMs(server.pid) - cpu0;
  const pgCpu = cpuDelta(pg0, await backendCpu(adminClient(), app));
  const n = Math.max(1, r.total);
  return { ...r, cpuMsPerReq: cpu / n, pgCpuMsPerReq: pgCpu / n };
}

export type Servers = [ours: ServerProcess, baseline: ServerProcess, namedBaseline: ServerProcess];

/** Ours, the baseline and the named-statement baseline in rotating rounds, merged. */
export async function pair(
  scenario: string,
  [ours, base, named]: Servers,
  oursTarget: Target,
  baseTarget: Target,
) {
  const o: Measured[] = [];
  const b: Measured[] = [];
  const n: Measured[] = [];
  const per = cfg.seconds / cfg.rounds;
  const sides = ['o', 'b', 'n'] as const;
  const lastEnd: Record<string, number> = {};
  const targetOf = { o: [ours, oursTarget], b: [base, baseTarget], n: [named, baseTarget] } as const;
  // every warm-up before the first round: inside it, the first side would wait through the
  // others' warm-ups and start its second round after 12 s idle (finding 10)
  for (const side of sides) {
    const [server, target] = targetOf[side];
    await warmUp(server, target);
    if (cfg.warmupS > 0) lastEnd[side] = Date.now();
  }
  for (let round = 0; round < cfg.rounds; round++) {
    // A different side goes first each round, so a disturbance hits all three alike. The order
    // rotates right (o b n, n o b, b n o): no server waits more than two others' turns (~4-6 s).
    // Rotated left (o b n, b n o), the first side went last next round and sat idle for 8-12 s:
    // V8's memory reducer then shrinks its heap and its next run costs 30-70% more CPU per
    // request (docs/performance.md, finding 10).
    const order = sides.map(
      (_, k) => sides[(k - (round % sides.length) + sides.length) % sides.length] as (typeof sides)[number],
    );
    for (const side of order) {
      const idle = lastEnd[side] ? ((Date.now() - (lastEnd[side] as number)) / 1000).toFixed(1) : '-';
      const [server, target] = targetOf[side];
      const m = await run(server, target, per, false);
      (side === 'o' ? o : side === 'b' ? b : n).push(m);
      lastEnd[side] = Date.now();
      log(
        `  ${scenario}, round ${round + 1}, ${side}: ${m.rps.toFixed(0)} req/s, CPU/req ${(m.cpuMsPerReq * 1000).toFixed(0)} + ${(m.pgCpuMsPerReq * 1000).toFixed(0)} µs, after ${idle} s idle`,
      );
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

export function rowOf(scenario: string, o: Measured, b: Measured | null, _pid: number): Row {
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
