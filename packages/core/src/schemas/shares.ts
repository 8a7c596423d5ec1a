import { z } from 'zod';
import { DEFAULT_SHARE_EXPIRY_DAYS, SHARE_EXPIRY_DAYS } from '../limits.ts';
import { focusSchema, idSchema, questionCategory, timestampSchema } from './common.ts';
import { deliverySchema } from './delivery.ts';
import { gradingStatus, rubricSchema } from './feedback.ts';
import { progressSchema, questionSchema, sessionStatus } from './sessions.ts';

export const createShareInput = z.strictObject({
  session_id: idSchema,
  expires_in_days: z
    .union(
      SHARE_EXPIRY_DAYS.map((d) => z.literal(d)),
      { error: `must be one of ${SHARE_EXPIRY_DAYS.join(', ')}` },
    )
    .default(DEFAULT_SHARE_EXPIRY_DAYS)
    .describe(`how many days the link works (${SHARE_EXPIRY_DAYS.join(', ')})`),
});
export type CreateShareInput = z.infer<typeof createShareInput>;

/**
 * A share token as issued (256 random bits, base64url: 43 characters). Checked by shape before
 * any lookup, so a mistyped link is a 400 naming the field rather than a database round trip.
 */
export const shareTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'must be a share link token (43 letters, digits, - or _)' });

export const shareLinkSchema = z.object({
  id: idSchema,
  session_id: idSchema,
  expires_at: timestampSchema,
  revoked_at: timestampSchema.nullable(),
  created_at: timestampSchema,
  active: z.boolean().describe('neither revoked nor expired'),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

export const createdShareLinkSchema = shareLinkSchema.extend({
  token: z
    .string()
    .describe(
      'shown once: only its hash is stored. The report is at /shared/<token> (GET /api/shared/<token>)',
    ),
});
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;

/** One answer as a shared report shows it: no ids of the user, no other object's id. */
export const sharedAnswerSchema = z.object({
  question_id: idSchema.nullable(),
  question: z.string(),
  answer: z.string(),
  category: questionCategory,
  score: z.number().int().nullable(),
  ai_feedback: z.string().nullable(),
  rubric: rubricSchema,
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  skills_shown: z.array(z.string()),
  grading_status: gradingStatus,
  evaluator: z.string().nullable(),
  delivery: deliverySchema.nullable(),
});

/** The read-only report behind a share link: that interview only, nothing about its owner. */
export const sharedReportSchema = z.object({
  job_title: z.string(),
  job_skills: z.string(),
  job_experience: z.string(),
  status: sessionStatus,
  focus: focusSchema,
  question_count: z.number().int(),
  started_at: timestampSchema.nullable(),
  ended_at: timestampSchema.nullable(),
  score: z.number().int().nullable(),
  summary: z.string().nullable(),
  skill_notes: z.array(z.object({ skill: z.string(), note: z.string() })).nullable(),
  progress: progressSchema,
  questions: z.array(questionSchema),
  answers: z.array(sharedAnswerSchema),
  link_expires_at: timestampSchema,
});
export type SharedReport = z.infer<typeof sharedReportSchema>;
