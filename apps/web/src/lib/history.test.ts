import { describe, expect, it } from 'vitest';
import { feedback, question, sessionSummary } from '../test/fixtures.ts';
import { averageBySkill, historyStats, scoresOverTime } from './history.ts';

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
});

describe('averageBySkill', () => {
  it('averages graded scores per targeted skill, case-insensitively', () => {
    const q1 = question({ skill: 'React' });
    const q2 = question({ skill: 'react' });
    const q3 = question({ skill: 'SQL' });
    const q4 = question({ skill: 'Go' });
    const result = averageBySkill([
      {
        questions: [q1, q2, q3, q4],
        feedbacks: [
          feedback({ question_id: q1.id, score: 6 }),
          feedback({ question_id: q2.id, score: 9 }),
          feedback({ question_id: q3.id, score: 4 }),
          feedback({ question_id: q4.id, score: null, grading_status: 'failed' }),
        ],
      },
    ]);
    expect(result).toEqual([
      { skill: 'React', average: 7.5, answers: 2 },
      { skill: 'SQL', average: 4, answers: 1 },
    ]);
  });
  it('caps the number of skills', () => {
    const qs = Array.from({ length: 12 }, (_, i) => question({ skill: `S${i}` }));
    const fbs = qs.map((q) => feedback({ question_id: q.id, score: 5 }));
    expect(averageBySkill([{ questions: qs, feedbacks: fbs }], 8)).toHaveLength(8);
  });
});

describe('historyStats', () => {
  it('sums up the points', () => {
    const pts = scoresOverTime([
      sessionSummary({ score: 40, ended_at: '2025-03-01T10:00:00Z' }),
      sessionSummary({ score: 70, ended_at: '2025-03-02T10:00:00Z' }),
      sessionSummary({ score: 61, ended_at: '2025-03-03T10:00:00Z' }),
    ]);
    expect(historyStats(pts)).toEqual({ completed: 3, average: 57, best: 70, trend: -9 });
  });
  it('is empty without points', () => {
    expect(historyStats([])).toEqual({ completed: 0, average: null, best: null, trend: null });
  });
});
