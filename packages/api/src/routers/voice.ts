import {
  idSchema,
  questionSpeechSchema,
  recordingInfoSchema,
  recordingSchema,
  setVoicePreferencesInput,
  transcribeInput,
  transcriptionSchema,
  voice,
  voicePreferencesSchema,
  voiceStatusSchema,
} from '@ai-interviewer/core';
import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

const tag = 'Voice';
const object = 'owner or admin';

export const voiceRouter = router({
  /** Who transcribes here (the server, or the browser) and the bounds of a recording. */
  status: publicProcedure({
    input: z.void(),
    output: voiceStatusSchema,
    rest: {
      method: 'GET',
      path: '/voice',
      status: 200,
      tag,
      summary: 'Who transcribes recordings here (the server, or the browser) and the limits of a recording',
    },
  }).query(({ ctx }) => voice.voiceStatus(ctx.services)),

  /** One recording for the current question → its transcript (for correction) and delivery figures. */
  transcribe: authedProcedure({
    input: transcribeInput,
    output: transcriptionSchema,
    rest: {
      method: 'POST',
      path: '/sessions/:session_id/recordings',
      status: 201,
      tag,
      object,
      summary:
        'Transcribe one recording of the answer to the current question (the audio is not kept): returns the transcript with word timings and delivery figures; send its id as `transcript_id` with the corrected answer',
      fileBody: {
        field: 'audio_base64',
        mediaTypes: [
          'audio/webm',
          'audio/ogg',
          'audio/wav',
          'audio/mpeg',
          'audio/mp4',
          'application/octet-stream',
        ],
      },
    },
  }).mutation(({ ctx, input, signal }) => voice.transcribeAnswer(ctx.services, ctx.actor, input, signal)),

  /** The current question read aloud by the server's voice (made once per question, then cached). */
  speech: authedProcedure({
    input: z.strictObject({ session_id: idSchema }),
    output: questionSpeechSchema,
    rest: {
      method: 'GET',
      path: '/sessions/:session_id/speech',
      status: 200,
      tag,
      object,
      summary:
        'The current question read aloud by the server’s voice (base64 audio; made once per question, so a replay costs nothing); 409 when the server has no voice',
    },
  }).query(({ ctx, input }) => voice.speakQuestion(ctx.services, ctx.actor, input.session_id)),

  /** The caller's voice preferences: keep my recordings, type or speak, read questions aloud. */
  preferences: authedProcedure({
    input: z.void(),
    output: voicePreferencesSchema,
    rest: {
      method: 'GET',
      path: '/voice/preferences',
      status: 200,
      tag,
      summary:
        'Your voice preferences: keep my recordings (off by default: audio is transcribed, then dropped), type or speak, read questions aloud',
    },
  }).query(({ ctx }) => voice.getPreferences(ctx.services.db, ctx.actor)),

  setPreferences: authedProcedure({
    input: setVoicePreferencesInput,
    output: voicePreferencesSchema,
    rest: {
      method: 'PUT',
      path: '/voice/preferences',
      status: 200,
      tag,
      summary:
        'Set your voice preferences (keep my recordings, type or speak, read questions aloud); fields left out keep their value',
    },
  }).mutation(({ ctx, input }) => voice.setPreferences(ctx.services.db, ctx.actor, input)),

  /** Which answers of a session have a kept recording. */
  recordings: authedProcedure({
    input: z.strictObject({ session_id: idSchema }),
    output: z.array(recordingInfoSchema),
    rest: {
      method: 'GET',
      path: '/sessions/:session_id/recordings',
      status: 200,
      tag,
      object,
      summary: 'Which answers of the session have a kept recording',
    },
  }).query(({ ctx, input }) => voice.listRecordings(ctx.services.db, ctx.actor, input.session_id)),

  /** The kept recording of one answer. */
  recording: authedProcedure({
    input: z.strictObject({ feedback_id: idSchema }),
    output: recordingSchema,
    rest: {
      method: 'GET',
      path: '/feedbacks/:feedback_id/recording',
      status: 200,
      tag,
      object,
      summary: 'The kept recording of one answer, base64-encoded (404 when none was kept)',
    },
  }).query(({ ctx, input }) => voice.getRecording(ctx.services.db, ctx.actor, input.feedback_id)),
});
