import { describe, expect, it } from 'vitest';
import { sessionSummary } from '../test/fixtures.ts';
import { averageBySkill, historyStats, practiceTargets, scoresOverTime } from './history.ts';

describe('scoresOverTime', () => {
  it('keeps completed, scored sessions in the order they ended', () => {
    const points = scoresOverTime([
      sessionSummary({ score: 80, ended_at: '2025-03-05T10:00:00Z', job_title: 'B' }),
      sessionSummary({ status: 'ongoing', score: null, ended_at: null }),
      sessionSummary({ status: 'cancelled', score: null }),
      sessionSummary({ score: 40, ended_at: '2025-03-01T10:00:00Z', job_title: 'A' }),
    ]);
    expect(points.map((p) => [p.title, p.score])).toEqual([
      ['A', 40],
      ['B', 80],
    ]);
  });

  it('labels sessions on the same day with their time of day, others with the day only', () => {
    const at = (h: number, d = 28) => new Date(2026, 10, d, h, 5).toISOString();
    const points = scoresOverTime([
      sessionSummary({ ended_at: at(9) }),
      sessionSummary({ ended_at: at(15) }),
      sessionSummary({ ended_at: at(10, 20) }),
    ]);
    const [lone, morning, afternoon] = points.map((p) => p.label);
    expect(new Set([morning, afternoon]).size).toBe(2);
    expect(morning).toMatch(/9|09/);
    expect(afternoon).toMatch(/15|3/);
    expect(lone).not.toMatch(/:/);
    expect(morning).toMatch(/:/);
  });
});

const stat = (...skills: [string, number, number][]) => ({
  skills: skills.map(([skill, answers, total]) => ({ skill, answers, total })),
});

describe('averageBySkill', () => {
  it('averages graded scores per skill across sessions, case-insensitively, weakest first', () => {
    const result = averageBySkill([stat(['React', 1, 6], ['SQL', 1, 4]), stat(['react', 1, 9])]);
    expect(result).toEqual([
      { skill: 'SQL', average: 4, answers: 1 },
      { skill: 'React', average: 7.5, answers: 2 },
    ]);
  });

  it('never drops the weakest skill when there are more than the cap', () => {
    const skills = Array.from(
      { length: 12 },
      (_, i) => [`S${i}`, 1, 10 - (i % 10)] as [string, number, number],
    );
    skills.push(['API design', 1, 0]);
    const result = averageBySkill([stat(...skills)], 8);
    expect(result).toHaveLength(8);
    expect(result[0]).toEqual({ skill: 'API design', average: 0, answers: 1 });
    expect(result.map((r) => r.average)).toEqual([...result.map((r) => r.average)].sort((a, b) => a - b));
    expect(Math.max(...result.map((r) => r.average))).toBeLessThan(10);
  });
});

describe('historyStats', () => {
  const day = (d: number) => `2025-03-0${d}T10:00:00Z`;
  it('compares the last interview with the previous one for the same job', () => {
    const pts = scoresOverTime([
      sessionSummary({ score: 40, ended_at: day(1), job_description_id: 'job-a', job_title: 'A' }),
      sessionSummary({ score: 70, ended_at: day(2), job_description_id: 'job-b', job_title: 'B' }),
      sessionSummary({ score: 61, ended_at: day(3), job_description_id: 'job-a', job_title: 'A' }),
    ]);
    // not 61 - 70 (a different job): 61 - 40
    expect(historyStats(pts)).toEqual({
      completed: 3,
      average: 57,
      best: 70,
      trend: 21,
      trendJob: 'A',
      mixesJobs: true,
    });
  });
  it('has no change for a job interviewed once', () => {
    const pts = scoresOverTime([
      sessionSummary({ score: 40, ended_at: day(1), job_description_id: 'job-a' }),
      sessionSummary({ score: 90, ended_at: day(2), job_description_id: 'job-b', job_title: 'B' }),
    ]);
    expect(historyStats(pts)).toMatchObject({ trend: null, trendJob: 'B', mixesJobs: true });
  });
  it('is empty without points', () => {
    expect(historyStats([])).toMatchObject({ completed: 0, average: null, best: null, trend: null });
  });
});

describe('practiceTargets', () => {
  const job = (id: string | null, title: string, ...skills: [string, number, number][]) => ({
    job_description_id: id,
    job_title: title,
    ...stat(...skills),
  });

  it('offers the weakest skills below the bar, each with the newest job that asked about it', () => {
    const sessions = [
      job('j-new', 'Newer job', ['sql', 1, 3]),
      job(null, 'Deleted job', ['Testing', 1, 2]),
      job('j-old', 'Older job', ['SQL', 1, 5], ['Testing', 1, 4], ['React', 1, 9]),
    ];
    const targets = practiceTargets(sessions, averageBySkill(sessions));
    expect(targets).toEqual([
      { skill: 'Testing', average: 3, jobId: 'j-old', jobTitle: 'Older job' },
      { skill: 'sql', average: 4, jobId: 'j-new', jobTitle: 'Newer job' },
    ]);
  });

  it('leaves out skills whose jobs are all gone, and caps the list', () => {
    const sessions = [
      job(null, 'Gone', ['A', 1, 1]),
      job('j', 'Here', ['B', 1, 2], ['C', 1, 3], ['D', 1, 4]),
    ];
    expect(practiceTargets(sessions, averageBySkill(sessions), { max: 2 }).map((t) => t.skill)).toEqual([
      'B',
      'C',
    ]);
  });
});
