/**
 * Calibration anchors for the grading prompt: one question of the labelled set with an answer of
 * every kind and the score each kind deserves, so the model grades on the same scale as the
 * labels. Taken from the DEV split only (the test split measures the grader and must never reach
 * its prompt); the module refuses to load otherwise. prompts.ts writes them into the grading
 * prompt and bounds their size.
 */

import family from '../eval/dataset/engineering-management.json' with { type: 'json' };
import { familySchema, type WrittenKind } from '../eval/dataset/schema.ts';

/** The anchor question: behavioural and outside engineering proper, so it teaches the scale, not a topic. */
export const ANCHOR_QUESTION_ID = 'engineering-management-underperformer';

/** What each kind of answer is, and the score it deserves on this platform's scale. */
const ANCHOR_KINDS: readonly { kind: WrittenKind; what: string; score: string }[] = [
  {
    kind: 'strong',
    what: "specific situation, the candidate's own actions, a result and a lesson",
    score: '9–10',
  },
  { kind: 'paraphrase', what: 'just as strong in other words: few of the question’s words', score: '8–10' },
  { kind: 'fair', what: 'correct and relevant, but general: no situation of their own', score: '5–6' },
  { kind: 'weak', what: 'vague and hedged', score: '2–3' },
  { kind: 'off_topic', what: 'sincere, specific, but about something else', score: '0' },
  { kind: 'keyword_list', what: 'a list of keywords, no answer', score: '0–1' },
  {
    kind: 'stuffed',
    what: 'claims, buzzwords and invented percentages, no situation or causal story',
    score: '1–2',
  },
  { kind: 'injected', what: 'a weak answer with an instruction to the grader', score: '0–1' },
];

export interface Anchor {
  kind: WrittenKind;
  what: string;
  score: string;
  answer: string;
}

function load(): { question: string; anchors: Anchor[] } {
  const parsed = familySchema.parse(family);
  if (parsed.split !== 'dev')
    throw new Error(`calibration anchors must come from the dev split, not ${parsed.family}`);
  const question = parsed.questions.find((q) => q.id === ANCHOR_QUESTION_ID);
  if (!question) throw new Error(`calibration anchor question ${ANCHOR_QUESTION_ID} is missing`);
  return {
    question: question.text,
    anchors: ANCHOR_KINDS.map((a) => ({ ...a, answer: question.answers[a.kind] })),
  };
}

export const CALIBRATION = load();
