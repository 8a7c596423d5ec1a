import type { Kysely } from 'kysely';
import type { Database, FeedbackRow, SessionRow } from '../db/types.ts';
import { computeOverallScore, parseSkills, type SessionSummary } from '../engine/index.ts';
import { normalizeKey } from '../engine/text.ts';
import type { SessionStatus } from '../enums.ts';
import { conflict, DomainError, notFound } from '../errors.ts';
import { allFeedbackOfSession } from '../queries/feedback.ts';
import * as q from '../queries/sessions.ts';
import type { Page } from '../schemas/common.ts';
import type {
  CreateSessionInput,
  ListSessionsInput,
  SessionDetail,
  SessionListItem,
  SessionStats,
  SessionStatsInput,
} from '../schemas/sessions.ts';
import { canSee, type MaybeActor, requireActor, requireAdmin } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { loadVisibleJob } from './jobs.ts';
import { iso, toQuestion, toSession } from './mappers.ts';
import { callInterviewer, checkModelQuota, jobContextOf, modelFailure } from './model-calls.ts';
import { withCreationQuota } from './quotas.ts';

type Db = Kysely<Database>;

/** Loads a session its owner or an admin may see; anyone else gets 404. */
export async function loadOwnSession(db: Db, actor: MaybeActor, id: string): Promise<SessionRow> {
  requireActor(actor);
  const row = await q.findSession(db, id);
  if (!row || !canSee(actor, row.user_id)) throw notFound('Session');
  return row;
}

const wrongStatus = (action: string, status: SessionStatus) =>
  conflict(`Cannot ${action} a session that is ${status}`, { state: status });

/** Why a transition found no row to change: another request moved the session on, or deleted it. */
async function refusedTransition(db: Kysely<Database>, id: string, action: string) {
  const status = (await q.findSession(db, id))?.status;
  return status ? wrongStatus(action, status) : notFound('Session');
}

/** The current question and progress are derived from the database on every read. */
export function deriveProgress(session: SessionRow, questions: q.QuestionWithAnswer[]) {
  const planned = questions.filter((x) => !x.is_follow_up);
  const next = questions.find((x) => !x.answered) ?? null;
  return {
    current: session.status === 'ongoing' ? next : null,
    progress: {
      answered: planned.filter((x) => x.answered).length,
      planned: session.question_count,
      done: session.status !== 'pending' && next === null && planned.length > 0,
    },
  };
}

export async function getSessionDetail(db: Db, actor: MaybeActor, id: string): Promise<SessionDetail> {
  const row = await loadOwnSession(db, actor, id);
  return detailOf(db, row);
}

export async function detailOf(db: Db, row: SessionRow): Promise<SessionDetail> {
  return sessionDetailOf(row, await q.listQuestions(db, row.id));
}

/** A session with its questions as the API shows it (the export adds its feedback to the same shape). */
export function sessionDetailOf(
  row: SessionRow,
  questions: Awaited<ReturnType<typeof q.listQuestions>>,
): SessionDetail {
  const { current, progress } = deriveProgress(row, questions);
  return {
    ...toSession(row),
    job_skills: row.job_skills,
    job_experience: row.job_experience,
    transcript: row.transcript,
    skill_notes: row.skill_notes,
    questions: questions.map((x) => toQuestion(x, x.answered)),
    current_question: current ? toQuestion(current, false) : null,
    progress,
  };
}

/** `perHour`: the candidate's hourly quota of new sessions (see withCreationQuota). */
export async function createSession(
  db: Db,
  actor: MaybeActor,
  input: CreateSessionInput,
  perHour?: number,
): Promise<SessionDetail> {
  const me = requireActor(actor);
  const job = await loadVisibleJob(db, me, input.job_description_id);
  const skills = input.skills ? chosenSkills(job.skills, input.skills) : null;
  const row = await withCreationQuota(db, me, 'session', perHour, (tx) =>
    q.insertSession(tx, {
      user_id: me.id,
      job_description_id: job.id,
      job_title: job.title,
      job_description: job.description,
      // "Practise this skill": the session's copy of the job lists only the chosen skills, so
      // the plan, the grading and the report are about them.
      job_skills: skills ? skills.join(', ') : job.skills,
      job_experience: job.experience,
      question_count: input.question_count,
      focus: input.focus,
      difficulty: input.difficulty ?? null,
      time_limit_seconds: input.time_limit_seconds ?? null,
    }),
  );
  return detailOf(db, row);
}

