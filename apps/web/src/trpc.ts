import type { AppRouter } from '@ai-interviewer/api';
import { MAX_BATCH_CALLS } from '@ai-interviewer/core/limits';
import { httpBatchLink, httpBatchStreamLink, splitLink, TRPCClientError } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/** The typed hooks for every procedure of the server's router. */
export const trpc = createTRPCReact<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export type User = NonNullable<RouterOutputs['auth']['viewer']>;
export type VoicePreferences = RouterOutputs['voice']['preferences'];
export type QuestionSpeech = RouterOutputs['voice']['speech'];
export type Job = RouterOutputs['jobs']['get'];
export type SessionSummary = RouterOutputs['users']['sessions']['items'][number];
export type SessionDetail = RouterOutputs['sessions']['get'];
export type Question = SessionDetail['questions'][number];
export type Feedback = RouterOutputs['feedback']['get'];
export type Delivery = NonNullable<Feedback['delivery']>;
export type Transcription = RouterOutputs['voice']['transcribe'];
export type VoiceStatus = RouterOutputs['voice']['status'];
export type SubmitResult = RouterOutputs['feedback']['submit'];
export type SubmitAnswerInput = RouterInputs['feedback']['submitStream'];
export type Focus = RouterInputs['sessions']['create']['focus'];
export type Difficulty = NonNullable<RouterInputs['sessions']['create']['difficulty']>;
export type ModelAnswer = RouterOutputs['practice']['modelAnswer'];
export type AnswerAttempt = RouterOutputs['practice']['attempts']['attempts'][number];
export type SessionStatus = SessionSummary['status'];

export type AppClientError = TRPCClientError<AppRouter>;

export function isAppClientError(error: unknown): error is AppClientError {
  return error instanceof TRPCClientError;
}

export function createClient() {
  return trpc.createClient({
    links: [
      // Same origin: the HttpOnly session cookie rides along; POSTs carry the Origin header.
      // Streamed procedures send their headers before the body, so they cannot set cookies:
      // only they take the stream link; everything else (login included) stays on httpBatchLink.
      splitLink({
        condition: (op) => op.path === 'feedback.submitStream',
        // the server refuses a batch of more calls (400): split rather than send one
        true: httpBatchStreamLink({ url: '/trpc', maxItems: MAX_BATCH_CALLS }),
        false: httpBatchLink({ url: '/trpc', maxURLLength: 2000, maxItems: MAX_BATCH_CALLS }),
      }),
    ],
  });
}
