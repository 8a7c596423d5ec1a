#!/usr/bin/env node
// `npm start` / `npm test` on a fresh clone with only Node and npm: installs the workspace
// with the pinned pnpm (through npx when pnpm is not installed), then runs the task.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.4.2';

function hasPnpm() {
  try {
    return (
      execSync('pnpm --version', { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() === PNPM_VERSION
    );
  } catch {
    return false;
  }
}
const pnpm = hasPnpm() ? ['pnpm'] : ['npx', '--yes', `pnpm@${PNPM_VERSION}`];

/** Said when a step fails (which run of a repeated suite it was). */
let failureNote = '';

function run(args, env = {}) {
  const [cmd, ...rest] = [...pnpm, ...args];
  const r = spawnSync(cmd, rest, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    if (failureNote) console.error(`\n=== ${failureNote}: ${[cmd, ...rest].join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

function ensureInstalled() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    run(['install', '--frozen-lockfile']);
  }
}

const [task, ...options] = process.argv.slice(2);
// `npm test -- --repeat N` is the only option: anything else (`--help`, a typo) gets the usage
// at once, not the whole suite it would otherwise start.
const repeat =
  options.length === 2 && options[0] === '--repeat' && /^\d+$/.test(options[1]) ? Number(options[1]) : 0;
const known =
  (task === 'start' && options.length === 0) || (task === 'test' && (options.length === 0 || repeat >= 1));
if (!known) usage();
const times = repeat || 1;
ensureInstalled();
if (task === 'start') {
  // Build what the sources say, every start: turbo hashes the sources (and the workspace packages
  // they bundle), so after a `git pull` the SPA and the server are rebuilt, and an unchanged
  // tree is a cache hit that costs about a second. The server runs as compiled JavaScript
  // (an esbuild bundle), not through a TypeScript loader.
  run([
    'exec',
    'turbo',
    'run',
    'build',
    '--filter=@ai-interviewer/web',
    '--filter=@ai-interviewer/server',
    '--output-logs=errors-only',
  ]);
  run(['--filter', '@ai-interviewer/server', 'start']);
} else if (task === 'test') {
  // `--repeat N`: the whole suite N times in a row, stopping at the first failure: the check
  // that no test is flaky (a failure is fixed at its cause, never retried).
  for (let i = 1; i <= times; i++) {
    if (times > 1) {
      console.log(`\n=== npm test: run ${i} of ${times}`);
      failureNote = `npm test failed in run ${i} of ${times}`;
    }
    // Static checks, then unit and integration tests (on an embedded PostgreSQL unless TEST_DATABASE_URL is set),
    // then the browser tests against the built app, then the load and fault tests.
    run(['exec', 'biome', 'check', '.']);
    run(['exec', 'turbo', 'run', 'typecheck', 'test']);
    run(['exec', 'turbo', 'run', 'test:e2e']);
    run(['exec', 'turbo', 'run', 'test:load']);
  }
  if (times > 1) console.log(`\n=== npm test: ${times} runs in a row passed`);
}

function usage() {
  console.error('usage: npm start | npm test [-- --repeat N]   (N ≥ 1: the whole suite N times in a row)');
  process.exit(2);
}
