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

function run(args, env = {}) {
  const [cmd, ...rest] = [...pnpm, ...args];
  const r = spawnSync(cmd, rest, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function ensureInstalled() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    run(['install', '--frozen-lockfile']);
  }
}

const task = process.argv[2];
ensureInstalled();
if (task === 'start') {
  if (!existsSync(join(root, 'apps/web/dist/index.html'))) run(['--filter', '@ai-interviewer/web', 'build']);
  // the server runs as compiled JavaScript (a one-second esbuild bundle), not through a TypeScript loader
  run(['--filter', '@ai-interviewer/server', 'build']);
  run(['--filter', '@ai-interviewer/server', 'start']);
} else if (task === 'test') {
  // Static checks, then unit and integration tests (on an embedded PostgreSQL unless TEST_DATABASE_URL is set),
  // then the browser tests against the built app, then the load and fault tests.
  run(['exec', 'biome', 'check', '.']);
  run(['exec', 'turbo', 'run', 'typecheck', 'test']);
  run(['exec', 'turbo', 'run', 'test:e2e']);
  run(['exec', 'turbo', 'run', 'test:load']);
} else {
  console.error('usage: node scripts/run.mjs start|test');
  process.exit(2);
}
