/**
 * The offline grader's rubric ("offline:rubric-v2"). A score out of 10 is the sum of named
 * components, each with capped credit so no single feature can be pushed to win:
 *
 *   relevance    up to 3  keeps to what the question asks: its own terms, or words WordNet relates
 *                         to them, per √(answer's content words)
 *   story        up to 4  a real situation, the candidate's own actions, links of cause and time
 *                         ("because", "which meant"), an outcome or a check, numbers that measure
 *                         something; for technical and situational questions reasons and steps too
 *   development  up to 2  what the answer adds beyond the question and job text (new content
 *                         words), at a length that can hold an example
 *   clarity      up to 1  plain statements; hedges and filler take it away (and more, down to −2)
 *
 * Story and development count only as far as the answer keeps to the question (a vivid story
 * about something else earns little for being vivid). Then caps, each a negative component with
 * its reason: nothing, "I don't know", or instructions to the grader anywhere in it → 0 (an
 * attempt to steer the grade forfeits it; the rest is still read and commented on); off the
 * question, a bare keyword list, the question or job text pasted back → 1; under 8 words, the same words repeated, or claims with nothing to measure them against
 * and no story to hold them → 2.
 */
import { clampScore } from '../scoring.ts';
import type { JobContext, QuestionCategory, QuestionContext, RubricComponent } from '../types.ts';
import { scanForInjection } from './injection.ts';
import {
  ANOTHER_QUESTION_CAP,
  MEANING_OPTIONS,
  type MeaningSignals,
  measureMeaning,
  relevanceWithMeaning,
} from './meaning/index.ts';
import { type AnswerSignals, measureAnswer } from './signals.ts';

/** The rubric's numbers, in one place; chosen on the dev split (never the test split). */
export interface Tuning {
  weights: { relevance: number; story: number; development: number; clarity: number };
  /** `focus` (question terms per √content word) below which the question part of relevance is 0 (one incidental word in a long answer) and at which it is full */
  focusFloor: number;
  fullFocus: number;
  /** share of the job's vocabulary at which the job part of relevance is full */
  fullJobShare: number;
  /** how much of relevance is the question's terms (the rest is the job's vocabulary) */
  questionPart: number;
  /** story and development count from this share up, in full from `gateFull` relevance */
  gateFloor: number;
  gateFull: number;
  /** off the question: relevance below this and the job's vocabulary below `offTopicJobBelow` */
  offTopicBelow: number;
  offTopicJobBelow: number;
  /** words a story needs to be told: below this the story counts in proportion */
  storyRoom: number;
}

export const TUNING: Tuning = {
  weights: { relevance: 3, story: 4, development: 2, clarity: 1 },
  focusFloor: 0,
  fullFocus: 0.3,
  fullJobShare: 0.5,
  questionPart: 0.8,
  gateFloor: 0.15,
  gateFull: 0.7,
  offTopicBelow: 0.12,
  offTopicJobBelow: 0.15,
  storyRoom: 80,
};
export const WEIGHTS = TUNING.weights;
export const ATTEMPT_FLOOR = 1;
export const MAX_HEDGE_PENALTY = 1;

export type CapReason =
  | 'empty'
  | 'declined'
  | 'instructions_only'
  | 'off_topic'
  | 'keyword_list'
  | 'copied'
  | 'instructions'
  | 'too_short'
  | 'repetitive'
  | 'unsupported_claims';

const CAPS: Record<CapReason, { cap: number; label: string }> = {
  empty: { cap: 0, label: 'No answer' },
  declined: { cap: 0, label: 'No attempt' },
  instructions_only: { cap: 0, label: 'Only instructions to the grader' },
  off_topic: { cap: 1, label: 'Does not answer this question' },
  keyword_list: { cap: 1, label: 'A list of keywords, not an answer' },
  copied: { cap: 1, label: 'Repeats the question or the job text' },
  instructions: { cap: 0, label: 'Tries to instruct the grader' },
  too_short: { cap: 2, label: 'Too short to show anything' },
  repetitive: { cap: 2, label: 'The same words repeated' },
  unsupported_claims: { cap: 2, label: 'Claims with nothing behind them' },
};

