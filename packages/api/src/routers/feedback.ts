import {
  feedback,
  feedbackSchema,
  listFeedbackInput,
  pageOf,
  replaceFeedbackInput,
  submitAnswerInput,
  submitAnswerResult,
  updateFeedbackInput,
} from '@ai-interviewer/core';
import { z } from 'zod';
import { idParam } from '../inputs.ts';
import { adminProcedure, authedProcedure, authedStream, router } from '../trpc.ts';
import { latestValueStream } from './callback-stream.ts';

const tag = 'Feedback';
const object = 'owner or admin';

export const feedbackRouter = router({
  list: adminProcedure({
    input: listFeedbackInput,
    output: pageOf(feedbackSchema),
    rest: { method: 'GET', path: '/feedbacks', status: 200, tag, summary: 'List every feedback record' },
  }).query(({ ctx, input }) => feedback.listFeedback(ctx.services.db, ctx.actor, input)),

  /** Answer the current question: stored first, then graded; returns the feedback and the next question. */
  submit: authedProcedure({
    input: submitAnswerInput,
    output: submitAnswerResult,
    rest: {
      method: 'POST',
      path: '/feedbacks',
      status: 201,
      tag,
      summary:
        'Answer the current question of your ongoing session: the answer is stored, graded, and returned with the next question',
    },
  }).mutation(({ ctx, input }) => feedback.submitAnswer(ctx.services, ctx.actor, input)),

  /**
   * The same as submit, for the SPA with httpBatchStreamLink: yields the feedback text as the
   * model writes it (`{ type: 'delta' }`), then the finished result (`{ type: 'result' }`).
   */
  submitStream: authedStream(submitAnswerInput).mutation(async function* ({ ctx, input }) {
    const deltas = latestValueStream<string>();
    const done = feedback.submitAnswer(ctx.services, ctx.actor, input, (text) => deltas.push(text));
    done.then(deltas.end, deltas.end);
    for await (const text of deltas) yield { type: 'delta' as const, text };
    yield { type: 'result' as const, result: submitAnswerResult.parse(await done) };
  }),

  get: authedProcedure({
    input: idParam,
    output: feedbackSchema,
    rest: {
      method: 'GET',
      path: '/feedbacks/:id',
      status: 200,
      tag,
      object,
      summary: 'Get one feedback record',
    },
  }).query(({ ctx, input }) => feedback.getFeedback(ctx.services.db, ctx.actor, input.id)),

  update: authedProcedure({
    input: updateFeedbackInput.extend(idParam.shape),
    output: feedbackSchema,
    rest: {
      method: 'PATCH',
      path: '/feedbacks/:id',
      status: 200,
      tag,
      object,
      summary: 'Update your answer (graded again) or, as admin, correct the grade',
    },
  }).mutation(({ ctx, input: { id, ...patch } }) =>
    feedback.updateFeedback(ctx.services, ctx.actor, id, patch),
  ),

  replace: authedProcedure({
    input: replaceFeedbackInput.extend(idParam.shape),
    output: feedbackSchema,
    rest: {
      method: 'PUT',
      path: '/feedbacks/:id',
      status: 200,
      tag,
      object,
      summary:
        'Replace your answer while the session is ongoing (graded again); admins may also set score and ai_feedback',
    },
  }).mutation(({ ctx, input: { id, ...patch } }) =>
    feedback.updateFeedback(ctx.services, ctx.actor, id, patch),
  ),

  delete: authedProcedure({
    input: idParam,
    output: z.null(),
    rest: {
      method: 'DELETE',
      path: '/feedbacks/:id',
      status: 204,
      tag,
      object,
      summary: 'Delete a feedback record',
    },
  }).mutation(async ({ ctx, input }) => {
    await feedback.deleteFeedback(ctx.services, ctx.actor, input.id);
    return null;
  }),

  /** Grade again an answer whose grading failed. */
  regrade: authedProcedure({
    input: idParam,
    output: feedbackSchema,
    rest: {
      method: 'POST',
      path: '/feedbacks/:id/regrade',
      status: 200,
      tag,
      object,
      summary: 'Grade again an answer whose grading failed',
    },
  }).mutation(({ ctx, input }) => feedback.regradeFeedback(ctx.services, ctx.actor, input.id)),
});
