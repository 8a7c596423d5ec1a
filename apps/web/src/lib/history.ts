import type { RouterOutputs, SessionSummary } from '../trpc.ts';

export type SessionStats = RouterOutputs['sessions']['stats']['sessions'][number];

export interface ScorePoint {
  id: string;
  /** ms since epoch: the x axis */
  at: number;
  /** the axis label: the day, and the time of day when another point falls on the same day */
  label: string;
  score: number;
  title: string;
  /** which job: the catalogue job's id, or the title for a job that is gone */
  job: string;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayKey = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
};

/** Completed, scored sessions in the order they ended. */
export function scoresOverTime(sessions: readonly SessionSummary[]): ScorePoint[] {
  const points = sessions
    .filter((s) => s.status === 'completed' && s.score !== null)
    .map((s) => ({
      id: s.id,
      at: new Date(s.ended_at ?? s.updated_at).getTime(),
      score: s.score ?? 0,
      title: s.job_title,
      job: s.job_description_id ?? `title:${s.job_title}`,
    }))
    .sort((a, b) => a.at - b.at);
  const perDay = new Map<string, number>();
  for (const p of points) perDay.set(dayKey(p.at), (perDay.get(dayKey(p.at)) ?? 0) + 1);
  // "Nov 28, Nov 28, Nov 28" told nothing apart: same-day points carry their time of day
  return points.map((p) => ({
    ...p,
    label:
      (perDay.get(dayKey(p.at)) ?? 0) > 1
        ? `${dayFormat.format(p.at)}, ${timeFormat.format(p.at)}`
        : dayFormat.format(p.at),
  }));
}

export interface SkillAverage {
  skill: string;
  /** average feedback score, 0–10, one decimal */
  average: number;
  answers: number;
}

/**
 * Average graded score per skill a question targeted, over the sessions' figures (sessions.stats).
 * Skills are grouped case-insensitively and keep their first spelling. The weakest come first,
 * so a cap of `max` drops the strongest, never the skill that most needs practice.
 */
export function averageBySkill(sessions: readonly Pick<SessionStats, 'skills'>[], max = 8): SkillAverage[] {
  const acc = new Map<string, { skill: string; sum: number; n: number }>();
  for (const s of sessions) {
    for (const k of s.skills) {
      const skill = k.skill.trim();
      if (!skill || k.answers <= 0) continue;
      const key = skill.toLowerCase();
      const entry = acc.get(key) ?? { skill, sum: 0, n: 0 };
      entry.sum += k.total;
      entry.n += k.answers;
      acc.set(key, entry);
    }
  }
  return [...acc.values()]
    .map((e) => ({ skill: e.skill, average: Math.round((e.sum / e.n) * 10) / 10, answers: e.n }))
    .sort((a, b) => a.average - b.average || b.answers - a.answers || a.skill.localeCompare(b.skill))
    .slice(0, max);
}

export interface HistoryStats {
  completed: number;
  average: number | null;
  best: number | null;
  /**
   * The last interview's score minus the previous one's FOR THE SAME JOB (like with like);
   * null when the last job was interviewed once only.
   */
  trend: number | null;
  /** the job the trend is about */
  trendJob: string | null;
  /** the last two interviews overall were for different jobs (so a plain difference would mix them) */
  mixesJobs: boolean;
}

/** Headline numbers: completed count, average and best score, change since the last interview for the same job. */
export function historyStats(points: readonly ScorePoint[]): HistoryStats {
  if (points.length === 0)
    return { completed: 0, average: null, best: null, trend: null, trendJob: null, mixesJobs: false };
  const scores = points.map((p) => p.score);
  const last = points.at(-1)!;
  const previousSameJob = points.slice(0, -1).findLast((p) => p.job === last.job);
  const previous = points.at(-2);
  return {
    completed: points.length,
    average: Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
    best: Math.max(...scores),
    trend: previousSameJob ? last.score - previousSameJob.score : null,
    trendJob: last.title,
    mixesJobs: previous !== undefined && previous.job !== last.job,
  };
}

export interface PracticeTarget {
  skill: string;
  average: number;
  /** the most recent interviewed catalogue or own job that asked about this skill */
  jobId: string;
  jobTitle: string;
}

/**
 * "Practise this skill" from the history: the weakest skills (below `below`, at most `max`), each
 * with the most recent job that asked about it and still exists, so the setup page can offer it.
 * A skill whose jobs are all gone has nothing to practise against and is left out.
 */
export function practiceTargets(
  sessions: readonly Pick<SessionStats, 'skills' | 'job_description_id' | 'job_title'>[],
  weakest: readonly SkillAverage[],
  { max = 3, below = 7 } = {},
): PracticeTarget[] {
  const out: PracticeTarget[] = [];
  for (const s of weakest) {
    if (out.length >= max || s.average >= below) break;
    const key = s.skill.toLowerCase();
    // sessions.stats lists the newest first
    const job = sessions.find(
      (x) => x.job_description_id && x.skills.some((k) => k.skill.trim().toLowerCase() === key),
    );
    if (job?.job_description_id)
      out.push({
        skill: s.skill,
        average: s.average,
        jobId: job.job_description_id,
        jobTitle: job.job_title,
      });
  }
  return out;
}
