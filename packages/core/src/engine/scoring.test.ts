import { describe, expect, it } from 'vitest';
import { clampScore, computeOverallScore } from './scoring.ts';

const item = (plan_index: number, score: number | null, is_follow_up = false) => ({
  plan_index,
  score,
  is_follow_up,
});

describe('clampScore', () => {
  it('rounds and clamps, and handles NaN and infinities', () => {
    expect(clampScore(7.4, 0, 10)).toBe(7);
    expect(clampScore(7.5, 0, 10)).toBe(8);
    expect(clampScore(999, 0, 10)).toBe(10);
    expect(clampScore(-3, 0, 10)).toBe(0);
    expect(clampScore(Number.NaN, 0, 10)).toBe(0);
    expect(clampScore(Number.POSITIVE_INFINITY, 0, 100)).toBe(100);
    expect(clampScore(Number.NEGATIVE_INFINITY, 0, 100)).toBe(0);
  });
});

describe('computeOverallScore', () => {
  it('is the mean of the planned questions × 10', () => {
    expect(computeOverallScore({ planned_count: 3, items: [item(0, 8), item(1, 6), item(2, 7)] })).toBe(70);
  });

  it('counts unanswered and ungraded planned questions as 0, so ending early does not inflate', () => {
    expect(computeOverallScore({ planned_count: 4, items: [item(0, 10), item(1, 10)] })).toBe(50);
    expect(computeOverallScore({ planned_count: 2, items: [item(0, 10), item(1, null)] })).toBe(50);
    expect(computeOverallScore({ planned_count: 5, items: [] })).toBe(0);
  });

  it('blends a follow-up 70/30 with its planned question', () => {
    // 0.7 × 4 + 0.3 × 9 = 5.5 → 55
    expect(computeOverallScore({ planned_count: 1, items: [item(0, 4), item(0, 9, true)] })).toBe(55);
    // an asked but unanswered follow-up counts as 0 in its 30%
    expect(computeOverallScore({ planned_count: 1, items: [item(0, 5), item(0, null, true)] })).toBe(35);
    // 0.7×3 + 0.3×4 = 3.3, and 7 → mean 5.15 → 51.5 → 52 (float noise does not flip the rounding)
    expect(computeOverallScore({ planned_count: 2, items: [item(0, 3), item(0, 4, true), item(1, 7)] })).toBe(
      52,
    );
  });

  it('clamps bad scores, ignores items outside the plan, and handles a bad planned count', () => {
    expect(computeOverallScore({ planned_count: 2, items: [item(0, 999), item(1, -5)] })).toBe(50);
    expect(computeOverallScore({ planned_count: 1, items: [item(0, Number.NaN)] })).toBe(0);
    expect(computeOverallScore({ planned_count: 1, items: [item(0, 6), item(3, 10), item(-1, 10)] })).toBe(
      60,
    );
    expect(computeOverallScore({ planned_count: 0, items: [item(0, 10)] })).toBe(0);
    expect(computeOverallScore({ planned_count: Number.NaN, items: [item(0, 10)] })).toBe(0);
    expect(computeOverallScore({ planned_count: 1, items: [item(0, 10)] })).toBe(100);
  });

  it('uses the last answer when a slot was answered twice, and is identical on rerun', () => {
    const input = { planned_count: 1, items: [item(0, 2), item(0, 8)] };
    expect(computeOverallScore(input)).toBe(80);
    expect(computeOverallScore(input)).toBe(computeOverallScore(input));
  });
});
