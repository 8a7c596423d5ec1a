/** Phase 8: each performance target, checked against what the run measured. */
import type { Report, Row } from '../lib/report.ts';
import type { ServerProcess } from '../lib/server-process.ts';
import { cfg } from './config.ts';

export interface Measurements {
  ours: ServerProcess;
  base: ServerProcess;
  /** The read scenarios, ours against the baseline. */
  readPairs: { row: Row }[];
  fb10k: { row: Row };
  fb100k: { row: Row };
  submit: { row: Row; paced: Row };
  hot: Row[];
}

export function checkTargets(
  report: Report,
  { ours, base, readPairs, fb10k, fb100k, submit, hot }: Measurements,
): void {
  const mem = ours.memory();
  report.rss = { ours: mem, baseline: base.memory() };
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
    target: 'reads against a baseline that also sends named statements (our Node layers alone, informative)',
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
}
