import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
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

export interface DatabaseOptions {
  /** A PostgreSQL URL. Unset: embedded PGlite. */
  url?: string | undefined;
  /** PGlite data folder, or `memory://` for a throwaway in-memory database. */
  dataDir?: string | undefined;
  /** pg pool size. */
  poolMax?: number | undefined;
  /** How long a request may wait for a pooled connection before it fails (→ 503). */
  connectionTimeoutMs?: number | undefined;
  /** Server-side cap on one statement. */
  statementTimeoutMs?: number | undefined;
  /** search_path for every connection (tests isolate themselves in a schema). */
  searchPath?: string | undefined;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export async function createDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.url) {
    const options: string[] = [];
    if (opts.searchPath) options.push(`-c search_path=${opts.searchPath}`);
    if (opts.statementTimeoutMs) options.push(`-c statement_timeout=${opts.statementTimeoutMs}`);
    const pool = new pg.Pool({
      Client: PreparingClient,
      connectionString: opts.url,
      max: opts.poolMax ?? 10,
      connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
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

  // Loaded only when used: PGlite's module alone adds ~50 MB to the RSS of a server on PostgreSQL.
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('kysely-pglite-dialect'),
  ]);
  const dataDir = opts.dataDir ?? './data/pglite';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  if (opts.searchPath) await pglite.exec(`SET search_path TO ${opts.searchPath}`);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
