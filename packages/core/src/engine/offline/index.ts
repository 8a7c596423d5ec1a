export { evaluateOffline } from './evaluate.ts';
export { type Level, parseLevel } from './level.ts';
export { categorySequence, planOffline, talkingPointsFor } from './plan.ts';
export { createOfflineProvider, OFFLINE_EVALUATOR } from './provider.ts';
export { QUESTION_BANK, type QuestionTemplate } from './question-bank.ts';
export {
  bandFor,
  type CapReason,
  type ComponentName,
  gradeAnswer,
  type LengthBand,
  type RubricComponent,
  type RubricResult,
  WEIGHTS,
} from './rubric.ts';
export { summariseOffline } from './summary.ts';
