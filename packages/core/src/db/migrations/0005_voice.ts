import { type Kysely, sql } from 'kysely';

/**
 * Voice answers. A transcription is kept (text and delivery figures) so the answer submitted
 * after the candidate corrected it carries figures measured on what was said; its audio only
 * when the user turned on "keep my recordings". Every answer stores its delivery figures beside
 * (not inside) its grade, and the transcription it came from.
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
      audio bytea,
      audio_type text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((audio IS NULL) = (audio_type IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX voice_transcripts_session_idx ON voice_transcripts (session_id)`.execute(db);
  await sql`CREATE INDEX voice_transcripts_question_idx ON voice_transcripts (question_id)`.execute(db);
  await sql`
    ALTER TABLE feedback
      ADD COLUMN transcript_id uuid REFERENCES voice_transcripts (id) ON DELETE SET NULL`.execute(db);
  await sql`
    CREATE TABLE voice_preferences (
      user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      keep_recordings boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE voice_preferences`.execute(db);
  await sql`ALTER TABLE feedback DROP COLUMN transcript_id`.execute(db);
  await sql`DROP TABLE voice_transcripts`.execute(db);
  await sql`ALTER TABLE feedback DROP COLUMN delivery`.execute(db);
}
