import type { SessionRow } from '../db/types.ts';
import { type InterviewerProvider, type JobContext, publicReason } from '../engine/index.ts';
import { DomainError } from '../errors.ts';
import { countAiUsageSince, recordAiUsage } from '../queries/feedback.ts';
import type { ServiceContext } from './context.ts';

/** The words parseLevel reads as each chosen difficulty. */
const DIFFICULTY_TEXT = { junior: 'junior', mid: 'mid-level', senior: 'senior' } as const;

export const jobContextOf = (s: SessionRow): JobContext => ({
  title: s.job_title,
  description: s.job_description,
  skills: s.job_skills,
  // A difficulty the candidate chose wins over what the job's experience text implies.
  experience: s.difficulty ? DIFFICULTY_TEXT[s.difficulty] : s.job_experience,
});

/** The offline rubric costs nothing; only real model calls count against the hourly quota. */
const isMetered = (p: InterviewerProvider) => !p.evaluator.startsWith('offline:');

/** Refuses (429, the model not called) when the user has used their hourly model calls. */
export async function checkModelQuota(ctx: ServiceContext, userId: string): Promise<void> {
  if (!isMetered(ctx.interviewer.provider)) return;
  await checkHourlyQuota(ctx, userId);
}

/** The hourly quota itself, for calls that always cost (transcriptions share it with the model's). */
export async function checkHourlyQuota(ctx: ServiceContext, userId: string): Promise<void> {
  const { limits } = ctx.interviewer;
  if (limits.hourlyModelCalls <= 0) return;
  const used = await countAiUsageSince(ctx.db, userId, new Date(Date.now() - 3_600_000));
  if (used >= limits.hourlyModelCalls) {
    throw new DomainError(
      'RATE_LIMITED',
      `You have used your ${limits.hourlyModelCalls} interviewer calls for this hour; try again later`,
    );
  }
}

/**
 * Runs one engine call with the configured provider, falling back to the offline one if
 * configured. Returns which evaluator produced the result, or throws the provider's error.
 */
export async function callInterviewer<T>(
  ctx: ServiceContext,
  userId: string,
  kind: 'plan' | 'grade' | 'summary' | 'model_answer',
  call: (p: InterviewerProvider) => Promise<T>,
): Promise<{ result: T; evaluator: string; primaryError: string | null }> {
  const { provider, fallback } = ctx.interviewer;
  if (isMetered(provider)) await recordAiUsage(ctx.db, userId, kind);
  try {
    return { result: withoutNul(await call(provider)), evaluator: provider.evaluator, primaryError: null };
  } catch (e) {
    if (!fallback) throw e;
    // read by the candidate (grading_error): what failed, not what the model server said
    const message = publicReason(e);
    return { result: withoutNul(await call(fallback)), evaluator: fallback.evaluator, primaryError: message };
  }
}

/** A model's text may hold NUL bytes, which PostgreSQL refuses: strip them rather than fail the user. */
function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '') as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  }
  return value;
}
