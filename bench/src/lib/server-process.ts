/**
 * A server as a child process, its pid the server's own (RSS and SIGTERM reach it directly):
 * ours as deployed, `node apps/server/dist/main.js` (`pnpm build` makes it); a TypeScript entry
 * (the baseline) as `node --import tsx <entry>`, which is what `tsx <entry>` runs minus its wrapper.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEFAULT_CONNECTION_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_POOL_MAX,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  freePort,
} from '@ai-interviewer/core';
import { baselineSqlEnv } from './sql.ts';

const require = createRequire(import.meta.url);
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const serverEntry = fileURLToPath(new URL('../../../apps/server/dist/main.js', import.meta.url));
export const baselineEntry = fileURLToPath(new URL('../baseline/server.ts', import.meta.url));
const benchDir = fileURLToPath(new URL('../../', import.meta.url));

/** The node flags production starts our server with (`apps/server`'s `start` script): the bench runs it the same way. */
export const serverStartFlags: string[] = (
  JSON.parse(readFileSync(new URL('../../../apps/server/package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start
  .split(/\s+/)
  .filter((a) => a.startsWith('--'));

/**
 * The pool both sides of a comparison get, written into both environments so that they cannot
 * differ: our server's defaults unless BENCH_POOL_MAX says otherwise (the baseline has no
 * defaults of its own: it once kept 8 connections while ours went down to 4).
 */
export function poolEnv(
  poolMax = Number(process.env.BENCH_POOL_MAX ?? DEFAULT_POOL_MAX),
): Record<string, string> {
  return {
    DB_POOL_MAX: String(poolMax),
    DB_CONNECTION_TIMEOUT_MS: String(DEFAULT_CONNECTION_TIMEOUT_MS),
    DB_IDLE_TIMEOUT_MS: String(DEFAULT_IDLE_TIMEOUT_MS),
    DB_STATEMENT_TIMEOUT_MS: String(DEFAULT_STATEMENT_TIMEOUT_MS),
  };
}

/** The baseline's environment: the same pool as ours, the SQL ours sends, and `extra` (BASELINE_NAMED_STATEMENTS). */
export function baselineEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { DATABASE_URL: databaseUrl, ...poolEnv(), ...baselineSqlEnv(), ...extra };
}

/** A port nobody listens on right now: the one core's embedded PostgreSQL uses too. */
export { freePort };

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<Exit>;
  /** The last ~64 kB the process wrote (stdout and stderr), for diagnostics. */
  output(): string;
  /** Resident set size now and its peak (VmHWM), in kB, from /proc. */
  memory(): { rssKb: number; hwmKb: number };
  /** Milliseconds from spawn to the first 200 on the ready path. */
  readyAfterMs?: number;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit. */
  stop(graceMs?: number): Promise<Exit>;
}

export interface StartOptions {
  entry?: string;
  /** The child's whole environment besides PATH/HOME: nothing else leaks in from ours. */
  env: Record<string, string>;
  port?: number;
  /** A path that answers 200 once the server is ready. */
  readyPath?: string;
  readyTimeoutMs?: number;
  /**
   * Node flags; default `serverStartFlags`, for the baseline too: both sides of a comparison run
   * on the same runtime settings (a 2 MB semi-space collects the young generation more often).
   */
  nodeArgs?: string[];
}

export async function startServerProcess(opts: StartOptions): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const entry = opts.entry ?? serverEntry;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`pnpm build\` first`);
  const loader = entry.endsWith('.ts') ? ['--import', tsxLoader] : [];
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? serverStartFlags), ...loader, entry], {
    // no .env in the bench folder: the server reads only what we pass
    cwd: benchDir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      ...opts.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  if (child.pid === undefined) throw new Error('could not spawn the server');
  const pid = child.pid;
  const url = `http://127.0.0.1:${port}`;

  const proc: ServerProcess = {
    child,
    pid,
    port,
    url,
    exited,
    output: () => out,
    memory: () => readMemory(pid),
    async stop(graceMs = 15_000) {
      if (hasExited) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  const readyUrl = `${url}${opts.readyPath ?? '/api/health'}`;
  for (let attempt = 0; attempt < 1000; attempt++) {
    if (hasExited) throw new Error(`server exited before it was ready:\n${out}`);
    if (Date.now() > deadline) {
      await proc.stop(2000);
      throw new Error(`server not ready after ${opts.readyTimeoutMs ?? 60_000} ms:\n${out}`);
    }
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        proc.readyAfterMs = Date.now() - spawnedAt;
        return proc;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop(2000);
  throw new Error('server never became ready');
}

export function readMemory(pid: number): { rssKb: number; hwmKb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
  } catch {
    return { rssKb: Number.NaN, hwmKb: Number.NaN };
  }
}

/** The environment of our server for a given database, with the bench's limits opened up. */
export function serverEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    AI_PROVIDER: 'offline',
    AUTH_RATE_LIMIT: '100000',
    AUTH_ACCOUNT_RATE_LIMIT: '100000',
    AI_HOURLY_QUOTA: '0',
    SESSIONS_PER_HOUR: '0',
    JOBS_PER_HOUR: '0',
    MAX_ANSWERS_PER_SESSION: '200',
    ...poolEnv(),
    ...extra,
  };
}
