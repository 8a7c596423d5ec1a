import { describe, expect, it } from 'vitest';
import {
  evaluatorLabel,
  formatDuration,
  formatScore,
  plural,
  progressPercent,
  progressText,
  scoreTone,
  scoreVerdict,
  sessionStatusLabel,
} from './format.ts';

describe('formatScore', () => {
  it('formats out of 10 or 100, rounding and clamping', () => {
    expect(formatScore(7)).toBe('7/10');
    expect(formatScore(7.6)).toBe('8/10');
    expect(formatScore(12)).toBe('10/10');
    expect(formatScore(-1)).toBe('0/10');
    expect(formatScore(64, 100)).toBe('64/100');
  });
  it('shows a dash without a score', () => {
    expect(formatScore(null)).toBe('–');
    expect(formatScore(undefined, 100)).toBe('–');
  });
});

describe('scoreTone and verdict', () => {
  it('bands scores at 70 % and 40 %', () => {
    expect(scoreTone(7)).toBe('good');
    expect(scoreTone(6)).toBe('ok');
    expect(scoreTone(4)).toBe('ok');
    expect(scoreTone(3)).toBe('low');
    expect(scoreTone(70, 100)).toBe('good');
    expect(scoreTone(39, 100)).toBe('low');
    expect(scoreTone(null)).toBe('none');
  });
  it('words the band', () => {
    expect(scoreVerdict(9)).toBe('Strong answer');
    expect(scoreVerdict(85, 100)).toBe('Strong interview');
    expect(scoreVerdict(2)).toBe('Needs work');
    expect(scoreVerdict(null)).toBe('Not graded');
  });
});

describe('progressText', () => {
  const progress = { answered: 1, planned: 5, done: false };
  it('names the current question', () => {
    expect(progressText(progress, { plan_index: 2, is_follow_up: false })).toBe('Question 2 of 5');
  });
  it('names a follow-up by its parent', () => {
    expect(progressText(progress, { plan_index: 1, is_follow_up: true })).toBe(
      'Follow-up on question 1 of 5',
    );
  });
  it('counts answers when no question is current', () => {
    expect(progressText(progress, null)).toBe('1 of 5 answered');
    expect(progressText({ answered: 5, planned: 5, done: true }, null)).toBe('All 5 questions answered');
    expect(progressText({ answered: 1, planned: 1, done: true }, null)).toBe('Question 1 of 1 answered');
  });
});

describe('progressPercent', () => {
  it('is the answered share of the plan, capped at 100', () => {
    expect(progressPercent({ answered: 2, planned: 5, done: false })).toBe(40);
    expect(progressPercent({ answered: 6, planned: 5, done: true })).toBe(100);
    expect(progressPercent({ answered: 0, planned: 0, done: false })).toBe(0);
  });
});

describe('sessionStatusLabel', () => {
  it('says an interview ended before the plan was done, and how far it got', () => {
    expect(sessionStatusLabel('completed', { answered: 2, planned: 5, done: false })).toBe(
      'Ended early · 2 of 5',
    );
    expect(sessionStatusLabel('completed', { answered: 5, planned: 5, done: true })).toBe('Completed');
    expect(sessionStatusLabel('ongoing', { answered: 2, planned: 5, done: false })).toBe('In progress');
    // a list row knows no progress: the bare status
    expect(sessionStatusLabel('completed')).toBe('Completed');
  });
});

describe('evaluatorLabel', () => {
  it('says who graded', () => {
    expect(evaluatorLabel('offline:rubric-v1')).toBe('Scored by a built-in checklist, not an AI model');
    expect(evaluatorLabel('openai:gpt-4o-mini')).toBe('Graded by gpt-4o-mini');
    expect(evaluatorLabel('admin')).toBe('Graded by an admin');
    expect(evaluatorLabel(null)).toBe('Not graded yet');
    expect(evaluatorLabel('anthropic:claude:v2')).toBe('Graded by claude:v2');
  });
});

describe('formatDuration and plural', () => {
  it('formats spans', () => {
    expect(formatDuration('2025-01-01T10:00:00Z', '2025-01-01T10:12:10Z')).toBe('12 min');
    expect(formatDuration('2025-01-01T10:00:00Z', '2025-01-01T10:00:10Z')).toBe('under a minute');
    expect(formatDuration('2025-01-01T10:00:00Z', '2025-01-01T11:05:00Z')).toBe('1 h 5 min');
    expect(formatDuration(null, '2025-01-01T11:05:00Z')).toBeNull();
  });
  it('pluralises', () => {
    expect(plural(1, 'job')).toBe('1 job');
    expect(plural(3, 'job')).toBe('3 jobs');
  });
});
