import {
  answerAttemptsSchema,
  extractSkillsInput,
  idSchema,
  modelAnswerSchema,
  postingFactsSchema,
  practice,
} from '@ai-interviewer/core';
import { z } from 'zod';
import { authedProcedure, router } from '../trpc.ts';

const byId = z.strictObject({ id: idSchema });

/** The practice loop of issue #14 (sessions on chosen skills are `sessions.create`; a redo is `feedback.update`). */
export const practiceRouter = router({
  /** The skills and facts of a pasted posting, for the "My own job" form. Nothing is stored. */
  extractSkills: authedProcedure
    .input(extractSkillsInput)
    .output(postingFactsSchema)
    .mutation(({ ctx, input }) => practice.extractSkills(ctx.actor, input)),

  /** What a strong answer to an answered question covers; written once (by the model, if configured), then kept. */
  modelAnswer: authedProcedure
    .input(byId)
    .output(modelAnswerSchema)
    .query(({ ctx, input }) => practice.modelAnswer(ctx.services, ctx.actor, input.id)),

  /** The earlier attempts of a redone answer, with their scores. */
  attempts: authedProcedure
    .input(byId)
    .output(answerAttemptsSchema)
    .query(({ ctx, input }) => practice.listAttempts(ctx.services.db, ctx.actor, input.id)),
});
