/**
 * The practice loop (issue #14): reading a pasted posting, "what a strong answer covers", and
 * the earlier attempts of a redone answer. (Redoing itself is `feedback.updateFeedback`;
 * sessions on chosen skills are `sessions.createSession`.)
 */
import type { Kysely } from 'kysely';
import type { Database, FeedbackRow } from '../db/types.ts';
import { createOfflineProvider } from '../engine/offline/provider.ts';
import { extractPosting } from '../engine/posting.ts';
import { notFound } from '../errors.ts';
import * as fq from '../queries/feedback.ts';
import * as pq from '../queries/practice.ts';
import * as sq from '../queries/sessions.ts';
import type { AnswerAttempts, ModelAnswerOutput, PostingFactsOutput } from '../schemas/practice.ts';
import { canSee, type MaybeActor, requireActor } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { iso } from './mappers.ts';
import { callInterviewer, checkModelQuota, jobContextOf } from './model-calls.ts';

type Db = Kysely<Database>;

/** The skills and facts of a pasted posting (pure: nothing is stored). Signed-in users only. */
export function extractSkills(actor: MaybeActor, input: { description: string }): PostingFactsOutput {
  requireActor(actor);
  return extractPosting(input.description);
}

async function loadOwnFeedback(db: Db, actor: MaybeActor, id: string): Promise<FeedbackRow> {
  requireActor(actor);
  const row = await fq.findFeedback(db, id);
  if (!row || !canSee(actor, row.user_id)) throw notFound('Feedback');
  return row;
}

const offline = createOfflineProvider();

/**
 * What a strong answer to this answer's question covers. Written once per answer, by the
 * configured interviewer (a model call, against the hourly quota) or the offline one, then kept:
 * the room and the report show the same text, and reopening it costs nothing.
 */
export async function modelAnswer(
  ctx: ServiceContext,
  actor: MaybeActor,
  id: string,
): Promise<ModelAnswerOutput> {
  const row = await loadOwnFeedback(ctx.db, actor, id);
  if (row.model_answer) return { id: row.id, ...row.model_answer };
  const session = await sq.findSession(ctx.db, row.session_id);
  if (!session) throw notFound('Feedback');
  const q = row.question_id ? await pq.findQuestion(ctx.db, row.question_id!) : undefined;
  const question = {
    text: row.question,
    category: row.category,
    skill: q?.skill ?? '',
    is_follow_up: q?.is_follow_up ?? false,
  };
  const job = jobContextOf(session);
  let written: Omit<ModelAnswerOutput, 'id'>;
  if (!ctx.interviewer.provider.modelAnswer) {
    // A provider that cannot write one (a test double): the offline outline, at no cost.
    written = { ...(await offline.modelAnswer!({ job, question })), written_by: offline.evaluator };
  } else {
    await checkModelQuota(ctx, row.user_id);
    const { result, evaluator } = await callInterviewer(ctx, row.user_id, 'model_answer', (p) =>
      (p.modelAnswer ? p : offline).modelAnswer!({ job, question }),
    );
    written = { talking_points: result.talking_points, example: result.example, written_by: evaluator };
  }
  const saved = await pq.saveModelAnswer(ctx.db, row.id, written);
  const kept = saved ?? (await fq.findFeedback(ctx.db, row.id))?.model_answer ?? written;
  return { id: row.id, ...kept };
}

/** The earlier attempts of an answer (each redo keeps the one it replaced), oldest first. */
export async function listAttempts(db: Db, actor: MaybeActor, id: string): Promise<AnswerAttempts> {
  const row = await loadOwnFeedback(db, actor, id);
  const items = await pq.listAttempts(db, row.id);
  return {
    id: row.id,
    attempts: items.map((a) => ({
      id: a.id,
      answer: a.answer,
      score: a.score,
      ai_feedback: a.ai_feedback,
      evaluator: a.evaluator,
      created_at: iso(a.created_at),
    })),
  };
}
