/**
 * The offline "what a strong answer covers": the question's talking points (from the planner or
 * recovered from the bank), else the points any answer of its category needs; and an example
 * that is openly an outline built from those points, not an answer someone gave.
 */
import type { ModelAnswer, QuestionCategory, QuestionContext } from '../types.ts';
import { talkingPointsFor } from './plan.ts';

/** What any answer of a category needs, for questions the bank did not write (follow-ups, a model's). */
const GENERIC_POINTS: Record<QuestionCategory, string[]> = {
  technical: [
    'a direct answer to what was asked, in plain words',
    'a concrete example from your own work',
    'the trade-offs or limits, and how you would check the result',
  ],
  behavioural: [
    'a specific situation and what was at stake',
    'what you did yourself, not the team',
    'a result you can measure or observe, and what you learned',
  ],
  situational: [
    'how you would understand the situation before acting',
    'the steps you would take, in order, and why',
    'how you would know it worked, and who you would keep informed',
  ],
};

export function modelAnswerOffline(input: {
  question: QuestionContext;
  talking_points?: readonly string[];
}): ModelAnswer {
  const { question } = input;
  const points =
    (input.talking_points && input.talking_points.length > 0 ? [...input.talking_points] : null) ??
    (question.is_follow_up ? null : talkingPointsFor(question)) ??
    GENERIC_POINTS[question.category];
  const [first, ...rest] = points;
  const opening =
    question.category === 'behavioural'
      ? 'Pick one real story and tell it in order.'
      : question.category === 'situational'
        ? 'Walk through what you would do, step by step.'
        : 'Answer the question directly, then back it up.';
  // Semicolons, not "and": the points themselves often contain "and".
  const example = `${opening} Start with ${first}. ${
    rest.length > 0 ? `Then cover: ${rest.join('; ')}. ` : ''
  }Name real tools, numbers and outcomes where you have them, and keep it to about two minutes.`;
  return { talking_points: points, example };
}
