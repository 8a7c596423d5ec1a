/**
 * The offline grader's rubric ("offline:rubric-v1"). A score out of 10 is the sum of four named
 * components minus a filler penalty, then limited by a few caps:
 *
 *   relevance    up to 2    addresses the question's terms, names its skill, uses the job's vocabulary
 *   structure    up to 3    situation–task–action–result (behavioural); approach, reasoning, example and
 *                           verification (technical); clarify, act, reason, follow through (situational)
 *   specificity  up to 3.5  numbers, named tools/methods, first-person actions ("I built")
 *   length       up to 1.5  too short / short / adequate (40–260 words) / long / rambling
 *   filler       down to −2 hedges and filler per 100 words ("um", "I guess", "maybe", "kind of")
 *
 * Structure, specificity and length only count as far as the answer is relevant, and not at all
 * when it is off-topic (a precise story about the wrong thing earns nothing). An on-topic attempt
 * of 8+ words with no cap scores at least 1. Caps: empty or "I don't know" → 0; only instructions to the
 * grader → 1; off-topic (relevance < 0.2), under 8 words, or the same words repeated → 2;
 * instructions to the grader inside a real answer, or a bare keyword list → 3.
 */
import { clampScore } from '../scoring.ts';
import type { JobContext, QuestionCategory, QuestionContext } from '../types.ts';
import { scanForInjection } from './injection.ts';
import { type AnswerSignals, measureAnswer } from './signals.ts';

export const WEIGHTS = { relevance: 2, structure: 3, specificity: 3.5, length: 1.5 } as const;
export const MAX_FILLER_PENALTY = 2;
/** Below this relevance an answer is off-topic. */
export const OFF_TOPIC_BELOW = 0.2;
/** The least an on-topic attempt of 8+ words scores. */
export const ATTEMPT_FLOOR = 1;
/** Relevance at which the other components count in full. */
export const FULL_CREDIT_RELEVANCE = 0.4;

export type ComponentName = 'relevance' | 'structure' | 'specificity' | 'length' | 'filler';

export interface RubricComponent {
  name: ComponentName;
  /** 0–1 (for filler: the penalty in points, ≥ 0) */
  value: number;
  /** points contributed to the score (negative for filler) */
  points: number;
  max: number;
}

export type LengthBand = 'empty' | 'too_short' | 'short' | 'adequate' | 'long' | 'rambling';

export interface RubricResult {
  score: number;
  /** the score before caps, for transparency */
  rawPoints: number;
  components: RubricComponent[];
  /** caps that apply to this answer (the lowest one bounds the score), with the reason */
  caps: { cap: number; reason: CapReason }[];
  lengthBand: LengthBand;
  signals: AnswerSignals;
  injection: { detected: boolean; only: boolean; quote: string | null };
  relevance: number;
}

export type CapReason =
  | 'empty'
  | 'declined'
  | 'instructions_only'
  | 'off_topic'
  | 'too_short'
  | 'repetitive'
  | 'instructions'
  | 'keyword_list';

export function gradeAnswer(job: JobContext, question: QuestionContext, answer: string): RubricResult {
  const trimmed = answer.trim();
  const injection = scanForInjection(trimmed);
  // Sentences addressed to the grader are not part of the answer: grade what is left.
  const graded = injection.detected ? injection.cleaned : trimmed;
  const s = measureAnswer(job, question, graded);
  const injectionOnly = injection.detected && s.words < 8;

  const relevance = relevanceValue(s);
  // Structure, specificity and length count only as far as the answer is on topic, and not at
  // all when it is off-topic: a vivid story about the wrong thing earns nothing for being vivid.
  const gate = relevance < OFF_TOPIC_BELOW ? 0 : Math.min(1, relevance / FULL_CREDIT_RELEVANCE);
  const structure = structureValue(question.category, s);
  const specificity = specificityValue(question.category, s);
  const lengthBand = bandFor(s.words);
  const length = LENGTH_VALUE[lengthBand];
  const filler = Math.min(MAX_FILLER_PENALTY, (0.3 * s.hedges.weight * 100) / Math.max(s.words, 40));

  const components: RubricComponent[] = [
    { name: 'relevance', value: relevance, points: WEIGHTS.relevance * relevance, max: WEIGHTS.relevance },
    {
      name: 'structure',
      value: structure,
      points: WEIGHTS.structure * structure * gate,
      max: WEIGHTS.structure,
    },
    {
      name: 'specificity',
      value: specificity,
      points: WEIGHTS.specificity * specificity * gate,
      max: WEIGHTS.specificity,
    },
    { name: 'length', value: length, points: WEIGHTS.length * length * gate, max: WEIGHTS.length },
    { name: 'filler', value: filler, points: -filler, max: 0 },
  ];
  const rawPoints = components.reduce((sum, c) => sum + c.points, 0);

  const caps: { cap: number; reason: CapReason }[] = [];
  if (trimmed.length === 0 || !/[\p{L}\p{N}]/u.test(trimmed)) caps.push({ cap: 0, reason: 'empty' });
  else if (injectionOnly) caps.push({ cap: 1, reason: 'instructions_only' });
  else if (s.declined) caps.push({ cap: 0, reason: 'declined' });
  else {
    if (relevance < OFF_TOPIC_BELOW) caps.push({ cap: 2, reason: 'off_topic' });
    if (s.words < 8) caps.push({ cap: 2, reason: 'too_short' });
    if (s.uniqueRatio < 0.35 && s.words >= 20) caps.push({ cap: 2, reason: 'repetitive' });
    if (injection.detected) caps.push({ cap: 3, reason: 'instructions' });
    if (s.functionWordRatio < 0.2 && s.words >= 5) caps.push({ cap: 3, reason: 'keyword_list' });
  }
  const cap = Math.min(10, ...caps.map((c) => c.cap));
  // An on-topic attempt earns at least 1: 0 is for no answer, "I don't know", and answers that
  // miss the question or only talk to the grader.
  const floor = caps.length === 0 && s.words >= 8 ? ATTEMPT_FLOOR : 0;
  return {
    score: clampScore(Math.max(floor, Math.min(rawPoints, cap)), 0, 10),
    rawPoints,
    components,
    caps,
    lengthBand: trimmed.length === 0 ? 'empty' : lengthBand,
    signals: s,
    injection: { detected: injection.detected, only: injectionOnly, quote: injection.quote },
    relevance,
  };
}

