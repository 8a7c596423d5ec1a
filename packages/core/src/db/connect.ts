import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DEFAULT_CONNECTION_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_POOL_MAX } from '../defaults.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded.ts';
import { statementNameOf } from './prepared.ts';
import type { Database } from './types.ts';

/**
 * A pg client that sends the queries compiled by `prepare()` as named statements: PostgreSQL
 * parses and plans each once per connection instead of on every call (Kysely always sends
 * unnamed ones). Everything else goes through unchanged.
 */
class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this only forwards them
  override query(...args: any[]): any {
    const [text, values, ...rest] = args;
    const name = typeof text === 'string' ? statementNameOf(text) : undefined;
    // biome-ignore lint/suspicious/noExplicitAny: as above
    if (name) return (super.query as any)({ name, text, values }, ...rest);
    // biome-ignore lint/suspicious/noExplicitAny: as above
    return (super.query as any)(...args);
  }
}

/** The database the app's own embedded PostgreSQL serves. */
const EMBEDDED_DATABASE = 'ai_interviewer';

export interface DatabaseOptions {
  /** A PostgreSQL URL. Unset: an embedded PostgreSQL in `dataDir`, started here and stopped by close(). */
  url?: string | undefined;
  /** The embedded PostgreSQL's folder (created on first use). */
  dataDir?: string | undefined;
  /** pg pool size (default DEFAULT_POOL_MAX). */
  poolMax?: number | undefined;
  /** How long a request may wait for a pooled connection before it fails (→ 503; default DEFAULT_CONNECTION_TIMEOUT_MS). */
  connectionTimeoutMs?: number | undefined;
  /** How long an unused pooled connection stays open (each is a PostgreSQL process). Default DEFAULT_IDLE_TIMEOUT_MS. */
  idleTimeoutMs?: number | undefined;
  /** Server-side cap on one statement. */
  statementTimeoutMs?: number | undefined;
  /** search_path for every connection (tests isolate themselves in a schema). */
  searchPath?: string | undefined;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** `embedded`: a PostgreSQL this process started and stops on close(). */
  kind: 'postgres' | 'embedded';
  /** Set when kind is `embedded`: where it keeps its data, and whether this start created it. */
  embedded?: { dataDir: string; port: number; created: boolean } | undefined;
  close(): Promise<void>;
}

export async function createDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.url) return connect(opts.url, opts);
  if (!opts.dataDir)
    throw new Error('createDatabase: a PostgreSQL URL or a data folder for the embedded one');
  const server: EmbeddedPostgres = await startEmbeddedPostgres({
    dataDir: opts.dataDir,
    database: EMBEDDED_DATABASE,
  });
  try {
    const handle = await connect(server.url, opts);
    return {
      ...handle,
      kind: 'embedded',
      embedded: { dataDir: server.dataDir, port: server.port, created: server.initialised },
      async close() {
        try {
          await handle.close();
        } finally {
          await server.stop();
        }
      },
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

async function connect(url: string, opts: DatabaseOptions): Promise<DatabaseHandle> {
  const options: string[] = [];
  if (opts.searchPath) options.push(`-c search_path=${opts.searchPath}`);
  if (opts.statementTimeoutMs) options.push(`-c statement_timeout=${opts.statementTimeoutMs}`);
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    max: opts.poolMax ?? DEFAULT_POOL_MAX,
    connectionTimeoutMillis: opts.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    idleTimeoutMillis: opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    ...(options.length ? { options: options.join(' ') } : {}),
  });
  // An idle client that loses its server (restart) must not crash the process.
  pool.on('error', () => {});
  // Nor may a checked-out one (mid-transaction, between two statements): pg emits 'error' on
  // the client itself, where the pool listens only while it is idle. The client is then
  // unusable, its next query fails (→ 503) and the pool discards it on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}
