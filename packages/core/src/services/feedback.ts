import type { Kysely } from 'kysely';
import type { Database, FeedbackRow, QuestionRow, SessionRow } from '../db/types.ts';
import { computeDelivery } from '../delivery/metrics.ts';
import type { QuestionContext, RubricComponent } from '../engine/index.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { MAX_ANSWER_ATTEMPTS } from '../limits.ts';
import * as fq from '../queries/feedback.ts';
import * as pq from '../queries/practice.ts';
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
import { callInterviewer, checkModelQuota, jobContextOf, modelFailure } from './model-calls.ts';
import { deriveProgress, loadOwnSession, rescoreIfCompleted } from './sessions.ts';
import { deliveryForAnswer, forgetUnusedTranscripts } from './voice.ts';

type Db = Kysely<Database>;

export interface SubmitAnswerResult {
  feedback: Feedback;
  next_question: Question | null;
  done: boolean;
}

/**
 * Answers the current question. The answer is stored (grading "pending") before the model
 * is called, so a slow or failing model never loses it; with a grading queue its grading job
 * commits in the same transaction, so a crash after the commit loses nothing either. Then it
 * is graded here and now and, when the evaluator asks for one, a follow-up question is added.
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
  const stored = await ctx.db.transaction().execute(async (trx) => {
    // Locks the session row: two tabs cannot answer the same question twice.
    const session = await sq.findSessionForUpdate(trx, input.session_id);
    if (!session || !canSee(me, session.user_id)) throw notFound('Session');
    if (session.status !== 'ongoing')
      throw conflict(`Cannot answer: the session is ${session.status}`, { state: session.status });
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
    const { delivery, transcriptId } = await deliveryForAnswer(
      trx,
      { text: input.answer, category: current.category },
      {
        transcript_id: input.transcript_id,
        session_id: session.id,
        question_id: current.id,
        user_id: me.id,
      },
    );
    const row = await fq.insertAnswer(trx, {
      session_id: session.id,
      user_id: session.user_id,
      question_id: current.id,
      question: current.text,
      answer: input.answer,
      category: current.category,
      delivery: JSON.stringify(delivery),
      transcript_id: transcriptId,
    });
    await forgetUnusedTranscripts(trx, current.id, transcriptId);
    const jobId = ctx.grading ? await ctx.grading.enqueue(trx, row.id) : null;
    return { session, row, question: current, questions, jobId };
  });

  const { row, followUp } = await grade(ctx, stored.session, stored.row, stored.question, {
    followUps: true,
    otherQuestions: otherQuestionsOf(stored.questions, stored.question),
    ...(onDelta && { onDelta }),
  });
  if (stored.jobId) settleJob(ctx, stored.jobId, row);
  // Ended while this answer was being graded: the score is recomputed with its grade.
  if ((await sq.settledStatus(ctx.db, stored.session.id)) === 'completed')
    await rescoreIfCompleted(ctx, stored.session.id);
  // The next question follows from what we read under the lock: a new follow-up, or the next unanswered one.
  const next = followUp ?? stored.questions.find((x) => !x.answered && x.id !== stored.question.id) ?? null;
  return { feedback: toFeedback(row), next_question: next && toQuestion(next, false), done: next === null };
}

/**
 * The grade is recorded (graded, or failed for the user to regrade): its job is not needed.
 * A "pending" row (the database failed while recording) keeps its job, which grades it later.
 * Deleting the job is best effort, and off the answer's path (not awaited): a job left behind
 * finds the answer graded and does nothing.
 */
function settleJob(ctx: ServiceContext, jobId: string, row: FeedbackRow): void {
  if (row.grading_status === 'pending' || !ctx.grading) return;
  ctx.grading.settle(jobId).catch(() => {});
}

/**
 * The session's other planned questions, which the grader ranks an answer against (an answer
 * that fits one of them better than its own is about another question). A follow-up's planned
 * question is left out: answering a follow-up builds on it.
 */
const otherQuestionsOf = (
  questions: readonly { text: string; plan_index: number; is_follow_up: boolean }[],
  own: { plan_index: number },
): string[] => questions.filter((q) => !q.is_follow_up && q.plan_index !== own.plan_index).map((q) => q.text);

/**
 * Grades a stored answer and records the outcome. Never throws for a model failure (the
 * answer is marked "failed", to be regraded), nor for a database outage after the answer was
 * stored (it is returned "pending"): the client must learn its answer is safe.
 *
 * The outcome is recorded only if the row is as the grader read it (compare-and-set on
 * grading_attempts): when two graders race, the loser's result is dropped and it returns the
 * winner's row, so an answer is graded (and gets its follow-up) once in effect.
 */
