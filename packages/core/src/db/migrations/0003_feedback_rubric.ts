import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code, and is never edited once
// released. Later changes go in a new migration.

/**
 * Why a score: the rubric components behind each grade (key, label, points, max, note), as the
 * interviewer returned them. NULL when there is none to show: not graded yet, graded before this
 * column existed, or by a provider that gave no breakdown. The shape of each element is checked
 * by the application (zod); the database only insists on an array.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE feedback ADD COLUMN rubric jsonb`.execute(db);
  await sql`
    ALTER TABLE feedback ADD CONSTRAINT feedback_rubric_is_array
      CHECK (rubric IS NULL OR jsonb_typeof(rubric) = 'array')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE feedback DROP COLUMN rubric`.execute(db);
}
