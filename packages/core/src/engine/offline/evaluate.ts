/** Offline evaluation of one answer: rubric → feedback → follow-up, as an Evaluation. */
import type { Evaluation, JobContext, QuestionContext } from '../types.ts';
import { composeFeedback } from './feedback.ts';
import { proposeFollowUp } from './follow-up.ts';
import { type CapReason, gradeAnswer } from './rubric.ts';

const NOT_AN_ANSWER: ReadonlySet<CapReason> = new Set([
  'empty',
  'declined',
  'instructions_only',
  'off_topic',
  'keyword_list',
  'copied',
]);

export function evaluateOffline(
  job: JobContext,
  question: QuestionContext,
  answer: string,
  otherQuestions?: readonly string[],
): Evaluation {
  const r = gradeAnswer(job, question, answer, undefined, otherQuestions);
  const { feedback, strengths, improvements, rubric } = composeFeedback(question, r);
  // Skills count as shown when the answer mentions them, unless it is not an answer at all.
  const shown = r.caps.some((c) => NOT_AN_ANSWER.has(c.reason)) ? [] : r.signals.skillsShown;
  return {
    score: r.score,
    rubric,
    feedback,
    strengths,
    improvements,
    skills_shown: shown,
    follow_up: proposeFollowUp(question, r),
  };
}
