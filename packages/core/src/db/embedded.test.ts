/**
 * The embedded PostgreSQL's life cycle: first start creates the cluster, later starts reuse it;
 * a postmaster orphaned by a kill -9 of its owner is stopped and replaced; a stale postmaster.pid
 * is cleared; a folder whose owner is alive is refused. Each case its own temporary folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded.ts';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const dirs: string[] = [];
const children: ChildProcess[] = [];
/** Postmasters started by owner processes: stopped in afterAll if a test left one running. */
const postmasters: number[] = [];
const newDir = () => {
  const parent = mkdtempSync(join(tmpdir(), 'ai-interviewer-embedded-test-'));
  // as root, PostgreSQL runs as the user postgres, which must be able to enter the folder
  chmodSync(parent, 0o755);
  dirs.push(parent);
  // a folder below one that does not exist yet, like <repo>/data/postgres on a first start:
  // the folders made on the way must stay enterable for PostgreSQL's user when we are root
  return join(parent, 'data', 'postgres');
};
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const pid of postmasters.filter(alive)) process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && postmasters.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function query<T>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const ownerScript = fileURLToPath(new URL('../testing/embedded-owner.ts', import.meta.url));

/** A separate process that starts PostgreSQL in `dataDir` and waits. */
function startOwner(dataDir: string): Promise<{ child: ChildProcess; pid: number }> {
  const child = spawn(process.execPath, ['--import', tsx, ownerScript, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { pid } = JSON.parse(line) as { pid: number };
      postmasters.push(pid);
      resolve({ child, pid });
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`owner exited with ${code}: ${out}`)));
  });
}

// Each case runs initdb and starts PostgreSQL once or twice, some in a second process: seconds
// each on a quiet machine, 10-20 s when the 2 cores are shared; the default 30 s is for one query.
describe('embedded PostgreSQL', { timeout: 90_000 }, () => {
  it('creates the cluster on first start, keeps the data across a restart, and stops', async () => {
    const dataDir = newDir();
    const first = await startEmbeddedPostgres({ dataDir, database: 'app', fastInit: true });
    expect(first.initialised).toBe(true);
    expect(first.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/app$/);
    await query(first.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    const [version] = await query<{ server_version: string }>(first.url, 'SHOW server_version');
    expect(version?.server_version).toMatch(/^18\./);
    await first.stop();
    expect(alive(first.pid)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir, database: 'app' });
    try {
      expect(second.initialised).toBe(false);
      expect(await query(second.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    } finally {
      await second.stop();
    }
  });

  it('two clusters at once get different ports', async () => {
    const [a, b] = await Promise.all([
      startEmbeddedPostgres({ dataDir: newDir(), fastInit: true }),
      startEmbeddedPostgres({ dataDir: newDir(), fastInit: true }),
    ]);
    try {
      expect(a.port).not.toBe(b.port);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('after a kill -9 of its owner, the next start stops the orphaned PostgreSQL and starts afresh', async () => {
    const dataDir = newDir();
    const owner = await startOwner(dataDir);
    owner.child.kill('SIGKILL');
    await new Promise((r) => owner.child.once('exit', r));
    expect(alive(owner.pid), 'the postmaster outlives its owner').toBe(true);

    const next = await startEmbeddedPostgres({ dataDir });
    try {
      expect(alive(owner.pid)).toBe(false);
      expect(next.pid).not.toBe(owner.pid);
      expect(await query(next.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await next.stop();
    }
  });

  it('a stale postmaster.pid naming a live process that is not PostgreSQL is cleared', async () => {
    const dataDir = newDir();
    const first = await startEmbeddedPostgres({ dataDir, fastInit: true });
    await first.stop();
    // this test's own pid: alive, but not a postmaster
    writeFileSync(join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n0\n5432\n`);
    const next = await startEmbeddedPostgres({ dataDir });
    await next.stop();
    expect(next.initialised).toBe(false);
  });

  it('refuses a folder whose owner is alive, naming it', async () => {
    const dataDir = newDir();
    const owner = await startOwner(dataDir);
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      new RegExp(`in use by process ${owner.child.pid}`),
    );
    expect(alive(owner.pid)).toBe(true);
  });
});
