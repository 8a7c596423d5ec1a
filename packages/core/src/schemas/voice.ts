import { z } from 'zod';
import { ANSWER_MODES, type AnswerMode } from '../enums.ts';
import { idSchema, orRequired, REQUIRED } from './common.ts';
import { deliverySchema, timedWordSchema } from './delivery.ts';

/** Who turns speech into text: a server (`openai`), or the candidate's browser when the server has none. */
export const transcriptionMode = z.enum(['openai', 'browser']);

/** Who reads questions aloud: a server voice (`openai`), or the browser's own speech synthesis. */
export const speechMode = z.enum(['openai', 'browser']);

export const voiceStatusSchema = z.object({
  transcription: transcriptionMode.describe(
    'openai: POST the recording to the server; browser: use the browser’s own speech recognition',
  ),
  transcriber: z.string().nullable().describe('e.g. "openai:whisper-1"; null when the browser transcribes'),
  speech: speechMode.describe(
    'openai: GET the question read aloud from the server; browser: the browser’s own speech synthesis',
  ),
  speaker: z.string().nullable().describe('e.g. "openai:tts-1/alloy"; null when the browser reads aloud'),
  max_seconds: z.number().int().describe('longest recording accepted'),
  max_bytes: z.number().int().describe('largest recording accepted'),
});
export type VoiceStatus = z.infer<typeof voiceStatusSchema>;

export const transcribeInput = z.strictObject({
  session_id: idSchema,
  audio_base64: z
    .base64(orRequired('must be the recording, base64-encoded'))
    .min(1, { error: REQUIRED })
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

/** How the candidate answers in the room: typing, or speaking (recorded, transcribed, corrected). */
export const answerMode = z.enum(ANSWER_MODES);
export type { AnswerMode };

/** What a user who never chose gets. */
export const DEFAULT_VOICE_PREFERENCES = {
  keep_recordings: false,
  answer_mode: 'type',
  read_aloud: true,
} as const satisfies { keep_recordings: boolean; answer_mode: AnswerMode; read_aloud: boolean };

const preferenceFields = {
  keep_recordings: z
    .boolean({ error: 'must be true or false' })
    .describe(
      `keep the audio of answered recordings (downloadable, deleted with the account); default ${DEFAULT_VOICE_PREFERENCES.keep_recordings}`,
    ),
  answer_mode: answerMode.describe(
    `type or speak the answers in the interview room; default ${DEFAULT_VOICE_PREFERENCES.answer_mode}`,
  ),
  read_aloud: z
    .boolean({ error: 'must be true or false' })
    .describe(
      `when speaking, each question is read aloud as it appears (replay is always there); default ${DEFAULT_VOICE_PREFERENCES.read_aloud}`,
    ),
};

/** The user's voice preferences, stored with the user (the same in every browser). */
export const voicePreferencesSchema = z.object(preferenceFields);
export type VoicePreferences = z.infer<typeof voicePreferencesSchema>;

/** Any of the preferences; the ones left out keep their value. */
export const setVoicePreferencesInput = z
  .strictObject({
    keep_recordings: preferenceFields.keep_recordings.optional(),
    answer_mode: preferenceFields.answer_mode.optional(),
    read_aloud: preferenceFields.read_aloud.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    error: 'give at least one of keep_recordings, answer_mode, read_aloud',
  });
export type SetVoicePreferencesInput = z.infer<typeof setVoicePreferencesInput>;

/** The current question read aloud by the server's voice. */
export const questionSpeechSchema = z.object({
  question_id: idSchema,
  audio_type: z.string().describe('e.g. audio/mpeg'),
  audio_base64: z.string().describe('the audio, base64-encoded'),
  speaker: z.string().describe('the voice that read it, e.g. "openai:tts-1/alloy"'),
});
export type QuestionSpeech = z.infer<typeof questionSpeechSchema>;

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
