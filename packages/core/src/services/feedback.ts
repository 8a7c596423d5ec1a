import type { Kysely } from 'kysely';
import { withDbErrors } from '../db/errors.ts';
import type { Database, FeedbackRow, QuestionRow, SessionRow } from '../db/types.ts';
import type { QuestionContext } from '../engine/index.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import * as fq from '../queries/feedback.ts';
import * as sq from '../queries/sessions.ts';
import type { Page } from '../schemas/common.ts';
import type {
  Feedback,
  ListFeedbackInput,
  SubmitAnswerInput,
  UpdateFeedbackInput,
} from '../schemas/feedback.ts';
import type { Question } from '../schemas/sessions.ts';
import { canSee, isAdmin, type MaybeActor, requireActor, requireAdmin } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { toFeedback, toQuestion } from './mappers.ts';
import { callInterviewer, checkModelQuota, jobContextOf } from './model-calls.ts';
import { deriveProgress, loadOwnSession, rescoreIfCompleted } from './sessions.ts';

type Db = Kysely<Database>;

export interface SubmitAnswerResult {
  feedback: Feedback;
  next_question: Question | null;
  done: boolean;
}

/**
 * Answers the current question. The answer is stored (grading "pending") before the model
 * is called, so a slow or failing model never loses it; then it is graded and, when the
 * evaluator asks for one, a follow-up question is added.
 */
export async function submitAnswer(
  ctx: ServiceContext,
  actor: MaybeActor,
  input: SubmitAnswerInput,
  onDelta?: (feedbackTextSoFar: string) => void,
): Promise<SubmitAnswerResult> {
  const me = requireActor(actor);
  await checkModelQuota(ctx, me.id);
  const limit = ctx.interviewer.limits.maxAnswersPerSession;

  // One transaction, reads included: this is the hot path of an interview.
  const stored = await withDbErrors(() =>
    ctx.db.transaction().execute(async (trx) => {
      // Locks the session row: two tabs cannot answer the same question twice.
      const session = await sq.findSessionForUpdate(trx, input.session_id);
      if (!session || !canSee(me, session.user_id)) throw notFound('Session');
      if (session.status !== 'ongoing') throw conflict(`Cannot answer: the session is ${session.status}`);
      const questions = await sq.listQuestions(trx, session.id);
      const current = deriveProgress(session, questions).current;
      if (!current) throw conflict('Every question has been answered: end the session to get your score');
      if (input.question_id && input.question_id !== current.id) {
        throw conflict('question_id is not the current question');
      }
      if (input.question !== undefined && input.question.trim() !== current.text.trim()) {
        throw conflict('question does not match the current question');
      }
      if (questions.filter((x) => x.answered).length >= limit) {
        throw conflict(`A session accepts at most ${limit} answers`);
      }
      const row = await fq.insertAnswer(trx, {
        session_id: session.id,
        user_id: session.user_id,
        question_id: current.id,
        question: current.text,
        answer: input.answer,
        category: current.category,
      });
      return { session, row, question: current, questions };
    }),
  );

  const { row, followUp } = await grade(ctx, stored.session, stored.row, stored.question, onDelta);
  // The next question follows from what we read under the lock: a new follow-up, or the next unanswered one.
  const next = followUp ?? stored.questions.find((x) => !x.answered && x.id !== stored.question.id) ?? null;
  return { feedback: toFeedback(row), next_question: next && toQuestion(next, false), done: next === null };
}

/**
 * Grades a stored answer and records the outcome. Never throws for a model failure (the
 * answer is marked "failed", to be regraded), nor for a database outage after the answer was
 * stored (it is returned "pending"): the client must learn its answer is safe.
 */
async function grade(
  ctx: ServiceContext,
  session: SessionRow,
  feedback: FeedbackRow,
  question: QuestionContext & { plan_index: number },
  onDelta?: (text: string) => void,
): Promise<{ row: FeedbackRow; followUp: QuestionRow | null }> {
  const attempts = feedback.grading_attempts + 1;
  try {
    const { result, evaluator, primaryError } = await callInterviewer(ctx, session.user_id, 'grade', (p) =>
      p.evaluateAnswer({
        job: jobContextOf(session),
        question,
        answer: feedback.answer,
        ...(onDelta && { onDelta }),
      }),
    );
    const updated = await fq.recordGrade(ctx.db, feedback.id, {
      grading_status: 'graded',
      grading_attempts: attempts,
      evaluator,
      grading_error: primaryError
        ? `The configured model failed (${primaryError}); graded by the fallback`
        : null,
      score: Math.max(0, Math.min(10, Math.round(result.score))),
      ai_feedback: result.feedback,
      strengths: result.strengths,
      improvements: result.improvements,
      skills_shown: result.skills_shown,
      follow_up: result.follow_up,
    });
    const followUp =
      result.follow_up && !question.is_follow_up
        ? await sq.insertFollowUp(ctx.db, {
            session_id: session.id,
            plan_index: question.plan_index,
            category: question.category,
            skill: question.skill,
            text: result.follow_up.slice(0, 2000),
          })
        : null;
    return { row: updated, followUp: followUp ?? null };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    try {
      const failed = await fq.updateFeedbackRow(ctx.db, feedback.id, {
        grading_status: 'failed',
        grading_attempts: attempts,
        grading_error: `Grading failed: ${error}. Your answer is saved; retry grading.`,
      });
      return { row: failed, followUp: null };
    } catch {
      return { row: feedback, followUp: null }; // the database is down: the answer stays "pending"
    }
  }
}

