import { type Kysely, sql, type Transaction } from 'kysely';
import { prepare } from '../db/prepared.ts';
import type { Database, NewQuestionRow, NewSessionRow, QuestionRow, SessionRow } from '../db/types.ts';
import type { Delivery } from '../schemas/delivery.ts';

type Db = Kysely<Database> | Transaction<Database>;

import type { SessionStatus } from '../enums.ts';

export const insertSession = (db: Db, row: NewSessionRow) =>
  db.insertInto('interview_sessions').values(row).returningAll().executeTakeFirstOrThrow();

const sessionById = prepare('session_by_id', (db, p: { id: string }) =>
  db.selectFrom('interview_sessions').selectAll().where('id', '=', p.id),
);
export const findSession = async (db: Db, id: string): Promise<SessionRow | undefined> =>
  (await sessionById(db, { id }))[0];

const sessionForUpdate = prepare('session_for_update', (db, p: { id: string }) =>
  db.selectFrom('interview_sessions').selectAll().where('id', '=', p.id).forUpdate(),
);
/** Locks the session row for the rest of the transaction (answers are serialised per session). */
export const findSessionForUpdate = async (
  trx: Transaction<Database>,
  id: string,
): Promise<SessionRow | undefined> => (await sessionForUpdate(trx, { id }))[0];

/** Planned questions of the session with an answer: what a list needs to say "Ended early · 2 of 5". */
const answeredCount = sql<number>`(
  SELECT count(*)::int FROM session_questions q
  WHERE q.session_id = interview_sessions.id AND NOT q.is_follow_up
    AND EXISTS (SELECT 1 FROM feedback f WHERE f.question_id = q.id)
)`.as('answered');

