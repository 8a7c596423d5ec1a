import { z } from 'zod';
import type { RubricComponent } from '../engine/types.ts';
import { GRADING_STATUSES } from '../enums.ts';
import { idSchema, pageInput, questionCategory, text, timestampSchema } from './common.ts';
import { deliverySchema } from './delivery.ts';
import { questionSchema } from './sessions.ts';

export const MAX_ANSWER_LENGTH = 8000;

/** One line of "why this score" (the engine's `RubricComponent`, as the API documents it). */
export const rubricComponentSchema = z
  .object({
    key: z.string().describe('stable identifier, e.g. "relevance", "evidence", "cap:off_topic", "admin"'),
    label: z.string().describe('what the candidate reads, e.g. "Answers the question asked"'),
    points: z.number().describe('points earned; negative for a cap or a penalty'),
    max: z.number().describe('the most this component can give (0 for a cap, a penalty or an adjustment)'),
    note: z.string().describe('why, citing the part of the answer it is about (or its absence)'),
  })
  .describe('one rubric component behind a score') satisfies z.ZodType<RubricComponent>;

export const rubricSchema = z
  .array(rubricComponentSchema)
  .nullable()
  .describe(
    'why the score: components whose points add up to it; null when there is no breakdown (not graded yet, or graded before breakdowns were kept). An admin\'s correction keeps the interviewer\'s components and adds one keyed "admin" with the difference.',
  );

export const gradingStatus = z.enum(GRADING_STATUSES);

export const feedbackSchema = z.object({
  id: idSchema,
  session_id: idSchema,
  user_id: idSchema,
  question_id: idSchema.nullable(),
  question: z.string(),
  answer: z.string(),
  ai_feedback: z.string().nullable(),
  score: z.number().int().nullable().describe('0-10; null until graded'),
  rubric: rubricSchema,
  category: questionCategory,
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  skills_shown: z.array(z.string()),
  follow_up: z.string().nullable(),
  grading_status: gradingStatus,
  grading_error: z.string().nullable(),
  evaluator: z
    .string()
    .nullable()
    .describe('who graded it, e.g. "offline:rubric-v1" or "openai:gpt-4o-mini"'),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  delivery: deliverySchema
    .nullable()
    .describe(
      'how the answer was said (pace, fillers, pauses, length): measured by code, apart from the grade',
    ),
});
export type Feedback = z.infer<typeof feedbackSchema>;

const answerText = text(1, MAX_ANSWER_LENGTH);

export const submitAnswerInput = z.strictObject({
  session_id: idSchema,
  answer: answerText,
  question_id: idSchema
    .optional()
    .describe('defaults to the current question; if given it must be the current one'),
  question: z
    .string()
    .max(2000)
    .optional()
    .describe("the current question's text, if the client wants it checked"),
  transcript_id: idSchema
    .optional()
    .describe('the transcription this answer was corrected from: its delivery figures are kept with it'),
});
export type SubmitAnswerInput = z.infer<typeof submitAnswerInput>;

export const submitAnswerResult = z.object({
  feedback: feedbackSchema,
  next_question: questionSchema.nullable(),
  done: z.boolean().describe('the plan is done: end the session to get the overall score'),
});

/** Owners may rewrite their answer while the session is ongoing (it is graded again); admins may also correct the grade. */
export const updateFeedbackInput = z.strictObject({
  answer: answerText.optional(),
  ai_feedback: text(1, 8000).optional().describe('admin only'),
  score: z.number().int().min(0).max(10).optional().describe('admin only'),
});
export const replaceFeedbackInput = updateFeedbackInput.extend({ answer: answerText });
export type UpdateFeedbackInput = z.infer<typeof updateFeedbackInput>;

export const listFeedbackInput = pageInput.extend({
  session_id: idSchema.optional(),
  user_id: idSchema.optional(),
});
export type ListFeedbackInput = z.infer<typeof listFeedbackInput>;
