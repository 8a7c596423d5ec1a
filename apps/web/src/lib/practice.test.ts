import { describe, expect, it } from 'vitest';
import type { ReportItem } from './markdown.ts';
import { clock, practiseUrl, skillScores } from './practice.ts';

const item = (skill: string, score: number | null, status = 'graded'): ReportItem =>
  ({
    question: {
      id: `${skill}${score}`,
      plan_index: 1,
      is_follow_up: false,
      category: 'technical',
      skill,
      text: 'Q?',
    },
    feedback: score === undefined ? null : ({ grading_status: status, score } as ReportItem['feedback']),
  }) as ReportItem;

describe('practice helpers', () => {
  it('averages per skill, weakest first, leaving out ungraded answers', () => {
    const scores = skillScores([
      item('SQL', 8),
      item('API design', 2),
      item('SQL', 5),
      item('Testing', null, 'failed'),
    ]);
    expect(scores).toEqual([
      { skill: 'API design', average: 2, answers: 1 },
      { skill: 'SQL', average: 6.5, answers: 2 },
    ]);
  });

  it('builds the setup link with the chosen skills, and counts down as m:ss', () => {
    expect(practiseUrl('j1', ['API design', 'C#'])).toBe('/jobs/j1/practise?skill=API+design&skill=C%23');
    expect(practiseUrl('j1')).toBe('/jobs/j1/practise');
    expect(clock(90)).toBe('1:30');
    expect(clock(0.2)).toBe('0:01');
    expect(clock(-5)).toBe('0:00');
  });
});