export async function listSessions(
  db: Db,
  f: { limit: number; offset: number; userId?: string | undefined; status?: SessionStatus | undefined },
): Promise<{ items: (SessionRow & { answered: number })[]; total: number }> {
  let base = db.selectFrom('interview_sessions');
  if (f.userId) base = base.where('user_id', '=', f.userId);
  if (f.status) base = base.where('status', '=', f.status);
  const [items, count] = await Promise.all([
    base
      .selectAll()
      .select(answeredCount)
      .orderBy('created_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.n };
}

/**
 * A lifecycle step as one conditional update: it only happens if the session is still in one
 * of the `from` states, so of two concurrent calls exactly one succeeds.
 */
export const transitionSession = (
  db: Db,
  id: string,
  from: SessionStatus[],
  set: Partial<Omit<SessionRow, 'id' | 'seq' | 'created_at' | 'updated_at' | 'skill_notes'>> & {
    skill_notes?: string | null;
  },
) =>
  db
    .updateTable('interview_sessions')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();

export const updateSessionRow = (
  db: Db,
  id: string,
  set: { score?: number; transcript?: string; summary?: string; skill_notes?: string | null },
) =>
  db
    .updateTable('interview_sessions')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();

export const deleteSessionRow = (db: Db, id: string) =>
  db.deleteFrom('interview_sessions').where('id', '=', id).execute();

export type QuestionWithAnswer = QuestionRow & { answered: boolean };

const questionsOfSession = prepare('questions_of_session', (db, p: { sessionId: string }) =>
  db
    .selectFrom('session_questions as q')
    .selectAll('q')
    .select((eb) =>
      eb
        .exists(eb.selectFrom('feedback as f').select('f.id').whereRef('f.question_id', '=', 'q.id'))
        .$castTo<boolean>()
        .as('answered'),
    )
    .where('q.session_id', '=', p.sessionId)
    .orderBy('q.plan_index')
    .orderBy('q.is_follow_up'),
);
/** The session's questions in asking order: each planned question, then its follow-up. */
export const listQuestions = (db: Db, sessionId: string): Promise<QuestionWithAnswer[]> =>
  questionsOfSession(db, { sessionId });

export const insertQuestions = (db: Db, rows: NewQuestionRow[]) =>
  db.insertInto('session_questions').values(rows).execute();

/**
 * At most one follow-up per planned question: a second insert is a no-op. Only while the session
 * is ongoing: its row is read FOR SHARE, so an `end` in progress (which holds the row) is waited
 * for, and then no follow-up joins the ended session.
 */
export const insertFollowUp = (db: Db, row: Omit<NewQuestionRow, 'is_follow_up'>) =>
  db
    .insertInto('session_questions')
    .columns(['session_id', 'plan_index', 'category', 'skill', 'text', 'is_follow_up'])
    .expression((eb) =>
      eb
        .selectFrom('interview_sessions')
        .select([
          'interview_sessions.id',
          eb.cast<number>(eb.val(row.plan_index), 'integer').as('plan_index'),
          eb.val(row.category).as('category'),
          eb.val(row.skill).as('skill'),
          eb.val(row.text).as('text'),
          eb.lit(true).as('is_follow_up'),
        ])
        .where('interview_sessions.id', '=', row.session_id)
        .where('interview_sessions.status', '=', 'ongoing')
        .forShare(),
    )
    .onConflict((oc) => oc.columns(['session_id', 'plan_index', 'is_follow_up']).doNothing())
    .returningAll()
    .executeTakeFirst();

/**
 * The session's status once no `end` is in progress on it (FOR SHARE waits for one to commit):
 * after an answer's grade is recorded, whether the session ended meanwhile.
 */
export const settledStatus = async (db: Db, id: string): Promise<SessionStatus | undefined> =>
  (
    await db
      .selectFrom('interview_sessions')
      .select('status')
      .where('id', '=', id)
      .forShare()
      .executeTakeFirst()
  )?.status;

export interface SessionStatsRow {
  id: string;
  job_description_id: string | null;
  job_title: string;
  ended_at: Date | null;
  score: number | null;
  planned: number;
  answered: number;
  /** per skill (grouped case-insensitively, trimmed): graded answers and the sum of their scores */
  skills: { skill: string; answers: number; total: number }[];
  deliveries: Delivery[];
}

/**
 * The history page's figures in one round trip: the user's `limit` most recently ended completed
 * sessions, each with its answered count, graded scores per targeted skill and delivery figures.
 */
export async function sessionStats(db: Db, userId: string, limit: number): Promise<SessionStatsRow[]> {
  const { rows } = await sql<SessionStatsRow>`
    WITH recent AS (
      SELECT id, job_description_id, job_title, ended_at, score, question_count, seq
      FROM interview_sessions
      WHERE user_id = ${userId} AND status = 'completed'
      ORDER BY ended_at DESC NULLS LAST, seq DESC
      LIMIT ${limit}
    )
    SELECT r.id, r.job_description_id, r.job_title, r.ended_at, r.score, r.question_count AS planned,
      (SELECT count(*)::int FROM session_questions q
        WHERE q.session_id = r.id AND NOT q.is_follow_up
          AND EXISTS (SELECT 1 FROM feedback f WHERE f.question_id = q.id)) AS answered,
      COALESCE((
        SELECT json_agg(json_build_object('skill', k.skill, 'answers', k.answers, 'total', k.total)
                        ORDER BY k.skill)
        FROM (
          SELECT min(btrim(q.skill)) AS skill, count(*)::int AS answers, sum(f.score)::int AS total
          FROM feedback f JOIN session_questions q ON q.id = f.question_id
          WHERE f.session_id = r.id AND f.grading_status = 'graded' AND f.score IS NOT NULL
            AND btrim(q.skill) <> ''
          GROUP BY lower(btrim(q.skill))
        ) k
      ), '[]'::json) AS skills,
      COALESCE((
        SELECT json_agg(f.delivery ORDER BY f.created_at, f.seq)
        FROM feedback f WHERE f.session_id = r.id AND f.delivery IS NOT NULL
      ), '[]'::json) AS deliveries
    FROM recent r
    ORDER BY r.ended_at DESC NULLS LAST, r.seq DESC
  `.execute(db);
  return rows;
}

export const findQuestion = (db: Db, id: string): Promise<QuestionRow | undefined> =>
  db.selectFrom('session_questions').selectAll().where('id', '=', id).executeTakeFirst();
