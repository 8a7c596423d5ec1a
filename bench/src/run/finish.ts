/** Phase 9: the SPA's size, then the report: a JSON file in bench/results and docs/performance.md. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Report, renderReport, writeReport } from '../lib/report.ts';
import { repoRoot } from '../lib/server-process.ts';
import { spaSize } from '../lib/spa-size.ts';
import { docPath, log, resultsDir } from './config.ts';

export function finishReport(report: Report, started: number): void {
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
