/**
 * What a person reads when `npm start` (or `pnpm db:migrate`…) cannot start for a reason they can
 * fix: one message naming the variable and what to do, exit code 1, and no stack trace. The real
 * entry points in their own processes, as on a fresh clone.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@ai-interviewer/core';
import { afterAll, expect, it } from 'vitest';
import { EnvError } from './env.ts';
import { RedisRateLimitStore } from './redis-rate-limit-store.ts';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const entry = (name: string) => fileURLToPath(new URL(name, import.meta.url));
// mkdtemp makes it 0700; as root, PostgreSQL runs as "postgres" and must be able to enter it.
const root = mkdtempSync(join(tmpdir(), 'start-refusals-'));
chmodSync(root, 0o755);
let busy: Server | undefined;
let running: EmbeddedPostgres | undefined;
afterAll(async () => {
  await running?.stop();
  busy?.close();
  rmSync(root, { recursive: true, force: true });
});

function run(file: string, env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', tsx, entry(file), ...args], {
    // only what we pass: a developer's .env fills no variable set here
    env: { DATABASE_URL: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', AI_PROVIDER: 'offline', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stderr: r.stderr.trim() };
}

it('a DATA_DIR that cannot be created', () => {
  writeFileSync(join(root, 'a-file'), '');
  const dataDir = join(root, 'a-file', 'postgres');
  expect(run('main.ts', { DATA_DIR: dataDir })).toEqual({
    status: 1,
    stderr: `Cannot create the database folder ${dataDir} (EEXIST: file already exists, mkdir '${join(root, 'a-file')}'): set DATA_DIR to a folder you can write, or set DATABASE_URL.`,
  });
}, 60_000);

it('a PORT another process listens on', async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy?.listen(0, '127.0.0.1', resolve));
  const address = busy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const dataDir = join(root, 'busy-port', 'postgres');
  expect(run('main.ts', { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' })).toEqual({
    status: 1,
    stderr: `Cannot listen: 127.0.0.1:${port} is in use by another process: stop it, or set PORT to a free port`,
  });
}, 150_000);

it('a database folder a running process uses, for the CLI as for the server', async () => {
  const dataDir = join(root, 'in-use', 'postgres');
  mkdirSync(join(root, 'in-use'));
  running = await startEmbeddedPostgres({ dataDir, fastInit: true });
  const refusal = {
    status: 1,
    stderr:
      `The database folder ${dataDir} is in use by process ${process.pid} (its PostgreSQL is pid ${running.pid}). ` +
      'Stop that process, or give this one another DATA_DIR.',
  };
  expect(run('cli.ts', { DATA_DIR: dataDir }, 'migrate')).toEqual(refusal);
  expect(run('main.ts', { DATA_DIR: dataDir, PORT: '0' })).toEqual(refusal);
}, 150_000);

it('a DATABASE_URL that cannot be reached or logged into names DATABASE_URL (it said "Migration unknown failed")', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const address = closed.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => closed.close(resolve)); // nothing listens there now
  expect(run('main.ts', { DATABASE_URL: `postgres://app:s3cret@127.0.0.1:${port}/interviews` })).toEqual({
    status: 1,
    stderr:
      `Cannot use the PostgreSQL at 127.0.0.1:${port}/interviews (DATABASE_URL): connect ECONNREFUSED 127.0.0.1:${port}. ` +
      'Check DATABASE_URL, or unset it to use the embedded PostgreSQL.',
  });
  // the running embedded server of the test above, with a wrong password
  const wrong = new URL(running?.url ?? '');
  wrong.password = 'not-the-password';
  const refused = run('cli.ts', { DATABASE_URL: wrong.href }, 'migrate');
  expect(refused).toEqual({
    status: 1,
    stderr:
      `Cannot use the PostgreSQL at ${wrong.host}${wrong.pathname} (DATABASE_URL): password authentication failed for user "postgres". ` +
      'Check DATABASE_URL, or unset it to use the embedded PostgreSQL.',
  });
  expect(refused.stderr).not.toContain('not-the-password');
}, 60_000);

it('MIGRATE_ON_START=false on a database that lacks migrations says so (it printed relation "job_descriptions" does not exist)', () => {
  const dataDir = join(root, 'not-migrated', 'postgres');
  const r = run('main.ts', { DATA_DIR: dataDir, MIGRATE_ON_START: 'false', PORT: '0' });
  expect(r).toEqual({
    status: 1,
    stderr: expect.stringMatching(
      /^MIGRATE_ON_START=false, and the database lacks \d+ migrations \(0001_initial, .+\): run `pnpm db:migrate`, or set MIGRATE_ON_START=true\.$/,
    ),
  });
}, 150_000);

it('a REDIS_URL nothing answers at names REDIS_URL and the reason (it said "Connection is closed.")', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const address = closed.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => closed.close(resolve));
  const store = new RedisRateLimitStore(`redis://:s3cret@127.0.0.1:${port}`);
  const error = await store.connect().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EnvError);
  expect((error as Error).message).toBe(
    `Cannot connect to Redis at 127.0.0.1:${port} (REDIS_URL): connect ECONNREFUSED 127.0.0.1:${port}. ` +
      'Check REDIS_URL, or unset it to count the rate limits in PostgreSQL.',
  );
  await store.close();
});
