/**
 * The session's overall score. Pure and explainable: the same items always give the same number,
 * and the rule fits in one sentence a candidate can check by hand.
 *
 * Rule: every planned question is worth the same. A planned question's score is its own answer's
 * score (0–10), or, when a follow-up was asked, 70% its answer + 30% the follow-up's answer.
 * A planned question with no graded answer counts as 0, and so does an asked follow-up with no
 * graded answer, so ending a session early never inflates the result. The overall score is
 * round(mean × 10), clamped to 0–100.
 */

/** Share of a planned question's score taken by its main answer when a follow-up was asked. */
export const MAIN_ANSWER_WEIGHT = 0.7;
/** Share taken by the follow-up's answer. */
export const FOLLOW_UP_WEIGHT = 0.3;

export interface ScoredItem {
  /** index (0-based) of the planned question this answer belongs to */
  plan_index: number;
  is_follow_up: boolean;
  /** 0–10, or null when unanswered or not (yet) graded */
  score: number | null;
}

/**
 * Rounds and clamps into [min, max]. NaN and -Infinity → min, +Infinity → max, 7.6 → 8.
 * Used for every score that crosses a boundary (model output, stored values, totals).
 */
export function clampScore(n: number, min: number, max: number): number {
  if (Number.isNaN(n)) return min;
  if (n === Number.POSITIVE_INFINITY) return max;
  if (n === Number.NEGATIVE_INFINITY) return min;
  return Math.min(max, Math.max(min, Math.round(n)));
}

/** A 0–10 answer score, or 0 when missing/invalid; not rounded, so blends stay exact. */
function answerPoints(score: number | null | undefined): number {
  if (score === null || score === undefined || !Number.isFinite(score)) return 0;
  return Math.min(10, Math.max(0, score));
}

/**
 * If several answers exist for one slot (e.g. an answer was re-submitted), the last one in the
 * list counts; if several follow-ups exist, their mean counts.
 */
export function computeOverallScore(input: { planned_count: number; items: readonly ScoredItem[] }): number {
  const planned = Number.isFinite(input.planned_count) ? Math.max(0, Math.floor(input.planned_count)) : 0;
  if (planned === 0) return 0;

  const main = new Map<number, number | null>();
  const followUps = new Map<number, number[]>();
  for (const item of input.items) {
    const i = item.plan_index;
    if (!Number.isInteger(i) || i < 0 || i >= planned) continue; // not part of this plan
    if (item.is_follow_up) {
      const list = followUps.get(i) ?? [];
      list.push(answerPoints(item.score));
      followUps.set(i, list);
    } else {
      main.set(i, item.score);
    }
  }

  let total = 0;
  for (let i = 0; i < planned; i++) {
    const own = answerPoints(main.get(i));
    const fu = followUps.get(i);
    if (fu && fu.length > 0) {
      const fuMean = fu.reduce((a, b) => a + b, 0) / fu.length;
      total += MAIN_ANSWER_WEIGHT * own + FOLLOW_UP_WEIGHT * fuMean;
    } else {
      total += own;
    }
  }
  // Snap away float noise (0.7 × 3 = 2.0999…) so a true .5 always rounds up, on every machine.
  const value = Math.round((total / planned) * 10 * 1e6) / 1e6;
  return clampScore(value, 0, 100);
}
