import type { ReportItem } from './markdown.ts';

export interface SkillScore {
  skill: string;
  /** mean of the graded answers on this skill, out of 10, one decimal */
  average: number;
  answers: number;
}

/** Per skill, the mean score of its graded answers, weakest first (ties: fewer answers first, then by name). */
export function skillScores(items: readonly ReportItem[]): SkillScore[] {
  const by = new Map<string, number[]>();
  for (const it of items) {
    const skill = it.question?.skill;
    const f = it.feedback;
    if (!skill || f?.grading_status !== 'graded' || f.score === null) continue;
    by.set(skill, [...(by.get(skill) ?? []), f.score]);
  }
  return [...by.entries()]
    .map(([skill, scores]) => ({
      skill,
      average: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10,
      answers: scores.length,
    }))
    .sort((a, b) => a.average - b.average || a.answers - b.answers || a.skill.localeCompare(b.skill));
}

/** The setup page for a job with these skills chosen (repeated ?skill= parameters). */
export function practiseUrl(jobId: string, skills: readonly string[] = []): string {
  const q = new URLSearchParams(skills.map((s) => ['skill', s]));
  const query = q.toString();
  return `/jobs/${jobId}/practise${query ? `?${query}` : ''}`;
}

/** A countdown as m:ss. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
