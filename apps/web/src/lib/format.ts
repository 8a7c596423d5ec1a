import type { Question, SessionDetail, SessionStatus } from '../trpc.ts';

export type Tone = 'good' | 'ok' | 'low' | 'none';

/** "7/10", or an en dash when there is no score yet. */
export function formatScore(score: number | null | undefined, max: 10 | 100 = 10): string {
  if (score === null || score === undefined || Number.isNaN(score)) return '–';
  const clamped = Math.max(0, Math.min(max, Math.round(score)));
  return `${clamped}/${max}`;
}

/** Colour band of a score: 70 % and up is good, 40 % and up is fair, below that needs work. */
export function scoreTone(score: number | null | undefined, max: 10 | 100 = 10): Tone {
  if (score === null || score === undefined) return 'none';
  const ratio = score / max;
  if (ratio >= 0.7) return 'good';
  if (ratio >= 0.4) return 'ok';
  return 'low';
}

export function scoreVerdict(score: number | null | undefined, max: 10 | 100 = 10): string {
  switch (scoreTone(score, max)) {
    case 'good':
      return max === 10 ? 'Strong answer' : 'Strong interview';
    case 'ok':
      return max === 10 ? 'Solid start' : 'Good progress';
    case 'low':
      return 'Needs work';
    default:
      return 'Not graded';
  }
}

/**
 * Where the candidate is: "Question 2 of 5", "Follow-up on question 2 of 5", "All 5 questions
 * answered" ("Question 1 of 1 answered" for a plan of one).
 */
export function progressText(
  progress: SessionDetail['progress'],
  current: Pick<Question, 'plan_index' | 'is_follow_up'> | null,
): string {
  const planned = progress.planned;
  if (current) {
    return current.is_follow_up
      ? `Follow-up on question ${current.plan_index} of ${planned}`
      : `Question ${current.plan_index} of ${planned}`;
  }
  if (progress.done) return planned === 1 ? 'Question 1 of 1 answered' : `All ${planned} questions answered`;
  return `${progress.answered} of ${planned} answered`;
}

/** Share of the plan answered, 0–100. */
export function progressPercent(progress: SessionDetail['progress']): number {
  if (progress.planned <= 0) return 0;
  return Math.round((Math.min(progress.answered, progress.planned) / progress.planned) * 100);
}

/**
 * Who graded an answer, in words a candidate understands: "offline:rubric-v1" is a checklist in
 * the app (relevance, structure, specifics), which the label says rather than name a rubric.
 */
export function evaluatorLabel(evaluator: string | null | undefined): string {
  if (!evaluator) return 'Not graded yet';
  if (evaluator === 'admin') return 'Graded by an admin';
  const [kind, ...rest] = evaluator.split(':');
  const detail = rest.join(':');
  if (kind === 'offline') return 'Scored by a built-in checklist, not an AI model';
  if (kind === 'fake') return 'Graded by a test model';
  return `Graded by ${detail || kind}`;
}

const statusLabels: Record<SessionStatus, string> = {
  pending: 'Not started',
  ongoing: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
export const statusLabel = (status: SessionStatus): string => statusLabels[status];

/** True for an interview ended before every planned question was answered. */
export const endedEarly = (status: SessionStatus, progress: SessionDetail['progress']): boolean =>
  status === 'completed' && progress.answered < progress.planned;

/** The status, and for one ended before the plan was done, how far it got: "Ended early · 2 of 5". */
export function sessionStatusLabel(status: SessionStatus, progress?: SessionDetail['progress']): string {
  if (progress && endedEarly(status, progress))
    return `Ended early · ${progress.answered} of ${progress.planned}`;
  return statusLabel(status);
}

export const titleCase = (s: string): string => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '–' : dateFormat.format(d);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '–' : dateTimeFormat.format(d);
}

/** "12 min" between two timestamps, or null. */
export function formatDuration(startIso: string | null, endIso: string | null): string | null {
  if (!startIso || !endIso) return null;
  const ms = new Date(endIso).getTime() - new Date(startIso).getTime();
  if (!Number.isFinite(ms) || ms < 0) return null;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
