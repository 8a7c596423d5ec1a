import { z } from 'zod';
import { DEFAULT_QUESTIONS, MAX_QUESTIONS, MIN_QUESTIONS, SESSION_STATUSES } from '../enums.ts';
import { focusSchema, idSchema, pageInput, questionCategory, timestampSchema } from './common.ts';

export const sessionStatus = z.enum(SESSION_STATUSES);

export const questionSchema = z.object({
  id: idSchema,
  plan_index: z.number().int().describe("1-based position in the plan; a follow-up shares its parent's"),
  is_follow_up: z.boolean(),
  category: questionCategory,
  skill: z.string(),
  text: z.string(),
  answered: z.boolean(),
});
export type Question = z.infer<typeof questionSchema>;

export const sessionSchema = z.object({
  id: idSchema,
  user_id: idSchema,
  job_description_id: idSchema.nullable(),
  job_title: z.string(),
  status: sessionStatus,
  question_count: z.number().int(),
  focus: focusSchema,
  started_at: timestampSchema.nullable(),
  ended_at: timestampSchema.nullable(),
  score: z.number().int().nullable(),
  summary: z.string().nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Session = z.infer<typeof sessionSchema>;

export const progressSchema = z.object({
  answered: z.number().int().describe('planned questions answered'),
  planned: z.number().int(),
  done: z.boolean().describe('every question of the plan (and its follow-ups) is answered'),
});

export const sessionDetailSchema = sessionSchema.extend({
  job_skills: z.string(),
  job_experience: z.string(),
  transcript: z.string().nullable(),
  skill_notes: z.array(z.object({ skill: z.string(), note: z.string() })).nullable(),
  questions: z.array(questionSchema),
  current_question: questionSchema.nullable(),
  progress: progressSchema,
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const createSessionInput = z.strictObject({
  job_description_id: idSchema,
  question_count: z.number().int().min(MIN_QUESTIONS).max(MAX_QUESTIONS).default(DEFAULT_QUESTIONS),
  focus: focusSchema.default('mixed'),
});
export type CreateSessionInput = z.infer<typeof createSessionInput>;

/** The only status a client may set is `cancelled`; start and end have their own routes. */
export const patchSessionInput = z.strictObject({
  status: z.literal('cancelled', { error: 'only "cancelled" can be set; use start and end for the rest' }),
});

export const listSessionsInput = pageInput.extend({
  status: sessionStatus.optional(),
  user_id: idSchema.optional().describe('admin only: sessions of this user'),
});
export type ListSessionsInput = z.infer<typeof listSessionsInput>;
