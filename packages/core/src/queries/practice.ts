import type { Kysely, Transaction } from 'kysely';
import type { AnswerAttemptRow, Database, StoredModelAnswer } from '../db/types.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Keeps the attempt a redo replaces, with the grade it got. */
export const insertAttempt = (
  db: Db,
  row: {
    feedback_id: string;
    answer: string;
    score: number | null;
    ai_feedback: string | null;
    evaluator: string | null;
  },
) => db.insertInto('answer_attempts').values(row).execute();

export const listAttempts = (db: Db, feedbackId: string): Promise<AnswerAttemptRow[]> =>
  db
    .selectFrom('answer_attempts')
    .selectAll()
    .where('feedback_id', '=', feedbackId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();

export const countAttempts = async (db: Db, feedbackId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('answer_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('feedback_id', '=', feedbackId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Written once: of two racing writers, the first one's stays (the same question, either is fine). */
export const saveModelAnswer = async (
  db: Db,
  feedbackId: string,
  answer: StoredModelAnswer,
): Promise<StoredModelAnswer | null> => {
  const row = await db
    .updateTable('feedback')
    .set({ model_answer: JSON.stringify(answer) })
    .where('id', '=', feedbackId)
    .where('model_answer', 'is', null)
    .returning('model_answer')
    .executeTakeFirst();
  return row?.model_answer ?? null;
};

export const findQuestion = (db: Db, id: string) =>
  db.selectFrom('session_questions').selectAll().where('id', '=', id).executeTakeFirst();
