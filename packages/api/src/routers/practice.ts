import {
  answerAttemptsSchema,
  extractSkillsInput,
  modelAnswerSchema,
  postingFactsSchema,
  practice,
} from '@ai-interviewer/core';
import { idParam } from '../inputs.ts';
import { authedProcedure, router } from '../trpc.ts';

const object = 'owner or admin';

/** The practice loop of issue #14 (sessions on chosen skills are `sessions.create`; a redo is `feedback.update`). */
export const practiceRouter = router({
  /** The skills and facts of a pasted posting, for the "My own job" form. Nothing is stored. */
  extractSkills: authedProcedure({
    input: extractSkillsInput,
    output: postingFactsSchema,
    rest: {
      method: 'POST',
      path: '/jobs/extract-skills',
      status: 200,
      tag: 'Job descriptions',
      summary:
        'Read a pasted job posting: the skills it asks for, the tools it names, its figures and responsibilities',
    },
  }).mutation(({ ctx, input }) => practice.extractSkills(ctx.actor, input)),

  /** What a strong answer to an answered question covers; written once (by the model, if configured), then kept. */
  modelAnswer: authedProcedure({
    input: idParam,
    output: modelAnswerSchema,
    rest: {
      method: 'GET',
      path: '/feedbacks/:id/model-answer',
      status: 200,
      tag: 'Feedback',
      object,
      summary:
        'What a strong answer to this question covers: talking points and a short example (written once, by the model if configured)',
    },
  }).query(({ ctx, input }) => practice.modelAnswer(ctx.services, ctx.actor, input.id)),

  /** The earlier attempts of a redone answer, with their scores. */
  attempts: authedProcedure({
    input: idParam,
    output: answerAttemptsSchema,
    rest: {
      method: 'GET',
      path: '/feedbacks/:id/attempts',
      status: 200,
      tag: 'Feedback',
      object,
      summary: 'The earlier attempts of a redone answer, with their scores, oldest first',
    },
  }).query(({ ctx, input }) => practice.listAttempts(ctx.services.db, ctx.actor, input.id)),
});
