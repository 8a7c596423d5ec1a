import { transcribeInput, transcriptionSchema, voice, voiceStatusSchema } from '@ai-interviewer/core';
import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

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
});
