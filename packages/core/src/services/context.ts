import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { InterviewerProvider } from '../engine/index.ts';
import type { GradingQueue } from '../queue/grading-queue.ts';
import type { Speaker } from '../voice/speaker.ts';
import type { SpeechCache } from '../voice/speech-cache.ts';
import type { Transcriber } from '../voice/transcriber.ts';

/** Limits that bound what one user can cost us in model calls. */
export interface InterviewLimits {
  /** Answers (including follow-ups) accepted per session. */
  maxAnswersPerSession: number;
  /** Model calls (plan, grade, summarise) per user per rolling hour; 0 = unlimited. */
  hourlyModelCalls: number;
  /** Sessions a candidate may create per rolling hour; unset or 0 = unlimited (admins always are). */
  sessionsPerHour?: number | undefined;
  /** Job descriptions a candidate may create per rolling hour; unset or 0 = unlimited. */
  jobsPerHour?: number | undefined;
}

export interface Interviewer {
  provider: InterviewerProvider;
  /** Grades with this (labelled as such) when the provider fails; null = leave it "failed" for a regrade. */
  fallback: InterviewerProvider | null;
  limits: InterviewLimits;
}

/**
 * Voice answers: who transcribes (null: the browser does, if it can) and the bounds of a
 * recording; who reads questions aloud (absent: the browser does) and the audio already made.
 */
export interface Voice {
  transcriber: Transcriber | null;
  speech?: { speaker: Speaker; cache: SpeechCache } | null;
  limits: { maxBytes: number; maxSeconds: number };
}

/** What every service needs: the database and the interviewer engine (and, optionally, voice). */
export interface ServiceContext {
  db: Kysely<Database>;
  interviewer: Interviewer;
  /**
   * Makes grading durable: each stored answer gets a job in the same transaction, which any
   * instance picks up if the storing one dies before grading. Absent (tests that do not look at
   * durability, and PGlite, which pg-boss cannot run on): grading is only done inline.
   */
  grading?: GradingQueue | undefined;
  voice?: Voice;
  /**
   * Told the whole of a model server's failure (its status, its own text) for the operator's log:
   * candidates only read what kind of failure it was (`publicReason`), since that text can carry a
   * masked API key, internal hosts or an echo of the prompt.
   */
  reportModelError?: (error: unknown, during: ModelCall) => void;
}

/** What the model was asked for when it failed. */
export type ModelCall = 'plan' | 'grade' | 'summary' | 'model_answer' | 'transcribe' | 'speech';