async function grade(
  ctx: ServiceContext,
  session: SessionRow,
  feedback: FeedbackRow,
  question: QuestionContext & { plan_index: number },
  opts: { followUps: boolean; otherQuestions?: readonly string[]; onDelta?: (text: string) => void },
): Promise<{ row: FeedbackRow; followUp: QuestionRow | null }> {
  const otherQuestions =
    opts.otherQuestions ?? otherQuestionsOf(await sq.listQuestions(ctx.db, session.id), question);
  const read = feedback.grading_attempts;
  const attempts = read + 1;
  const lost = async () => ({
    row: (await fq.findFeedback(ctx.db, feedback.id)) ?? feedback,
    followUp: null,
  });
  try {
    const { result, evaluator, primaryError } = await callInterviewer(ctx, session.user_id, 'grade', (p) =>
      p.evaluateAnswer({
        job: jobContextOf(session),
        question,
        answer: feedback.answer,
        other_questions: otherQuestions,
        ...(opts.onDelta && { onDelta: opts.onDelta }),
      }),
    );
    const updated = await fq.recordGrade(ctx.db, feedback.id, read, {
      grading_status: 'graded',
      grading_attempts: attempts,
      evaluator,
      grading_error: primaryError
        ? `The configured model failed (${primaryError}); graded by the fallback`
        : null,
      score: Math.max(0, Math.min(10, Math.round(result.score))),
      rubric: serialiseRubric(result.rubric ?? null),
      ai_feedback: result.feedback,
      strengths: result.strengths,
      improvements: result.improvements,
      skills_shown: result.skills_shown,
      follow_up: result.follow_up,
    });
    if (!updated) return await lost();
    const followUp =
      opts.followUps && result.follow_up && !question.is_follow_up
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
    const error = modelFailure(ctx, e, 'grade');
    try {
      const failed = await fq.recordGradingFailure(ctx.db, feedback.id, read, {
        grading_attempts: attempts,
        rubric: null, // a previous grade's breakdown would not explain this answer
        grading_error: `Grading failed: ${error}. Your answer is saved; retry grading.`,
      });
      return failed ? { row: failed, followUp: null } : await lost();
    } catch {
      return { row: feedback, followUp: null }; // the database is down: the answer stays "pending"
    }
  }
}

/**
 * The grading queue's worker: grades an answer left "pending" by an instance that died (or
 * could not record its grade). Does nothing for an answer that is graded, failed or deleted.
 * No follow-up question is added: the candidate may have moved on since. Throws while the
 * answer is still pending, so the queue retries it.
 */
export async function gradeLeftOver(ctx: ServiceContext, feedbackId: string): Promise<void> {
  const row = await fq.findFeedback(ctx.db, feedbackId);
  if (row?.grading_status !== 'pending') return;
  const session = await sq.findSession(ctx.db, row.session_id);
  if (!session) return;
  const { row: after } = await grade(ctx, session, row, questionOf(row, await questionRow(ctx.db, row)), {
    followUps: false,
  });
  if (after.grading_status === 'pending') throw new Error(`feedback ${feedbackId} is still pending`);
  await rescoreIfCompleted(ctx, row.session_id);
}

async function loadOwnFeedback(db: Db, actor: MaybeActor, id: string): Promise<FeedbackRow> {
  requireActor(actor);
  const row = await fq.findFeedback(db, id);
  if (!row || !canSee(actor, row.user_id)) throw notFound('Feedback');
  return row;
}

/** Grades again an answer whose grading failed (or, for admins, any answer). */
export async function regradeFeedback(ctx: ServiceContext, actor: MaybeActor, id: string): Promise<Feedback> {
  const row = await loadOwnFeedback(ctx.db, actor, id);
  if (row.grading_status === 'graded' && !isAdmin(actor)) throw conflict('This answer is already graded');
  await checkModelQuota(ctx, row.user_id);
  const session = (await sq.findSession(ctx.db, row.session_id))!;
  const { row: graded } = await grade(ctx, session, row, questionOf(row, await questionRow(ctx.db, row)), {
    followUps: true,
  });
  await rescoreIfCompleted(ctx, row.session_id);
  return toFeedback(graded);
}

const questionRow = (db: Db, row: FeedbackRow) =>
  row.question_id ? sq.findQuestion(db, row.question_id) : Promise.resolve(undefined);

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
  const { items, total } = await fq.listFeedback(db, {
    ...input,
    sessionId: input.session_id,
    userId: input.user_id,
  });
  return { items: items.map(toFeedback), total, limit: input.limit, offset: input.offset };
}