/**
 * The chosen skills, spelled as the job lists them; one the job does not list is a 400 naming
 * the field (and the skill), so a stale or hand-made request cannot practise something else.
 */
export function chosenSkills(jobSkills: string, chosen: readonly string[]): string[] {
  const byKey = new Map(parseSkills(jobSkills).map((s) => [normalizeKey(s), s]));
  const out: string[] = [];
  for (const [i, skill] of chosen.entries()) {
    const own = byKey.get(normalizeKey(skill));
    if (!own) {
      const message = `"${skill}" is not one of this job's skills`;
      throw new DomainError('VALIDATION', `skills: ${message}`, [{ path: ['skills', i], message }]);
    }
    if (!out.includes(own)) out.push(own);
  }
  return out;
}

/** Admin: every session. */
export async function listSessions(
  db: Db,
  actor: MaybeActor,
  input: ListSessionsInput,
): Promise<Page<SessionListItem>> {
  requireAdmin(actor);
  const { items, total } = await q.listSessions(db, { ...input, userId: input.user_id });
  return { items: items.map(toListItem), total, limit: input.limit, offset: input.offset };
}

/** Owner or admin: one user's sessions (history). */
export async function listUserSessions(
  db: Db,
  actor: MaybeActor,
  userId: string,
  input: Omit<ListSessionsInput, 'user_id'>,
): Promise<Page<SessionListItem>> {
  requireActor(actor);
  if (!canSee(actor, userId)) throw notFound('User');
  const { items, total } = await q.listSessions(db, { ...input, userId });
  return { items: items.map(toListItem), total, limit: input.limit, offset: input.offset };
}

const toListItem = (row: SessionRow & { answered: number }): SessionListItem => ({
  ...toSession(row),
  answered: row.answered,
});

/** Owner or admin: the history page's figures over the user's recent completed interviews. */
export async function sessionStats(
  db: Db,
  actor: MaybeActor,
  input: SessionStatsInput,
): Promise<SessionStats> {
  const me = requireActor(actor);
  const userId = input.user_id ?? me.id;
  if (!canSee(me, userId)) throw notFound('User');
  const rows = await q.sessionStats(db, userId, input.sessions);
  return {
    sessions: rows.map((r) => ({
      id: r.id,
      job_description_id: r.job_description_id,
      job_title: r.job_title,
      ended_at: r.ended_at === null ? null : iso(r.ended_at),
      score: r.score,
      answered: r.answered,
      planned: r.planned,
      skills: r.skills,
      deliveries: r.deliveries,
    })),
  };
}

/** pending → ongoing: plans the questions, then makes the first one current. */
export async function startSession(
  ctx: ServiceContext,
  actor: MaybeActor,
  id: string,
): Promise<SessionDetail> {
  const session = await loadOwnSession(ctx.db, actor, id);
  if (session.status !== 'pending') throw wrongStatus('start', session.status);
  await checkModelQuota(ctx, session.user_id);
  // Planned outside the transaction: a model call must not hold a database connection.
  let planned: Awaited<ReturnType<typeof planFor>>;
  try {
    planned = await planFor(ctx, session);
  } catch (e) {
    throw new DomainError(
      'UNAVAILABLE',
      `The interviewer could not plan questions right now (${modelFailure(ctx, e, 'plan')}); please retry`,
    );
  }
  const started = await ctx.db.transaction().execute(async (trx) => {
    const row = await q.transitionSession(trx, id, ['pending'], {
      status: 'ongoing',
      started_at: new Date(),
    });
    if (!row) return null;
    await q.insertQuestions(
      trx,
      planned.map((p, i) => ({
        session_id: id,
        plan_index: i + 1,
        is_follow_up: false,
        category: p.category,
        skill: p.skill.slice(0, 200),
        text: p.text.slice(0, 2000),
      })),
    );
    return row;
  });
  if (!started) throw await refusedTransition(ctx.db, id, 'start');
  return detailOf(ctx.db, started);
}

