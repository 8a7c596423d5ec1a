import { type Kysely, sql, type Transaction } from 'kysely';
import { prepare } from '../db/prepared.ts';
import type { Database, FeedbackRow, FeedbackUpdate, NewFeedbackRow } from '../db/types.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** An answer as it is first stored: grading pending. The hot path of an interview, so prepared. */
export type NewAnswer = Required<
  Pick<NewFeedbackRow, 'session_id' | 'user_id' | 'question_id' | 'question' | 'answer' | 'category'>
> & {
  /** JSON of the delivery figures */
  delivery: string | null;
  transcript_id: string | null;
};
const insertAnswerQuery = prepare('feedback_insert_answer', (db, p: NewAnswer) =>
  db
    .insertInto('feedback')
    .values({
      session_id: p.session_id,
      user_id: p.user_id,
      question_id: p.question_id,
      question: p.question,
      answer: p.answer,
      category: p.category,
      delivery: p.delivery,
      transcript_id: p.transcript_id,
    })
    .returningAll(),
);
export const insertAnswer = async (db: Db, row: NewAnswer): Promise<FeedbackRow> => {
  const [inserted] = await insertAnswerQuery(db, row);
  if (!inserted) throw new Error('insert into feedback returned no row');
  return inserted;
};

export const findFeedback = (db: Db, id: string) =>
  db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirst();

/** A successful grade, every graded field at once (prepared: it follows every answer). */
export type Grade = Required<
  Pick<
    FeedbackUpdate,
    | 'grading_status'
    | 'grading_attempts'
    | 'evaluator'
    | 'grading_error'
    | 'score'
    | 'rubric'
    | 'ai_feedback'
    | 'strengths'
    | 'improvements'
    | 'skills_shown'
    | 'follow_up'
  >
>;
/**
 * Compare-and-set on `grading_attempts`: a grade lands only if nobody recorded one (nor changed
 * the answer) since the grader read the row, so two graders of one answer (the storing instance
 * and a recovering one) apply exactly one grade.
 */
const recordGradeQuery = prepare(
  'feedback_record_grade',
  (db, p: Grade & { id: string; read_attempts: number }) =>
    db
      .updateTable('feedback')
      .set({
        grading_status: p.grading_status,
        grading_attempts: p.grading_attempts,
        evaluator: p.evaluator,
        grading_error: p.grading_error,
        score: p.score,
        rubric: p.rubric,
        ai_feedback: p.ai_feedback,
        strengths: p.strengths,
        improvements: p.improvements,
        skills_shown: p.skills_shown,
        follow_up: p.follow_up,
        updated_at: sql`now()`,
      })
      .where('id', '=', p.id)
      .where('grading_attempts', '=', p.read_attempts)
      .returningAll(),
);
/** The graded row, or undefined when another grade (or an answer change) came first. */
export const recordGrade = async (
  db: Db,
  id: string,
  readAttempts: number,
  grade: Grade,
): Promise<FeedbackRow | undefined> =>
  (await recordGradeQuery(db, { ...grade, id, read_attempts: readAttempts }))[0];

/** A failed grade, with the same compare-and-set as recordGrade. */
export const recordGradingFailure = (
  db: Db,
  id: string,
  readAttempts: number,
  failure: Required<Pick<FeedbackUpdate, 'grading_attempts' | 'grading_error' | 'rubric'>>,
): Promise<FeedbackRow | undefined> =>
  db
    .updateTable('feedback')
    .set({ ...failure, grading_status: 'failed', updated_at: sql`now()` })
    .where('id', '=', id)
    .where('grading_attempts', '=', readAttempts)
    .returningAll()
    .executeTakeFirst();

export const updateFeedbackRow = (db: Db, id: string, patch: FeedbackUpdate): Promise<FeedbackRow> =>
  db
    .updateTable('feedback')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteFeedbackRow = (db: Db, id: string) =>
  db.deleteFrom('feedback').where('id', '=', id).execute();

interface FeedbackListShape {
  session: boolean;
  user: boolean;
}
interface FeedbackListParams {
  sessionId: string;
  userId: string;
  limit: number;
  offset: number;
}

function filteredFeedback(db: Kysely<Database>, p: FeedbackListParams, shape: FeedbackListShape) {
  let base = db.selectFrom('feedback');
  if (shape.session) base = base.where('session_id', '=', p.sessionId);
  if (shape.user) base = base.where('user_id', '=', p.userId);
  return base;
}

// A session's feedback reads in answer order; the admin list newest first.
const feedbackPage = prepare('feedback_page', (db, p: FeedbackListParams, shape: FeedbackListShape) => {
  const rows = filteredFeedback(db, p, shape).selectAll();
  const ordered = shape.session
    ? rows.orderBy('created_at').orderBy('seq')
    : rows.orderBy('created_at', 'desc').orderBy('seq', 'desc');
  return ordered.limit(p.limit).offset(p.offset);
});
const feedbackCount = prepare('feedback_count', (db, p: FeedbackListParams, shape: FeedbackListShape) =>
  filteredFeedback(db, p, shape).select(sql<number>`count(*)::int`.as('n')),
);

export async function listFeedback(
  db: Db,
  f: { limit: number; offset: number; sessionId?: string | undefined; userId?: string | undefined },
): Promise<{ items: FeedbackRow[]; total: number }> {
  const shape = { session: Boolean(f.sessionId), user: Boolean(f.userId) };
  const params = { sessionId: f.sessionId ?? '', userId: f.userId ?? '', limit: f.limit, offset: f.offset };
  const [items, count] = await Promise.all([
    feedbackPage(db, params, shape),
    feedbackCount(db, params, shape),
  ]);
  return { items, total: count[0]?.n ?? 0 };
}

/** Every feedback of a session, in answer order (for scoring and the transcript). */
export const allFeedbackOfSession = (db: Db, sessionId: string) =>
  db
    .selectFrom('feedback')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();

export const recordAiUsage = (db: Db, userId: string, kind: string) =>
  db.insertInto('ai_usage').values({ user_id: userId, kind }).execute();

export const countAiUsageSince = async (db: Db, userId: string, since: Date): Promise<number> =>
  (
    await db
      .selectFrom('ai_usage')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('user_id', '=', userId)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow()
  ).n;