export async function listSessionFeedback(
  db: Db,
  actor: MaybeActor,
  sessionId: string,
  input: { limit: number; offset: number },
): Promise<Page<Feedback>> {
  await loadOwnSession(db, actor, sessionId);
  const { items, total } = await fq.listFeedback(db, { ...input, sessionId });
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
      throw conflict(`Cannot change an answer: the session is ${session.status}`, { state: session.status });
    await checkModelQuota(ctx, row.user_id);
    // the new answer and its grading job commit together, as in submitAnswer
    const changed = await ctx.db.transaction().execute(async (trx) => {
      // Under the session's lock, as an answer and `end` take it: two redos at once count one
      // after the other (the cap holds), each keeps the answer it really replaced, and none lands
      // after the session ended.
      const locked = await sq.findSessionForUpdate(trx, row.session_id);
      if (locked && locked.status !== 'ongoing')
        throw conflict(`Cannot change an answer: the session is ${locked.status}`, { state: locked.status });
      const current = await fq.findFeedback(trx, id);
      if (!locked || !current) throw notFound('Feedback');
      // A redo keeps the attempt it replaces, with its grade, so both scores stay visible.
      if ((await pq.countAttempts(trx, id)) >= MAX_ANSWER_ATTEMPTS - 1)
        throw conflict(`An answer can be redone at most ${MAX_ANSWER_ATTEMPTS - 1} times`);
      await pq.insertAttempt(trx, {
        feedback_id: id,
        answer: current.answer,
        score: current.score,
        ai_feedback: current.ai_feedback,
        evaluator: current.evaluator,
      });
      const pending = await fq.updateFeedbackRow(trx, id, {
        answer: input.answer,
        grading_status: 'pending',
        // a bump, not a reset: a grade of the old answer still in flight must not land
        grading_attempts: current.grading_attempts + 1,
        rubric: null,
        // a spoken answer keeps the figures of what was said; a typed one is measured again
        ...(current.delivery?.source !== 'voice' && {
          delivery: JSON.stringify(computeDelivery({ text: input.answer!, category: current.category })),
        }),
      });
      return { pending, jobId: ctx.grading ? await ctx.grading.enqueue(trx, id) : null };
    });
    const question = questionOf(changed.pending, await questionRow(ctx.db, changed.pending));
    updated = (await grade(ctx, session, changed.pending, question, { followUps: true })).row;
    if (changed.jobId) settleJob(ctx, changed.jobId, updated);
  }
  if (input.score !== undefined || input.ai_feedback !== undefined) {
    updated = await fq.updateFeedbackRow(ctx.db, id, {
      ...(input.score !== undefined && {
        score: input.score,
        rubric: serialiseRubric(correctedRubric(updated.rubric, input.score)),
      }),
      ...(input.ai_feedback !== undefined && { ai_feedback: input.ai_feedback }),
      grading_status: 'graded',
      evaluator: 'admin',
      grading_error: null,
      // an admin's grade wins over a model's grade still in flight
      grading_attempts: updated.grading_attempts + 1,
    });
  }
  await rescoreIfCompleted(ctx, row.session_id);
  return toFeedback(updated);
}

/** The key of the component that records an admin's correction of a score. */
export const ADMIN_CORRECTION_KEY = 'admin';

/**
 * An admin's hand-corrected score keeps the interviewer's components (the candidate still sees
 * what the grader found) and adds one that says who changed the score and by how much, so the
 * points still add up to the score. A second correction replaces the first. With no breakdown
 * to correct (none was kept), there is none afterwards either: the evaluator "admin" says it all.
 */
export function correctedRubric(rubric: RubricComponent[] | null, score: number): RubricComponent[] | null {
  if (!rubric || rubric.length === 0) return null;
  const kept = rubric.filter((c) => c.key !== ADMIN_CORRECTION_KEY);
  const graderSum = kept.reduce((sum, c) => sum + c.points, 0);
  // Rounded to hundredths: fractional points would otherwise leave float noise in the difference.
  const delta = Math.round((score - graderSum) * 100) / 100;
  if (delta === 0) return kept;
  return [
    ...kept,
    {
      key: ADMIN_CORRECTION_KEY,
      label: 'Corrected by an admin',
      points: delta,
      max: 0,
      note: `An admin set the score to ${score}/10 (${delta > 0 ? '+' : ''}${delta} on the interviewer's breakdown).`,
    },
  ];
}

const serialiseRubric = (rubric: RubricComponent[] | null): string | null =>
  rubric && rubric.length > 0 ? JSON.stringify(rubric) : null;

/**
 * Owners may delete an answer only once its session is over. While it is ongoing, deleting would
 * reopen the question and reset "one answer per question" and the per-session cap (issue #12):
 * to redo an answer, the owner edits it (graded again, against the hourly model quota). Admins may.
 */
export async function deleteFeedback(ctx: ServiceContext, actor: MaybeActor, id: string): Promise<void> {
  const { db } = ctx;
  const row = await loadOwnFeedback(db, actor, id);
  if (!isAdmin(actor) && (await sq.findSession(db, row.session_id))?.status === 'ongoing') {
    throw conflict('Cannot delete an answer while its session is ongoing: edit it instead (PUT or PATCH)');
  }
  await fq.deleteFeedbackRow(db, id);
  await rescoreIfCompleted(ctx, row.session_id);
}