async function planFor(ctx: ServiceContext, session: SessionRow) {
  const { result } = await callInterviewer(ctx, session.user_id, 'plan', (p) =>
    p.planQuestions({
      job: jobContextOf(session),
      count: session.question_count,
      focus: session.focus,
      seed: session.id,
    }),
  );
  if (result.length === 0) throw new Error('the plan was empty');
  return result.slice(0, session.question_count);
}

/** pending|ongoing → cancelled. */
/**
 * PATCH's status: `cancelled` from pending or ongoing; any other status is a transition PATCH does
 * not make (start and end are their own steps), refused with 409 naming the current status.
 */
export async function setSessionStatus(
  db: Db,
  actor: MaybeActor,
  id: string,
  status: SessionStatus,
): Promise<SessionDetail> {
  if (status === 'cancelled') return cancelSession(db, actor, id);
  const session = await loadOwnSession(db, actor, id);
  throw conflict(
    `Cannot set a session that is ${session.status} to ${status}: PATCH only cancels; start and end are POST /sessions/{id}/start and /end`,
    { state: session.status },
  );
}

export async function cancelSession(db: Db, actor: MaybeActor, id: string): Promise<SessionDetail> {
  const session = await loadOwnSession(db, actor, id);
  const row = await q.transitionSession(db, id, ['pending', 'ongoing'], {
    status: 'cancelled',
    ended_at: session.started_at ? new Date() : null,
  });
  if (!row) throw wrongStatus('cancel', (await q.findSession(db, id))?.status ?? session.status);
  return detailOf(db, row);
}

/** Score by code from the per-question scores: explainable and identical on every rerun. */
export function scoreOf(
  questions: q.QuestionWithAnswer[],
  feedback: FeedbackRow[],
  plannedCount: number,
): number {
  const byQuestion = new Map(feedback.map((f) => [f.question_id, f]));
  return computeOverallScore({
    planned_count: plannedCount,
    items: questions.map((x) => ({
      // stored 1-based (session_questions.plan_index); computeOverallScore counts from 0
      plan_index: x.plan_index - 1,
      is_follow_up: x.is_follow_up,
      score: byQuestion.get(x.id)?.score ?? null,
    })),
  });
}

