import { z } from 'zod';
import { MAX_SKILLS } from '../engine/skills.ts';
import {
  DEFAULT_QUESTIONS,
  DIFFICULTIES,
  type Difficulty,
  MAX_QUESTIONS,
  MIN_QUESTIONS,
  SESSION_STATUSES,
} from '../enums.ts';
import { ANSWER_TIME_LIMIT_SECONDS } from '../limits.ts';
import {
  focusSchema,
  idSchema,
  pageInput,
  questionCategory,
  timestampSchema,
  wholeNumber,
} from './common.ts';
import { deliverySchema } from './delivery.ts';

/** The level of the questions, when the candidate picks one instead of the job's experience text. */
export const difficultySchema = z.enum(DIFFICULTIES);
export type { Difficulty };

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
  difficulty: difficultySchema.nullable().describe("chosen level; null: the job's experience text decides"),
  time_limit_seconds: z
    .number()
    .int()
    .nullable()
    .describe('seconds per answer, shown as a countdown; advisory: a late answer is still accepted'),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Session = z.infer<typeof sessionSchema>;

/** A session in a list: with how many planned questions were answered, so a list can say "Ended early". */
export const sessionListItemSchema = sessionSchema.extend({
  answered: z.number().int().describe('planned questions answered (of question_count)'),
});
export type SessionListItem = z.infer<typeof sessionListItemSchema>;

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
  skills: z
    .array(z.string().trim().min(1).max(200))
    .min(1)
    .max(MAX_SKILLS)
    .optional()
    .describe("practise only these of the job's skills, spelled as the job lists them (default: all)"),
  difficulty: difficultySchema
    .optional()
    .describe("the level of the questions (default: from the job's experience)"),
  time_limit_seconds: z
    .number()
    .int()
    .min(ANSWER_TIME_LIMIT_SECONDS.min)
    .max(ANSWER_TIME_LIMIT_SECONDS.max)
    .optional()
    .describe('a countdown per answer; when it runs out the candidate is told, and may still submit'),
});
export type CreateSessionInput = z.infer<typeof createSessionInput>;

/**
 * The only status PATCH moves a session to is `cancelled`; start and end have their own routes.
 * Any other status of the lifecycle is a transition it refuses with 409 naming the current status
 * (SPEC §4), not a malformed request: only a value outside the enum is a 400.
 */
export const patchSessionInput = z.strictObject({
  status: sessionStatus.describe(
    '"cancelled"; any other status is refused with 409 (start and end have their own routes)',
  ),
});

export const listSessionsInput = pageInput.extend({
  status: sessionStatus.optional(),
  user_id: idSchema.optional().describe('admin only: sessions of this user'),
});
export type ListSessionsInput = z.infer<typeof listSessionsInput>;

/** How many recent completed interviews the history's per-skill figures cover by default. */
export const DEFAULT_STATS_SESSIONS = 12;

export const sessionStatsInput = z.strictObject({
  user_id: idSchema.optional().describe("admin only: another user's figures; defaults to yours"),
  sessions: wholeNumber(1, 50)
    .default(DEFAULT_STATS_SESSIONS)
    .describe('how many of the most recent completed interviews'),
});
export type SessionStatsInput = z.infer<typeof sessionStatsInput>;

/** The history page's figures for recent completed interviews, from one query (not two calls per session). */
export const sessionStatsSchema = z.object({
  sessions: z
    .array(
      z.object({
        id: idSchema,
        job_description_id: idSchema.nullable(),
        job_title: z.string(),
        ended_at: timestampSchema.nullable(),
        score: z.number().int().nullable(),
        answered: z.number().int().describe('planned questions answered'),
        planned: z.number().int(),
        skills: z
          .array(z.object({ skill: z.string(), answers: z.number().int(), total: z.number().int() }))
          .describe('graded answers per skill a question targeted: how many, and the sum of their scores'),
        deliveries: z.array(deliverySchema).describe("the delivery figures of the session's answers"),
      }),
    )
    .describe('most recently ended first'),
});
export type SessionStats = z.infer<typeof sessionStatsSchema>;
