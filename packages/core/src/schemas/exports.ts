import { z } from 'zod';
import { timestampSchema } from './common.ts';
import { deliverySchema } from './delivery.ts';
import { feedbackSchema } from './feedback.ts';
import { jobSchema } from './jobs.ts';
import { sessionDetailSchema } from './sessions.ts';
import { shareLinkSchema } from './shares.ts';
import { userSchema } from './users.ts';
import { voicePreferencesSchema } from './voice.ts';

export const EXPORT_FORMAT = 'ai-interviewer-export';
export const EXPORT_VERSION = 1;

/** A kept transcription: its text and figures, and whether audio was kept (never the audio itself). */
export const exportedRecordingSchema = z.object({
  id: z.string(),
  session_id: z.string(),
  question_id: z.string(),
  transcript: z.string(),
  delivery: deliverySchema,
  transcriber: z.string(),
  audio_kept: z.boolean(),
  audio_type: z.string().nullable(),
  audio_bytes: z
    .number()
    .int()
    .describe('0 when no audio was kept; download it from GET /feedbacks/{id}/recording'),
  created_at: timestampSchema,
});

/**
 * Everything the service holds about one user, as one document: profile, own job descriptions,
 * every interview with its questions and answers (feedback, rubric, delivery figures), kept
 * recordings (metadata), share links, logins and model calls. Never a password or token hash.
 */
export const userExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exported_at: timestampSchema,
  user: userSchema,
  voice_preferences: voicePreferencesSchema,
  jobs: z.array(jobSchema).describe('the job descriptions you created'),
  sessions: z.array(
    sessionDetailSchema.extend({
      job_description: z.string(),
      feedback: z.array(feedbackSchema).describe('your answers with their grades, in answer order'),
    }),
  ),
  recordings: z.array(exportedRecordingSchema),
  share_links: z.array(shareLinkSchema),
  logins: z
    .array(z.object({ created_at: timestampSchema, expires_at: timestampSchema }))
    .describe('your signed-in devices (their tokens are not exported)'),
  model_calls: z.array(z.object({ kind: z.string(), created_at: timestampSchema })),
});
export type UserExport = z.infer<typeof userExportSchema>;
