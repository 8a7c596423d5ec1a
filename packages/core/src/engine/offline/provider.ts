/**
 * The offline interviewer: deterministic, no network, the default when no API key is set.
 * Same input (and seed) → same plan, same grade, same summary, on every machine.
 */
import { EngineError } from '../errors.ts';
import type { InterviewerProvider } from '../types.ts';
import { evaluateOffline } from './evaluate.ts';
import { modelAnswerOffline } from './model-answer.ts';
import { planOffline } from './plan.ts';
import { summariseOffline } from './summary.ts';

export const OFFLINE_EVALUATOR = 'offline:rubric-v2';

export function createOfflineProvider(): InterviewerProvider {
  return {
    evaluator: OFFLINE_EVALUATOR,
    async planQuestions(input) {
      return planOffline(input);
    },
    async evaluateAnswer({ job, question, answer, other_questions, onDelta, signal }) {
      if (signal?.aborted) throw new EngineError('aborted', 'evaluation aborted by the caller');
      const evaluation = evaluateOffline(job, question, answer, other_questions);
      // No streaming to do offline: the whole feedback arrives at once.
      onDelta?.(evaluation.feedback);
      return evaluation;
    },
    async summarise(input) {
      return summariseOffline(input);
    },
    async modelAnswer(input) {
      return modelAnswerOffline(input);
    },
  };
}
