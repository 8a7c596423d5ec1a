import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { InterviewerProvider } from '../engine/index.ts';

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

/** What every service needs: the database and the interviewer engine. */
export interface ServiceContext {
  db: Kysely<Database>;
  interviewer: Interviewer;
}

export const defaultLimits: InterviewLimits = { maxAnswersPerSession: 40, hourlyModelCalls: 120 };
