/**
 * Is the answer about what ITS question asks, judged by meaning rather than shared words?
 *
 * Two measures on word vectors (vectors.ts): the answer's SIF sentence vector against the
 * question's (question text and skill, without the words that only say how to answer), and the
 * alignment of the question's words to the answer's. Then, as ETS's off-topic detection does, the
 * answer is ranked against other prompts: the session's other questions when the caller gives
 * them. An answer that fits another question clearly better than its own, on both measures, is an
 * answer to that other question, however good a story it is.
 */
import type { QuestionContext } from '../../types.ts';
import { alignment, cosine, sifVector, type VectorWords, vectorWords } from './vectors.ts';

export { warmVectors } from './vectors.ts';

/** Words of a question that say how to answer, not what about (general, not fitted to any set). */
const FRAME = new Set(
  (
    'tell describe time times example give walk through would could did do does how what why when where ' +
    'which who approach handle handled situation happen happened step steps first outcome learn learned ' +
    'recent last most main usual important hard difficult particular specific share explain talk ' +
    'make sure find right really take took going afterwards after before went deal dealt need needed'
  ).split(/\s+/),
);

export interface MeaningTuning {
  /** both margins (own − best other) below these: the answer fits another question better */
  sifMargin: number;
  alignMargin: number;
  /** the own question still counts as the best fit when another aligns better by less than this */
  firstTolerance: number;
}
/**
 * Chosen on the dev split: the alignment margin decides (another question's story aligns clearly
 * better with that question); the SIF margin only vetoes when the own question is clearly closer.
 */
export const MEANING_TUNING: MeaningTuning = { sifMargin: 0.1, alignMargin: -0.05, firstTolerance: 0 };

export interface MeaningSignals {
  /** SIF cosine of the answer with its question (−1–1; on-topic answers ≈ 0.2–0.6) */
  sif: number;
  /** the question's words aligned to the answer's (0–1; ≈ 0.5 for unrelated text, 0.8+ close) */
  align: number;
  /** the other question the answer fits better than its own, when there is one */
  betterFit: { question: string; sifMargin: number; alignMargin: number } | null;
  /** whether its own question fits the answer best (alignment, within `firstTolerance`) of all the questions given (null: none given) */
  ownFirst: boolean | null;
}

const promptCache = new Map<string, { words: VectorWords; sif: Float32Array }>();

function prompt(text: string): { words: VectorWords; sif: Float32Array } {
  const known = promptCache.get(text);
  if (known) return known;
  const words = vectorWords(text, FRAME);
  const p = { words, sif: sifVector(words) };
  if (promptCache.size >= 1000) promptCache.clear();
  promptCache.set(text, p);
  return p;
}

export function measureMeaning(
  question: QuestionContext,
  answer: string,
  otherQuestions: readonly string[] = [],
  t: MeaningTuning = MEANING_TUNING,
): MeaningSignals {
  const a = vectorWords(answer);
  const av = sifVector(a);
  const own = prompt(`${question.text} ${question.skill}`);
  const sif = cosine(own.sif, av);
  const align = alignment(own.words, a);
  // Ranked question against question, text against text (the others come without their skill).
  const bare = prompt(question.text);
  const bareSif = cosine(bare.sif, av);
  const bareAlign = alignment(bare.words, a);
  let betterFit: MeaningSignals['betterFit'] = null;
  let ownFirst: boolean | null = null;
  for (const text of otherQuestions) {
    if (text.trim() === question.text.trim()) continue;
    const o = prompt(text);
    const sifMargin = bareSif - cosine(o.sif, av);
    const alignMargin = bareAlign - alignment(o.words, a);
    ownFirst = (ownFirst ?? true) && alignMargin >= -t.firstTolerance;
    if (sifMargin < t.sifMargin && alignMargin < t.alignMargin) {
      if (betterFit === null || sifMargin + alignMargin < betterFit.sifMargin + betterFit.alignMargin)
        betterFit = { question: text, sifMargin, alignMargin };
    }
  }
  return { sif, align, betterFit, ownFirst };
}

/** The score an answer that fits another question better is capped at: below a fair answer, above no answer (dev: 1–4 alike). */
export const ANOTHER_QUESTION_CAP = 2;

/** Which parts are on (the dev script compares them; both on in the product). */
export const MEANING_OPTIONS = { rank: true, relevance: true };

/**
 * Relevance (0–1) given the word-level value and the vector measures: an answer in other words
 * earns it too (the greater of the two counts).
 */
export function relevanceWithMeaning(lexical: number, m: MeaningSignals): number {
  if (!MEANING_OPTIONS.relevance) return lexical;
  if (RELEVANCE_SIF.gate && m.ownFirst === false) return lexical;
  const r = Math.min(
    1,
    Math.max(0, (m.sif - RELEVANCE_SIF.floor) / (RELEVANCE_SIF.full - RELEVANCE_SIF.floor)),
  );
  return Math.max(lexical, RELEVANCE_SIF.weight * r);
}
/**
 * SIF cosine from which the vector measure gives relevance, and at which it gives `weight` (0–1)
 * of it; `gate`: only when the answer's own question fits it best of the session's questions
 * (an answer in the job's domain but about something else is as close in vectors as a paraphrase:
 * the ranking tells them apart better than the level). Chosen on the dev split.
 */
export const RELEVANCE_SIF = { floor: 0.25, full: 0.45, weight: 0.8, gate: true };
