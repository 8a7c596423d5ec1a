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

const bySession = z.strictObject({ session_id: idSchema });
const byFeedback = z.strictObject({ feedback_id: idSchema });

export const voiceRouter = router({
  /** Who transcribes here (the server, or the browser) and the bounds of a recording. */
  status: publicProcedure
    .input(z.void())
    .output(voiceStatusSchema)
    .query(({ ctx }) => voice.voiceStatus(ctx.services)),

  /** One recording for the current question → its transcript (for correction) and delivery figures. */
  transcribe: authedProcedure
    .input(transcribeInput)
    .output(transcriptionSchema)
    .mutation(({ ctx, input, signal }) => voice.transcribeAnswer(ctx.services, ctx.actor, input, signal)),

  /** The current question read aloud by the server's voice (made once per question, then cached). */
  speech: authedProcedure
    .input(bySession)
    .output(questionSpeechSchema)
    .query(({ ctx, input }) => voice.speakQuestion(ctx.services, ctx.actor, input.session_id)),

  /** The caller's voice preferences: keep my recordings, type or speak, read questions aloud. */
  preferences: authedProcedure
    .input(z.void())
    .output(voicePreferencesSchema)
    .query(({ ctx }) => voice.getPreferences(ctx.services.db, ctx.actor)),

  setPreferences: authedProcedure
    .input(setVoicePreferencesInput)
    .output(voicePreferencesSchema)
    .mutation(({ ctx, input }) => voice.setPreferences(ctx.services.db, ctx.actor, input)),

  /** Which answers of a session have a kept recording. */
  recordings: authedProcedure
    .input(bySession)
    .output(z.array(recordingInfoSchema))
    .query(({ ctx, input }) => voice.listRecordings(ctx.services.db, ctx.actor, input.session_id)),

  /** The kept recording of one answer. */
  recording: authedProcedure
    .input(byFeedback)
    .output(recordingSchema)
    .query(({ ctx, input }) => voice.getRecording(ctx.services.db, ctx.actor, input.feedback_id)),
});
