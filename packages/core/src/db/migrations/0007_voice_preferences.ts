import { type Kysely, sql } from 'kysely';

/**
 * The room's voice choices, stored with the user rather than in one browser: typing or
 * speaking, and whether questions are read aloud. NULL means "never chosen": the app's default
 * (DEFAULT_VOICE_PREFERENCES) applies, so the default is written once, in code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE voice_preferences
      ADD COLUMN answer_mode text CHECK (answer_mode IN ('type', 'voice')),
      ADD COLUMN read_aloud boolean`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE voice_preferences DROP COLUMN answer_mode, DROP COLUMN read_aloud`.execute(db);
}