async function loadOwnFeedback(db: Db, actor: MaybeActor, id: string): Promise<FeedbackRow> {
  requireActor(actor);
  const row = await withDbErrors(() => fq.findFeedback(db, id));
  if (!row || !canSee(actor, row.user_id)) throw notFound('Feedback');
  return row;
}

/** Grades again an answer whose grading failed (or, for admins, any answer). */
export async function regradeFeedback(ctx: ServiceContext, actor: MaybeActor, id: string): Promise<Feedback> {
  const row = await loadOwnFeedback(ctx.db, actor, id);
  if (row.grading_status === 'graded' && !isAdmin(actor)) throw conflict('This answer is already graded');
  await checkModelQuota(ctx, row.user_id);
  const session = (await sq.findSession(ctx.db, row.session_id))!;
  const { row: graded } = await grade(ctx, session, row, questionOf(row, await questionRow(ctx.db, row)));
  await rescoreIfCompleted(ctx.db, row.session_id);
  return toFeedback(graded);
}

const questionRow = (db: Db, row: FeedbackRow) =>
  row.question_id
    ? db.selectFrom('session_questions').selectAll().where('id', '=', row.question_id).executeTakeFirst()
    : Promise.resolve(undefined);

function questionOf(
  row: FeedbackRow,
  q: { plan_index: number; is_follow_up: boolean; skill: string } | undefined,
): QuestionContext & { plan_index: number } {
  return {
    text: row.question,
    category: row.category,
    skill: q?.skill ?? '',
    is_follow_up: q?.is_follow_up ?? true,
    plan_index: q?.plan_index ?? 1,
  };
}

export const getFeedback = async (db: Db, actor: MaybeActor, id: string): Promise<Feedback> =>
  toFeedback(await loadOwnFeedback(db, actor, id));

export async function listFeedback(
  db: Db,
  actor: MaybeActor,
  input: ListFeedbackInput,
): Promise<Page<Feedback>> {
  requireAdmin(actor);
  const { items, total } = await withDbErrors(() =>
    fq.listFeedback(db, { ...input, sessionId: input.session_id, userId: input.user_id }),
  );
  return { items: items.map(toFeedback), total, limit: input.limit, offset: input.offset };
}

export async function listSessionFeedback(
  db: Db,
  actor: MaybeActor,
  sessionId: string,
  input: { limit: number; offset: number },
): Promise<Page<Feedback>> {
  await loadOwnSession(db, actor, sessionId);
  const { items, total } = await withDbErrors(() => fq.listFeedback(db, { ...input, sessionId }));
  return { items: items.map(toFeedback), total, limit: input.limit, offset: input.offset };
}

/**
 * Owners may rewrite their answer while the session is ongoing (it is graded again);
 * admins may also correct the grade by hand, which is then labelled as theirs.
 */
export async function updateFeedback(
  ctx: ServiceContext,
  actor: MaybeActor,
  id: string,
  input: UpdateFeedbackInput,
): Promise<Feedback> {
  const row = await loadOwnFeedback(ctx.db, actor, id);
  const admin = isAdmin(actor);
  if (!admin && input.score !== undefined)
    throw forbidden('score: only the interviewer or an admin sets a score');
  if (!admin && input.ai_feedback !== undefined)
    throw forbidden('ai_feedback: only the interviewer or an admin writes feedback');
  const session = (await sq.findSession(ctx.db, row.session_id))!;

  let updated = row;
  if (input.answer !== undefined && input.answer !== row.answer) {
    if (session.status !== 'ongoing')
      throw conflict(`Cannot change an answer: the session is ${session.status}`);
    await checkModelQuota(ctx, row.user_id);
    updated = await withDbErrors(() =>
      fq.updateFeedbackRow(ctx.db, id, {
        answer: input.answer,
        grading_status: 'pending',
        grading_attempts: 0,
      }),
    );
    updated = (await grade(ctx, session, updated, questionOf(updated, await questionRow(ctx.db, updated))))
      .row;
  }
  if (input.score !== undefined || input.ai_feedback !== undefined) {
    updated = await withDbErrors(() =>
      fq.updateFeedbackRow(ctx.db, id, {
        ...(input.score !== undefined && { score: input.score }),
        ...(input.ai_feedback !== undefined && { ai_feedback: input.ai_feedback }),
        grading_status: 'graded',
        evaluator: 'admin',
        grading_error: null,
      }),
    );
  }
  await rescoreIfCompleted(ctx.db, row.session_id);
  return toFeedback(updated);
}

/**
 * Owners may delete an answer only once its session is over. While it is ongoing, deleting would
 * reopen the question and reset "one answer per question" and the per-session cap (issue #12):
 * to redo an answer, the owner edits it (graded again, against the hourly model quota). Admins may.
 */
export async function deleteFeedback(db: Db, actor: MaybeActor, id: string): Promise<void> {
  const row = await loadOwnFeedback(db, actor, id);
  if (!isAdmin(actor) && (await sq.findSession(db, row.session_id))?.status === 'ongoing') {
    throw conflict('Cannot delete an answer while its session is ongoing: edit it instead (PUT or PATCH)');
  }
  await withDbErrors(() => fq.deleteFeedbackRow(db, id));
  await rescoreIfCompleted(db, row.session_id);
}