export type LengthBand = 'empty' | 'too_short' | 'short' | 'adequate' | 'long' | 'rambling';

export interface RubricResult {
  score: number;
  /** components whose points add up to the score (caps and penalties negative) */
  components: RubricComponent[];
  caps: { cap: number; reason: CapReason }[];
  lengthBand: LengthBand;
  signals: AnswerSignals;
  /** the text graded (the answer without sentences addressed to the grader): what feedback quotes */
  text: string;
  injection: { detected: boolean; only: boolean; quote: string | null };
  /** 0–1 */
  relevance: number;
  /** how far story and development count (0–1) */
  gate: number;
  /** the answer's fit to its question in word vectors, and to the session's other questions */
  meaning: MeaningSignals;
}

export function gradeAnswer(
  job: JobContext,
  question: QuestionContext,
  answer: string,
  t: Tuning = TUNING,
  otherQuestions?: readonly string[],
): RubricResult {
  const W = t.weights;
  const trimmed = answer.trim();
  const injection = scanForInjection(trimmed);
  // Sentences addressed to the grader are not part of the answer: grade what is left.
  const graded = injection.detected ? injection.cleaned : trimmed;
  const s = measureAnswer(job, question, graded);
  const injectionOnly = injection.detected && s.words < 8;

  // Meaning beyond shared words (meaning/): the answer's fit to its question in word vectors, and
  // whether another of the session's questions fits it clearly better.
  const meaning = measureMeaning(question, graded, otherQuestions);
  const relevance = relevanceWithMeaning(relevanceValue(s, t), meaning);
  const gate = t.gateFloor + (1 - t.gateFloor) * Math.min(1, relevance / t.gateFull);
  const story = storyValue(question.category, s);
  const development = developmentValue(s);
  const lengthBand = bandFor(s.words);
  const hedge = Math.min(
    MAX_HEDGE_PENALTY + W.clarity,
    (0.35 * s.hedges.weight * 100) / Math.max(s.words, 30),
  );

  const components: RubricComponent[] = [
    {
      key: 'relevance',
      label: 'Answers the question asked',
      points: W.relevance * relevance,
      max: W.relevance,
      note: '',
    },
    {
      key: 'story',
      label: 'A real example, told with cause and effect',
      points: W.story * story * gate * Math.min(1, s.words / t.storyRoom),
      max: W.story,
      note: '',
    },
    {
      key: 'development',
      label: 'Adds substance of its own',
      points: W.development * development * gate,
      max: W.development,
      note: '',
    },
    {
      key: 'clarity',
      label: 'Plain, confident statements',
      points: s.words === 0 ? 0 : W.clarity - hedge,
      max: W.clarity,
      note: '',
    },
  ];

  const caps: { cap: number; reason: CapReason }[] = [];
  const add = (reason: CapReason) => caps.push({ cap: CAPS[reason].cap, reason });
  if (trimmed.length === 0 || !/[\p{L}\p{N}]/u.test(trimmed)) add('empty');
  else if (injectionOnly) add('instructions_only');
  else if (s.declined) add('declined');
  else {
    if (relevance < t.offTopicBelow && s.relevance.job.share < t.offTopicJobBelow)
      // A developed story about something else is further from an answer than a thin attempt.
      caps.push({ cap: s.newContent >= 25 ? 0 : CAPS.off_topic.cap, reason: 'off_topic' });
    // Fits another of the session's questions better: less certain than no shared words at all,
    // so capped below a fair answer rather than at 1 (meaning/index.ts).
    else if (meaning.betterFit && MEANING_OPTIONS.rank)
      caps.push({ cap: ANOTHER_QUESTION_CAP, reason: 'off_topic' });
    if (s.functionWordRatio < 0.2 && s.words >= 5) add('keyword_list');
    if (s.copiedShare >= 0.5) add('copied');
    // Trying to steer the grade costs the grade: the rest is still read and commented on.
    if (injection.detected) add('instructions');
    if (s.words < 8) add('too_short');
    if (s.uniqueRatio < 0.35 && s.words >= 20) add('repetitive');
    // Stuffed prose: results claimed with nothing to compare them to, with no situation and
    // nothing tying one event to the next.
    if (s.story.links.length <= 1 && !s.story.situation && s.numbers.unmeasured.length >= 1)
      add('unsupported_claims');
  }
  const raw = components.reduce((sum, c) => sum + c.points, 0);
  const lowest = [...caps].sort((a, b) => a.cap - b.cap)[0];
  if (lowest && raw > lowest.cap)
    components.push({
      key: `cap:${lowest.reason}`,
      label: CAPS[lowest.reason].label,
      points: lowest.cap - raw,
      max: 0,
      note: '',
    });
  // An attempt (8+ words, no cap) earns at least 1: 0 is for no answer, "I don't know", and
  // answers about something else or only to the grader.
  const floor = caps.length === 0 && s.words >= 8 ? ATTEMPT_FLOOR : 0;
  if (floor > 0 && raw < floor)
    components.push({ key: 'floor', label: 'An honest attempt', points: floor - raw, max: 0, note: '' });
  const capped = lowest ? Math.min(raw, lowest.cap) : Math.max(raw, floor);
  const score = clampScore(capped, 0, 10);
  // Rounding (and the 0–10 range) as a line of its own, so the points add up to the score exactly.
  if (Math.abs(score - capped) > 1e-9)
    components.push({
      key: 'rounding',
      label: 'Rounded to a whole score',
      points: score - capped,
      max: 0,
      note: '',
    });
  return {
    score,
    components,
    caps,
    lengthBand: trimmed.length === 0 ? 'empty' : lengthBand,
    signals: s,
    text: graded,
    injection: { detected: injection.detected, only: injectionOnly, quote: injection.quote },
    relevance,
    gate,
    meaning,
  };
}

