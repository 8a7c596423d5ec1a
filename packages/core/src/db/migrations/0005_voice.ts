import { type Kysely, sql } from 'kysely';

/**
 * Voice answers. A transcription is kept (text and delivery figures, never the audio) so the
 * answer submitted after the candidate corrected it carries figures measured on what was said.
 * Every answer stores its delivery figures beside (not inside) its grade.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE feedback ADD COLUMN delivery jsonb`.execute(db);
  await sql`
    CREATE TABLE voice_transcripts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      session_id uuid NOT NULL REFERENCES interview_sessions (id) ON DELETE CASCADE,
      question_id uuid NOT NULL REFERENCES session_questions (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      transcript text NOT NULL,
      delivery jsonb NOT NULL,
      transcriber text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX voice_transcripts_session_idx ON voice_transcripts (session_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE voice_transcripts`.execute(db);
  await sql`ALTER TABLE feedback DROP COLUMN delivery`.execute(db);
}
