import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Delivery } from '../schemas/delivery.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const insertTranscript = (
  db: Db,
  row: {
    session_id: string;
    question_id: string;
    user_id: string;
    transcript: string;
    delivery: Delivery;
    transcriber: string;
    audio: Buffer | null;
    audio_type: string | null;
  },
) =>
  db
    .insertInto('voice_transcripts')
    .values({ ...row, delivery: JSON.stringify(row.delivery) })
    .returning(['id', 'transcriber'])
    .executeTakeFirstOrThrow();

/** A transcription without its audio (which may be megabytes). */
export const findTranscript = (db: Db, id: string) =>
  db
    .selectFrom('voice_transcripts')
    .select(['id', 'session_id', 'question_id', 'user_id', 'delivery'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Once a question is answered, its other transcriptions (and any audio they kept) have no use. */
export const deleteUnusedTranscripts = (db: Db, questionId: string, keepId: string | null) =>
  db
    .deleteFrom('voice_transcripts')
    .where('question_id', '=', questionId)
    .$if(keepId !== null, (q) => q.where('id', '<>', keepId!))
    .execute();

/** The stored choices (undefined when the user never chose anything). */
export const findVoicePreferences = (db: Db, userId: string) =>
  db
    .selectFrom('voice_preferences')
    .select(['keep_recordings', 'answer_mode', 'read_aloud'])
    .where('user_id', '=', userId)
    .executeTakeFirst();

/** Sets the given choices, leaving the others as they are; returns them all. */
export const upsertVoicePreferences = (
  db: Db,
  userId: string,
  patch: { keep_recordings?: boolean; answer_mode?: 'type' | 'voice'; read_aloud?: boolean },
) =>
  db
    .insertInto('voice_preferences')
    .values({ user_id: userId, ...patch })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...patch, updated_at: sql`now()` }))
    .returning(['keep_recordings', 'answer_mode', 'read_aloud'])
    .executeTakeFirstOrThrow();

/** The kept recordings of a session's answers: which answer, what type, how big (not the bytes). */
export const listSessionRecordings = (db: Db, sessionId: string) =>
  db
    .selectFrom('feedback as f')
    .innerJoin('voice_transcripts as t', 't.id', 'f.transcript_id')
    .select(['f.id as feedback_id', 't.audio_type', sql<number>`octet_length(t.audio)::int`.as('bytes')])
    .where('f.session_id', '=', sessionId)
    .where('t.audio', 'is not', null)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();

export const findRecordingOfFeedback = (db: Db, feedbackId: string) =>
  db
    .selectFrom('feedback as f')
    .innerJoin('voice_transcripts as t', 't.id', 'f.transcript_id')
    .select(['f.user_id', 't.audio', 't.audio_type'])
    .where('f.id', '=', feedbackId)
    .executeTakeFirst();
