export { evaluateOffline } from './evaluate.ts';
export { type Level, parseLevel } from './level.ts';
export { warmMeaning } from './meaning.ts';
export { categorySequence, planOffline, talkingPointsFor } from './plan.ts';
export { createOfflineProvider, OFFLINE_EVALUATOR } from './provider.ts';
export { QUESTION_BANK, type QuestionTemplate } from './question-bank.ts';
export {
  bandFor,
  type CapReason,
  gradeAnswer,
  type LengthBand,
  type RubricResult,
  WEIGHTS,
} from './rubric.ts';
export { summariseOffline } from './summary.ts';
