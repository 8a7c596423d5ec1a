import type { Kysely, Transaction } from 'kysely';
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
  },
) =>
  db
    .insertInto('voice_transcripts')
    .values({ ...row, delivery: JSON.stringify(row.delivery) })
    .returningAll()
    .executeTakeFirstOrThrow();

export const findTranscript = (db: Db, id: string) =>
  db.selectFrom('voice_transcripts').selectAll().where('id', '=', id).executeTakeFirst();
