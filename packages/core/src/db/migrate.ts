import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import * as m0001 from './migrations/0001_initial.ts';
import * as m0002 from './migrations/0002_creation_order.ts';
import * as m0003 from './migrations/0003_feedback_rubric.ts';
import * as m0004 from './migrations/0004_creation_quota.ts';
import * as m0005 from './migrations/0005_voice.ts';
import * as m0006 from './migrations/0006_rate_limits.ts';
import * as m0007 from './migrations/0007_voice_preferences.ts';
import * as m0008 from './migrations/0008_practice.ts';
import * as m0009 from './migrations/0009_share_links.ts';

/** Listed explicitly (not read from disk) so bundlers and tsx see the same set. */
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_creation_order': m0002,
  '0003_feedback_rubric': m0003,
  '0004_creation_quota': m0004,
  '0005_voice': m0005,
  '0006_rate_limits': m0006,
  '0007_voice_preferences': m0007,
  '0008_practice': m0008,
  '0009_share_links': m0009,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * `schema`: where Kysely keeps its bookkeeping tables when the database is not the default
 * `public` one (tests give each file a schema). Without it, Kysely looks for its lock table in
 * every schema and can find another file's.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, opts: { schema?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider,
    ...(opts.schema && { migrationTableSchema: opts.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * The migrations this code has that the database lacks (all of them on a database never migrated),
 * read from Kysely's bookkeeping table as the connection's search_path finds it: what a start
 * with MIGRATE_ON_START=false checks before it uses the tables.
 */
export async function pendingMigrations<DB>(db: Kysely<DB>): Promise<string[]> {
  const table = await sql<{
    present: boolean;
  }>`SELECT to_regclass('kysely_migration') IS NOT NULL AS present`.execute(db);
  if (!table.rows[0]?.present) return Object.keys(migrations);
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const applied = new Set(rows.map((r) => r.name));
  return Object.keys(migrations).filter((name) => !applied.has(name));
}
