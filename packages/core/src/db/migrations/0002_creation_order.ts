import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code, and is never edited once
// released. Later changes go in a new migration.
//
// "Newest first" sorted on created_at with the random uuid as the tie-breaker, so rows created in
// the same millisecond (or the same PostgreSQL transaction, where now() does not move) listed in
// an arbitrary order. Each listed table gets `seq`, a number drawn from a sequence at insert, and
// every list orders by (created_at, seq). Rows that exist already are numbered in their old order.

/** The tables whose lists are ordered by creation (a session's questions are ordered by their plan). */
const tables = ['users', 'job_descriptions', 'interview_sessions', 'feedback'] as const;

/** [old index, new index, its definition] */
const indexes: [string, string, string][] = [
  ['users_created_at_idx', 'users_created_idx', 'users (created_at DESC, seq DESC)'],
  [
    'job_descriptions_visibility_created_idx',
    'job_descriptions_visibility_created_idx',
    'job_descriptions (visibility, created_at DESC, seq DESC)',
  ],
  [
    'job_descriptions_created_by_idx',
    'job_descriptions_created_by_idx',
    'job_descriptions (created_by, created_at DESC, seq DESC)',
  ],
  [
    'interview_sessions_user_created_idx',
    'interview_sessions_user_created_idx',
    'interview_sessions (user_id, created_at DESC, seq DESC)',
  ],
  [
    'interview_sessions_created_idx',
    'interview_sessions_created_idx',
    'interview_sessions (created_at DESC, seq DESC)',
  ],
  ['feedback_session_created_idx', 'feedback_session_created_idx', 'feedback (session_id, created_at, seq)'],
  ['feedback_user_created_idx', 'feedback_user_created_idx', 'feedback (user_id, created_at DESC, seq DESC)'],
  ['feedback_created_idx', 'feedback_created_idx', 'feedback (created_at DESC, seq DESC)'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    const t = sql.table(table);
    await sql`ALTER TABLE ${t} ADD COLUMN seq bigint`.execute(db);
    await sql`
      UPDATE ${t} SET seq = numbered.n
      FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM ${t}) AS numbered
      WHERE ${t}.id = numbered.id`.execute(db);
    await sql`ALTER TABLE ${t} ALTER COLUMN seq SET NOT NULL`.execute(db);
    await sql`ALTER TABLE ${t} ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY`.execute(db);
    // the identity's sequence starts after the rows numbered above
    await sql`
      SELECT setval(pg_get_serial_sequence(${table}, 'seq'), coalesce(max(seq), 0) + 1, false)
      FROM ${t}`.execute(db);
  }
  for (const [old, name, definition] of indexes) {
    await sql`DROP INDEX ${sql.id(old)}`.execute(db);
    await sql`CREATE INDEX ${sql.id(name)} ON ${sql.raw(definition)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [, name] of indexes) await sql`DROP INDEX ${sql.id(name)}`.execute(db);
  for (const table of tables) await sql`ALTER TABLE ${sql.table(table)} DROP COLUMN seq`.execute(db);
  await sql`CREATE INDEX users_created_at_idx ON users (created_at, id)`.execute(db);
  await sql`CREATE INDEX job_descriptions_visibility_created_idx ON job_descriptions (visibility, created_at DESC, id)`.execute(
    db,
  );
  await sql`CREATE INDEX job_descriptions_created_by_idx ON job_descriptions (created_by, created_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX interview_sessions_user_created_idx ON interview_sessions (user_id, created_at DESC, id)`.execute(
    db,
  );
  await sql`CREATE INDEX interview_sessions_created_idx ON interview_sessions (created_at DESC, id)`.execute(
    db,
  );
  await sql`CREATE INDEX feedback_session_created_idx ON feedback (session_id, created_at, id)`.execute(db);
  await sql`CREATE INDEX feedback_user_created_idx ON feedback (user_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX feedback_created_idx ON feedback (created_at DESC, id)`.execute(db);
}
