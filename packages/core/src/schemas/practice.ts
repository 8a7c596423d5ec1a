/**
 * The practice loop (issue #14): reading a pasted posting, model answers, earlier attempts of a
 * redone answer. Session settings (skills, difficulty, time limit) live with the session schemas.
 */
import { z } from 'zod';
import { idSchema, text, timestampSchema } from './common.ts';

export const extractSkillsInput = z.strictObject({
  description: text(1, 20_000).describe('the pasted job posting'),
});

export const postingFactsSchema = z.object({
  skills: z
    .array(z.string())
    .describe('skills the posting asks for, to fill the job form (the candidate adjusts them)'),
  tools: z.array(z.string()).describe('tools and technologies it names, spelled as in the posting'),
  figures: z
    .array(z.string())
    .describe('scale, targets and peaks, e.g. "a 99.99 % SLO", "Black Friday peaks"'),
  responsibilities: z.array(z.string()).describe('what the job does, as the posting words it'),
});
export type PostingFactsOutput = z.infer<typeof postingFactsSchema>;

export const modelAnswerSchema = z.object({
  id: idSchema.describe("the answer's (feedback's) id"),
  talking_points: z.array(z.string()).describe('what a strong answer to the question covers'),
  example: z
    .string()
    .describe('a short example written by the interviewer to learn from; never a real candidate’s answer'),
  written_by: z
    .string()
    .describe(
      'who wrote it, e.g. "offline:rubric-v2" (built from the talking points) or "openai:gpt-4o-mini"',
    ),
});
export type ModelAnswerOutput = z.infer<typeof modelAnswerSchema>;

export const answerAttemptSchema = z.object({
  id: idSchema,
  answer: z.string(),
  score: z.number().int().nullable(),
  ai_feedback: z.string().nullable(),
  evaluator: z.string().nullable(),
  created_at: timestampSchema.describe('when this attempt was replaced by a redo'),
});
export const answerAttemptsSchema = z.object({
  id: idSchema.describe("the answer's (feedback's) id"),
  attempts: z
    .array(answerAttemptSchema)
    .describe('earlier attempts, oldest first; the current one is the feedback itself'),
});
export type AnswerAttempts = z.infer<typeof answerAttemptsSchema>;
