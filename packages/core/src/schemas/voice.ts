import { z } from 'zod';
import { idSchema } from './common.ts';
import { deliverySchema, timedWordSchema } from './delivery.ts';

/** Who turns speech into text: a server (`openai`), or the candidate's browser when the server has none. */
export const transcriptionMode = z.enum(['openai', 'browser']);

export const voiceStatusSchema = z.object({
  transcription: transcriptionMode.describe(
    'openai: POST the recording to the server; browser: use the browser’s own speech recognition',
  ),
  transcriber: z.string().nullable().describe('e.g. "openai:whisper-1"; null when the browser transcribes'),
  max_seconds: z.number().int().describe('longest recording accepted'),
  max_bytes: z.number().int().describe('largest recording accepted'),
});
export type VoiceStatus = z.infer<typeof voiceStatusSchema>;

export const transcribeInput = z.strictObject({
  session_id: idSchema,
  audio_base64: z
    .base64({ error: 'must be the recording, base64-encoded' })
    .min(1, { error: 'is required' })
    .describe('the recording (WebM, Ogg, WAV, MP3 or MP4 audio), base64-encoded'),
  duration_seconds: z.coerce
    .number()
    .positive({ error: 'must be positive' })
    .max(24 * 3600)
    .optional()
    .describe('the recording’s length as the recorder measured it; checked against the limit'),
});
export type TranscribeInput = z.infer<typeof transcribeInput>;

export const transcriptionSchema = z.object({
  id: idSchema.describe('send it as `transcript_id` with the answer to keep these delivery figures'),
  session_id: idSchema,
  question_id: idSchema,
  transcript: z.string().describe('what the candidate said; shown for correction before submitting'),
  words: z.array(timedWordSchema).nullable().describe('word timings, when the server gives them'),
  duration_seconds: z.number().nullable(),
  delivery: deliverySchema,
  transcriber: z.string(),
});
export type Transcription = z.infer<typeof transcriptionSchema>;

export const voicePreferencesSchema = z.object({
  keep_recordings: z
    .boolean()
    .describe(
      'keep the audio of answered recordings (downloadable, deleted with the account); off by default',
    ),
});
export const setVoicePreferencesInput = z.strictObject({ keep_recordings: z.boolean() });

export const recordingInfoSchema = z.object({
  feedback_id: idSchema,
  audio_type: z.string(),
  bytes: z.number().int(),
});
export const recordingSchema = z.object({
  feedback_id: idSchema,
  audio_type: z.string(),
  audio_base64: z.string().describe('the recording as it was sent, base64-encoded'),
});
export type Recording = z.infer<typeof recordingSchema>;
