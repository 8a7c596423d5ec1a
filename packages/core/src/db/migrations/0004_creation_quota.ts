import { type Kysely, sql } from 'kysely';

/**
 * One row per session or job description a user creates, for the per-user hourly quotas. A log
 * rather than a count of the objects: deleting a job must not give its creation back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE creations (
      id bigserial PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('session', 'job')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX creations_user_kind_created_idx ON creations (user_id, kind, created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS creations`.execute(db);
}
