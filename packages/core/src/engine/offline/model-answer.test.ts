import { describe, expect, it } from 'vitest';
import type { JobContext } from '../types.ts';
import { modelAnswerOffline } from './model-answer.ts';
import { planOffline } from './plan.ts';

const job: JobContext = {
  title: 'Backend Engineer',
  description: 'Build REST services.',
  skills: 'PostgreSQL, communication',
  experience: '3 years',
};

describe('offline model answer', () => {
  it('uses the talking points of a bank question, recovered from its text, and builds an outline from them', () => {
    const [planned] = planOffline({ job, count: 1, focus: 'technical', seed: 's' });
    const answer = modelAnswerOffline({
      question: { text: planned!.text, category: 'technical', skill: planned!.skill, is_follow_up: false },
    });
    expect(answer.talking_points).toEqual(planned!.talking_points);
    expect(answer.example).toContain(answer.talking_points[0]!);
    // an outline of what to say, never a first-person story passed off as someone's answer
    expect(answer.example).not.toMatch(/\bI (?:did|led|built|was)\b/);
  });

  it('prefers the planner’s points when given, and falls back to its category’s for a follow-up', () => {
    const q = {
      text: 'Why that index?',
      category: 'behavioural' as const,
      skill: 'PostgreSQL',
      is_follow_up: true,
    };
    expect(modelAnswerOffline({ question: q, talking_points: ['a', 'b'] }).talking_points).toEqual([
      'a',
      'b',
    ]);
    const generic = modelAnswerOffline({ question: q });
    expect(generic.talking_points[1]).toBe('what you did yourself, not the team');
    expect(generic.example).toMatch(/^Pick one real story/);
  });
});