/**
 * How much the answer is about the question:
 *  - 55% the question's terms addressed (3 = full; a related word counts 0.8),
 *  - 45% the job's own vocabulary (4 shared terms = full),
 *  - × focus: the share of the answer's content words that are on topic (20% = full, none = ×0.15),
 *  - × skill: the question's skill named ×1, talked about in related words ×0.85, another of the
 *    job's skills named ×0.7, none of them ×0.55 — a good story about something else is still
 *    about something else.
 * An answer that names the question's skill is at least just above the off-topic line.
 */
function relevanceValue(s: AnswerSignals): number {
  const r = s.relevance;
  const addressed = r.sharedQuestionTerms.length + 0.8 * r.relatedQuestionTerms.length;
  const q = Math.min(1, addressed / Math.max(1, Math.min(r.questionTermCount, 3)));
  const job = Math.min(1, r.sharedJobTerms / 4);
  const focus = Math.min(1, 0.15 + (0.85 * r.topicShare) / 0.2);
  const skill = r.targetSkillMentioned
    ? 1
    : r.targetSkillRelated
      ? 0.85
      : r.skillsShown.length > 0
        ? 0.7
        : 0.55;
  const value = Math.min(1, (0.55 * q + 0.45 * job) * focus * skill);
  // Naming the question's own skill is never off-topic, however short the answer.
  return r.targetSkillMentioned ? Math.max(value, OFF_TOPIC_BELOW + 0.05) : value;
}

/** What a well-built answer looks like depends on the kind of question. */
function structureValue(category: QuestionCategory, s: AnswerSignals): number {
  const st = s.structure;
  const own = s.specificity.ownActions.length;
  const team = s.specificity.teamActions.length;
  const acted = own >= 2 ? 1 : own === 1 ? 0.7 : team > 0 ? 0.4 : 0;
  const steps =
    st.sequence.length >= 2 || own >= 2 ? 1 : st.sequence.length === 1 || own + team > 0 ? 0.5 : 0;
  switch (category) {
    case 'behavioural': {
      // Situation (or task) 30%, task 10%, your own action 30%, result 30%.
      const context = st.situation ? 1 : st.task ? 0.6 : st.exampleMarker ? 0.5 : 0;
      const result = st.result ? 1 : st.verification ? 0.5 : 0;
      return 0.3 * context + 0.1 * (st.task ? 1 : 0) + 0.3 * acted + 0.3 * result;
    }
    case 'technical': {
      // Approach/steps 30%, reasoning 30%, a real example 20%, verification or result 20%.
      const example = st.situation || st.exampleMarker ? 1 : st.task ? 0.5 : 0;
      const verified = st.verification || st.result ? 1 : 0;
      return 0.3 * steps + 0.3 * (st.reasoning ? 1 : 0) + 0.2 * example + 0.2 * verified;
    }
    case 'situational': {
      // Clarify first 25%, concrete steps 30%, reasons 20%, follow-through 25%.
      const follow = st.verification || st.result ? 1 : 0;
      return 0.25 * (st.clarify ? 1 : 0) + 0.3 * steps + 0.2 * (st.reasoning ? 1 : 0) + 0.25 * follow;
    }
  }
}

/**
 * Numbers (1 = 60%, 2+ = full), named tools/methods (same), own actions (3 = full, "we" counts
 * half). Situational answers are plans, so numbers weigh less there and actions more.
 */
function specificityValue(category: QuestionCategory, s: AnswerSignals): number {
  const sp = s.specificity;
  const numbers = sp.numbers.length >= 2 ? 1 : sp.numbers.length === 1 ? 0.6 : 0;
  const concrete = sp.concrete.length >= 2 ? 1 : sp.concrete.length === 1 ? 0.6 : 0;
  const actions = Math.min(3, sp.ownActions.length + 0.5 * sp.teamActions.length) / 3;
  return category === 'situational'
    ? 0.25 * numbers + 0.35 * concrete + 0.4 * actions
    : 0.35 * numbers + 0.35 * concrete + 0.3 * actions;
}

export const LENGTH_VALUE: Record<LengthBand, number> = {
  empty: 0,
  too_short: 0.05,
  short: 0.35,
  adequate: 1,
  long: 0.7,
  rambling: 0.4,
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