/** How much the answer keeps to the question (0–1), with a little credit for the job's vocabulary. */
function relevanceValue(s: AnswerSignals, t: Tuning): number {
  const q = Math.min(1, Math.max(0, s.focus - t.focusFloor) / (t.fullFocus - t.focusFloor));
  const job = Math.min(1, s.relevance.job.share / t.fullJobShare);
  return t.questionPart * q + (1 - t.questionPart) * job;
}

/** A story with its parts, or (technical, situational) a method with its reasons; each part capped. */
function storyValue(category: QuestionCategory, s: AnswerSignals): number {
  const st = s.story;
  const own = Math.min(3, st.ownActions.length + 0.5 * st.teamActions.length) / 3;
  const links = Math.min(4, st.links.length) / 4;
  const numbers = Math.min(2, s.numbers.measured.length) / 2;
  const situation = st.situation ? 1 : 0;
  const outcome = st.result ? 1 : st.verification ? 0.6 : 0;
  const method = Math.max(st.sequence.length >= 2 ? 1 : st.sequence.length * 0.5, st.reasoning ? 0.7 : 0);
  switch (category) {
    case 'behavioural':
      return 0.25 * situation + 0.25 * own + 0.25 * links + 0.15 * outcome + 0.1 * numbers;
    case 'technical':
      return 0.15 * situation + 0.15 * own + 0.25 * links + 0.15 * method + 0.15 * outcome + 0.15 * numbers;
    case 'situational':
      return (
        0.1 * situation +
        0.2 * own +
        0.25 * links +
        0.2 * method +
        0.15 * outcome +
        0.1 * (st.clarify ? 1 : 0)
      );
  }
}

/** New content words (35 = full) at a length that can hold an example. */
function developmentValue(s: AnswerSignals): number {
  return 0.6 * Math.min(1, s.newContent / 35) + 0.4 * LENGTH_VALUE[bandFor(s.words)];
}

export const LENGTH_VALUE: Record<LengthBand, number> = {
  empty: 0,
  too_short: 0.05,
  short: 0.35,
  adequate: 1,
  long: 0.8,
  rambling: 0.5,
};

/** 40–260 words ≈ one to two minutes spoken: enough for an example, short enough to stay sharp. */
export function bandFor(words: number): LengthBand {
  if (words === 0) return 'empty';
  if (words < 15) return 'too_short';
  if (words < 40) return 'short';
  if (words <= 260) return 'adequate';
  if (words <= 400) return 'long';
  return 'rambling';
}
