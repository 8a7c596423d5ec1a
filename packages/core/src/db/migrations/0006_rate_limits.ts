import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code, and is never edited once
// released. Later changes go in a new migration.

/**
 * Rate-limit counters shared by every server instance on this database: one row per key
 * (e.g. a login address) and fixed window. UNLOGGED: counters are worth no WAL, and losing
 * them in a crash only restarts their windows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE UNLOGGED TABLE rate_limits (
      key text PRIMARY KEY,
      count integer NOT NULL CHECK (count > 0),
      reset_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX rate_limits_reset_at_idx ON rate_limits (reset_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS rate_limits`.execute(db);
}