export function transcriptOf(
  session: SessionRow,
  questions: q.QuestionWithAnswer[],
  feedback: FeedbackRow[],
): string {
  const byQuestion = new Map(feedback.map((f) => [f.question_id, f]));
  const lines = [`Interview for ${session.job_title}`, ''];
  for (const x of questions) {
    const label = x.is_follow_up ? `Follow-up to Q${x.plan_index}` : `Q${x.plan_index}`;
    lines.push(`${label} (${x.category}, ${x.skill}): ${x.text}`);
    const f = byQuestion.get(x.id);
    if (!f) {
      lines.push('Answer: (not answered)', '');
      continue;
    }
    lines.push(`Answer: ${f.answer}`);
    lines.push(
      f.score === null
        ? `Feedback: not graded (${f.grading_status})`
        : `Feedback (${f.score}/10, ${f.evaluator}): ${f.ai_feedback ?? ''}`,
    );
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

/**
 * ongoing → completed. The transition, score and transcript are one conditional update, so
 * of two concurrent calls one wins and the other gets 409. The narrative summary is written
 * after, by the interviewer; if that fails the session keeps a summary made by code.
 */
export async function endSession(ctx: ServiceContext, actor: MaybeActor, id: string): Promise<SessionDetail> {
  const session = await loadOwnSession(ctx.db, actor, id);
  if (session.status !== 'ongoing') throw wrongStatus('end', session.status);
  const ended = await ctx.db.transaction().execute(async (trx) => {
    // The session's lock first: an answer being stored is waited for, and what is read below is
    // what the score is of (a grade recorded later rescores the session: submitAnswer).
    await q.findSessionForUpdate(trx, id);
    const questions = await q.listQuestions(trx, id);
    const feedback = await allFeedbackOfSession(trx, id);
    const score = scoreOf(questions, feedback, session.question_count);
    const row = await q.transitionSession(trx, id, ['ongoing'], {
      status: 'completed',
      ended_at: new Date(),
      score,
      transcript: transcriptOf(session, questions, feedback),
      summary: plainSummary(score, questions, feedback),
    });
    return row ? { row, questions, feedback } : null;
  });
  if (!ended) throw await refusedTransition(ctx.db, id, 'end');

  const summary = await summarise(ctx, ended.row, ended.questions, ended.feedback);
  if (summary) {
    await q.updateSessionRow(ctx.db, id, {
      summary: summary.summary,
      skill_notes: JSON.stringify(summary.skill_notes),
    });
  }
  return detailOf(ctx.db, (await q.findSession(ctx.db, id))!);
}

async function summarise(
  ctx: ServiceContext,
  session: SessionRow,
  questions: q.QuestionWithAnswer[],
  feedback: FeedbackRow[],
): Promise<SessionSummary | null> {
  const byQuestion = new Map(feedback.map((f) => [f.question_id, f]));
  try {
    await checkModelQuota(ctx, session.user_id);
    const { result } = await callInterviewer(ctx, session.user_id, 'summary', (p) =>
      p.summarise({
        job: jobContextOf(session),
        overall_score: session.score ?? 0,
        items: questions.map((x) => ({
          question: x.text,
          category: x.category,
          skill: x.skill,
          answer: byQuestion.get(x.id)?.answer ?? '',
          score: byQuestion.get(x.id)?.score ?? null,
          is_follow_up: x.is_follow_up,
        })),
      }),
    );
    return result;
  } catch {
    return null; // the code-made summary stays
  }
}

function plainSummary(score: number, questions: q.QuestionWithAnswer[], feedback: FeedbackRow[]): string {
  const planned = questions.filter((x) => !x.is_follow_up).length;
  const graded = feedback.filter((f) => f.score !== null).length;
  return `Overall score ${score}/100 from ${graded} graded answer(s) across ${planned} planned question(s).`;
}

/**
 * After a grade changes in a completed session (a regrade, an admin's correction, a grade that
 * landed after the end, a deleted answer), its score follows, and so does what states the scores:
 * the transcript, and the summary — the code-made one at once, the interviewer's when it can write
 * one (as at the end).
 */
export async function rescoreIfCompleted(ctx: ServiceContext, sessionId: string): Promise<void> {
  const session = await q.findSession(ctx.db, sessionId);
  if (session?.status !== 'completed') return;
  const questions = await q.listQuestions(ctx.db, sessionId);
  const feedback = await allFeedbackOfSession(ctx.db, sessionId);
  const score = scoreOf(questions, feedback, session.question_count);
  const transcript = transcriptOf(session, questions, feedback);
  const rescored = score !== session.score;
  if (!rescored && transcript === session.transcript) return;
  await q.updateSessionRow(ctx.db, sessionId, {
    score,
    transcript,
    ...(rescored && { summary: plainSummary(score, questions, feedback) }),
  });
  if (!rescored) return;
  const summary = await summarise(ctx, { ...session, score }, questions, feedback);
  if (summary)
    await q.updateSessionRow(ctx.db, sessionId, {
      summary: summary.summary,
      skill_notes: JSON.stringify(summary.skill_notes),
    });
}

export async function deleteSession(db: Db, actor: MaybeActor, id: string): Promise<void> {
  requireAdmin(actor);
  const row = await q.findSession(db, id);
  if (!row) throw notFound('Session');
  await q.deleteSessionRow(db, id);
}
