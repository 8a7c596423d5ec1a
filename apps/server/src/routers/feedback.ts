import {
  feedback,
  feedbackSchema,
  idSchema,
  listFeedbackInput,
  pageOf,
  replaceFeedbackInput,
  submitAnswerInput,
  submitAnswerResult,
  updateFeedbackInput,
} from '@ai-interviewer/core';
import { z } from 'zod';
import { adminProcedure, authedProcedure, router } from '../trpc.ts';
import { latestValueStream } from './callback-stream.ts';

const byId = z.strictObject({ id: idSchema });

export const feedbackRouter = router({
  list: adminProcedure
    .input(listFeedbackInput)
    .output(pageOf(feedbackSchema))
    .query(({ ctx, input }) => feedback.listFeedback(ctx.services.db, ctx.actor, input)),

  /** Answer the current question: stored first, then graded; returns the feedback and the next question. */
  submit: authedProcedure
    .input(submitAnswerInput)
    .output(submitAnswerResult)
    .mutation(({ ctx, input }) => feedback.submitAnswer(ctx.services, ctx.actor, input)),

  /**
   * The same as submit, for the SPA with httpBatchStreamLink: yields the feedback text as the
   * model writes it (`{ type: 'delta' }`), then the finished result (`{ type: 'result' }`).
   */
  submitStream: authedProcedure.input(submitAnswerInput).mutation(async function* ({ ctx, input }) {
    const deltas = latestValueStream<string>();
    const done = feedback.submitAnswer(ctx.services, ctx.actor, input, (text) => deltas.push(text));
    done.then(deltas.end, deltas.end);
    for await (const text of deltas) yield { type: 'delta' as const, text };
    yield { type: 'result' as const, result: submitAnswerResult.parse(await done) };
  }),

  get: authedProcedure
    .input(byId)
    .output(feedbackSchema)
    .query(({ ctx, input }) => feedback.getFeedback(ctx.services.db, ctx.actor, input.id)),

  update: authedProcedure
    .input(updateFeedbackInput.extend(byId.shape))
    .output(feedbackSchema)
    .mutation(({ ctx, input: { id, ...patch } }) =>
      feedback.updateFeedback(ctx.services, ctx.actor, id, patch),
    ),

  replace: authedProcedure
    .input(replaceFeedbackInput.extend(byId.shape))
    .output(feedbackSchema)
    .mutation(({ ctx, input: { id, ...patch } }) =>
      feedback.updateFeedback(ctx.services, ctx.actor, id, patch),
    ),

  delete: authedProcedure
    .input(byId)
    .output(z.null())
    .mutation(async ({ ctx, input }) => {
      await feedback.deleteFeedback(ctx.services.db, ctx.actor, input.id);
      return null;
    }),

  /** Grade again an answer whose grading failed. */
  regrade: authedProcedure
    .input(byId)
    .output(feedbackSchema)
    .mutation(({ ctx, input }) => feedback.regradeFeedback(ctx.services, ctx.actor, input.id)),
});
