import { type Kysely, sql } from 'kysely';

// Frozen in time: this file must never import application code, and is never edited once
// released. Later changes go in a new migration.

/**
 * The practice loop (issue #14):
 * - a session's chosen difficulty and time limit per answer (both optional; the skills it is
 *   about are its job_skills snapshot, which a "practise this skill" session narrows);
 * - what a strong answer covers, kept once written (a model's costs a call);
 * - the earlier attempts of a redone answer, with the score and feedback they got.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE interview_sessions
      ADD COLUMN difficulty text CHECK (difficulty IN ('junior', 'mid', 'senior')),
      ADD COLUMN time_limit_seconds integer CHECK (time_limit_seconds BETWEEN 30 AND 1800)`.execute(db);
  await sql`ALTER TABLE feedback ADD COLUMN model_answer jsonb`.execute(db);
  await sql`
    CREATE TABLE answer_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      feedback_id uuid NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
      answer text NOT NULL,
      score integer CHECK (score BETWEEN 0 AND 10),
      ai_feedback text,
      evaluator text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX answer_attempts_feedback_idx ON answer_attempts (feedback_id, created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS answer_attempts`.execute(db);
  await sql`ALTER TABLE feedback DROP COLUMN IF EXISTS model_answer`.execute(db);
  await sql`
    ALTER TABLE interview_sessions
      DROP COLUMN IF EXISTS difficulty,
      DROP COLUMN IF EXISTS time_limit_seconds`.execute(db);
}
