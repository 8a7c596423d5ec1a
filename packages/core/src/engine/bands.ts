/**
 * The score bands: the one place that turns a score into words. The room, the report, the
 * history, the offline feedback and the session summary all read their labels from here, so a
 * 4/10 can never be called "Solid start" in one place and "A thin answer" in another.
 *
 * No imports on purpose: the SPA bundles this file (`@ai-interviewer/core/bands`) without the
 * rest of core.
 */

export type BandKey = 'excellent' | 'strong' | 'solid' | 'thin' | 'weak';
/** The colour of a band in the SPA. */
export type BandTone = 'good' | 'ok' | 'low';

export interface ScoreBand {
  key: BandKey;
  /** the lowest score of the band on the 0–10 scale (0–100 scales it by ten) */
  min: number;
  /** the heading of one answer's grade: "Strong answer" */
  answer: string;
  /** the same band for an interview's overall score: "Strong interview" */
  interview: string;
  /** the opening of an answer's written feedback: "A thin answer (4/10)." */
  verdict: string;
  /** how the summary describes an interview in this band: "Overall 74/100: …" */
  outlook: string;
  /** one word for an average, e.g. in a note per skill: "strong" */
  adjective: string;
  tone: BandTone;
}

/** Highest first; the first band whose `min` the score reaches is its band. */
export const SCORE_BANDS: readonly ScoreBand[] = [
  {
    key: 'excellent',
    min: 9,
    answer: 'Excellent answer',
    interview: 'Excellent interview',
    verdict: 'Excellent answer',
    outlook: 'interview-ready on this evidence',
    adjective: 'excellent',
    tone: 'good',
  },
  {
    key: 'strong',
    min: 7,
    answer: 'Strong answer',
    interview: 'Strong interview',
    verdict: 'Strong answer',
    outlook: 'strong, with a few gaps to close',
    adjective: 'strong',
    tone: 'good',
  },
  {
    key: 'solid',
    min: 5,
    answer: 'Solid start',
    interview: 'Good progress',
    verdict: 'A reasonable answer that needs more substance',
    outlook: 'a solid base, with clear gaps to close',
    adjective: 'solid',
    tone: 'ok',
  },
  {
    key: 'thin',
    min: 3,
    answer: 'Thin answer',
    interview: 'Needs more practice',
    verdict: 'A thin answer',
    outlook: 'mixed: some useful answers, but more practice needed',
    adjective: 'thin',
    tone: 'low',
  },
  {
    key: 'weak',
    min: 0,
    answer: 'Needs work',
    interview: 'Early days',
    // not "thin": a long answer lands here too when it answers something else or only lists words
    verdict: 'An answer that needs work',
    outlook: 'at an early stage: keep practising',
    adjective: 'weak',
    tone: 'low',
  },
];

/**
 * The band of a score out of `max` (10 for an answer, 100 for an interview). Averages may be
 * fractional (6.5 is "solid"); out-of-range scores take the nearest band.
 */
export function scoreBand(score: number, max: 10 | 100 = 10): ScoreBand {
  // On the 0–10 scale, so the bands' integer bounds are compared without float noise.
  const tenths = max === 10 ? score : score / 10;
  return SCORE_BANDS.find((b) => tenths >= b.min) ?? SCORE_BANDS[SCORE_BANDS.length - 1]!;
}

/** "Strong answer" for 8/10, "Strong interview" for 74/100. */
export function scoreLabel(score: number, max: 10 | 100 = 10): string {
  const band = scoreBand(score, max);
  return max === 10 ? band.answer : band.interview;
}
