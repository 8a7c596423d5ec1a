/**
 * `npm test` / `npm start` (scripts/run.mjs) as the README gives them: `npm test -- --repeat N`
 * is the only option; anything else is answered with the usage at once, not with the whole suite
 * (lint, typecheck, unit, browser and load tests: many minutes, and an apt-get install as root).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../scripts/run.mjs', import.meta.url));
const USAGE = 'usage: npm start | npm test [-- --repeat N]   (N ≥ 1: the whole suite N times in a row)';

it.each([
  [['test', '--help']],
  [['test', '-h']],
  [['test', '--repeat']],
  [['test', '--repeat', '0']],
  [['test', '--repeat', '2', '--bail']],
  [['test', 'e2e']],
  [['start', '--port', '4000']],
  [['build']],
  [['test', 'foo', '3']],
  [['test', '--repeat', '1e1']],
])(
  '%j: the usage, exit code 2, nothing run',
  (args) => {
    // a timeout fails the test if the script started the suite instead
    const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 20_000 });
    expect({ status: r.status, stderr: r.stderr.trim(), stdout: r.stdout }).toEqual({
      status: 2,
      stderr: USAGE,
      stdout: '',
    });
  },
  30_000,
);
