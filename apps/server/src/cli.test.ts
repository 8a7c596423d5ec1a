/**
 * `pnpm db:migrate`, `pnpm db:seed` and `pnpm create-admin` as the README tells a new user to
 * run them: the real CLI in its own process, on an embedded PostgreSQL in a fresh folder (the
 * state of a clone that has never been started).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
// mkdtemp makes it 0700; as root, PostgreSQL runs as "postgres" and must be able to enter it.
const dataDir = join(mkdtempSync(join(tmpdir(), 'cli-test-')), 'postgres');
chmodSync(dirname(dataDir), 0o755);
afterAll(() => rmSync(dirname(dataDir), { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', tsx, cli, ...args], {
    // only what we pass: a developer's .env fills no variable set here
    env: { DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

it('a wrong command line gets the usage without starting the database', () => {
  const r = run('create-admin', 'boss@example.com');
  expect(r.status).toBe(1);
  expect(existsSync(dataDir)).toBe(false);
  expect(r.stderr).toMatch(/^Usage:\n {2}pnpm db:migrate/);
}, 30_000);

it('create-admin on a clone never started: migrates, then creates the admin', () => {
  const first = run('create-admin', 'boss@example.com', 'change-me-please');
  expect(first).toMatchObject({
    status: 0,
    stdout: 'Admin ready (created): boss@example.com (admin, candidate)',
  });
  expect(run('migrate')).toMatchObject({ status: 0, stdout: 'Already up to date' });
}, 150_000);

it('create-admin refuses a bad email and a short password as register does, naming them, with no stack', () => {
  const bad = run('create-admin', 'not-an-email', 'x');
  expect(bad.status).toBe(1);
  expect(bad.stderr).toBe(
    'Refused:\n  email: must be a valid email address\n  password: must be at least 8 characters',
  );
  const short = run('create-admin', 'boss@example.com', 'short');
  expect(short).toMatchObject({ status: 1, stderr: 'password: must be at least 8 characters' });
}, 150_000);
