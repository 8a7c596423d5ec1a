import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code, and is never edited once
// released. Later changes go in a new migration.

/**
 * Read-only links to one interview report, for a mentor. Only the SHA-256 of the link's token
 * is stored (like login tokens): a leaked table opens no report. A link is revoked by stamping
 * `revoked_at` (kept so the owner's list says what happened), and dies with its session or user.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE share_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL UNIQUE,
      session_id uuid NOT NULL REFERENCES interview_sessions (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      seq bigint GENERATED ALWAYS AS IDENTITY,
      CHECK (expires_at > created_at)
    )`.execute(db);
  await sql`CREATE INDEX share_links_session_idx ON share_links (session_id, created_at, seq)`.execute(db);
  await sql`CREATE INDEX share_links_user_idx ON share_links (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS share_links`.execute(db);
}
