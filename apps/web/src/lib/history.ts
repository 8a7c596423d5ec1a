import type { Feedback, Question, SessionSummary } from '../trpc.ts';

export interface ScorePoint {
  id: string;
  /** ms since epoch: the x axis */
  at: number;
  label: string;
  score: number;
  title: string;
}

/** Completed, scored sessions in the order they ended. */
export function scoresOverTime(sessions: readonly SessionSummary[]): ScorePoint[] {
  const fmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
  return sessions
    .filter((s) => s.status === 'completed' && s.score !== null)
    .map((s) => {
      const at = new Date(s.ended_at ?? s.updated_at).getTime();
      return { id: s.id, at, label: fmt.format(at), score: s.score ?? 0, title: s.job_title };
    })
    .sort((a, b) => a.at - b.at);
}

export interface SkillAverage {
  skill: string;
  /** average feedback score, 0–10, one decimal */
  average: number;
  answers: number;
}

/**
 * Average graded score per skill a question targeted, over the given sessions. Skills are
 * grouped case-insensitively and keep their first spelling; the most practised come first.
 */
export function averageBySkill(
  sessions: readonly {
    questions: readonly Pick<Question, 'id' | 'skill'>[];
    feedbacks: readonly Feedback[];
  }[],
  max = 8,
): SkillAverage[] {
  const acc = new Map<string, { skill: string; sum: number; n: number }>();
  for (const s of sessions) {
    const skillOf = new Map(s.questions.map((q) => [q.id, q.skill]));
    for (const f of s.feedbacks) {
      if (f.score === null || f.grading_status !== 'graded' || !f.question_id) continue;
      const skill = skillOf.get(f.question_id)?.trim();
      if (!skill) continue;
      const key = skill.toLowerCase();
      const entry = acc.get(key) ?? { skill, sum: 0, n: 0 };
      entry.sum += f.score;
      entry.n += 1;
      acc.set(key, entry);
    }
  }
  return [...acc.values()]
    .map((e) => ({ skill: e.skill, average: Math.round((e.sum / e.n) * 10) / 10, answers: e.n }))
    .sort((a, b) => b.answers - a.answers || b.average - a.average || a.skill.localeCompare(b.skill))
    .slice(0, max);
}

export interface HistoryStats {
  completed: number;
  average: number | null;
  best: number | null;
  trend: number | null;
}

/** Headline numbers: completed count, average and best score, change between the last two. */
export function historyStats(points: readonly ScorePoint[]): HistoryStats {
  if (points.length === 0) return { completed: 0, average: null, best: null, trend: null };
  const scores = points.map((p) => p.score);
  const last = scores.at(-1)!;
  const prev = scores.at(-2);
  return {
    completed: points.length,
    average: Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
    best: Math.max(...scores),
    trend: prev === undefined ? null : last - prev,
  };
}
