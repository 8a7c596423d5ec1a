export {
  type ConsistencySample,
  formatGradingEval,
  type GradingEvalOptions,
  type GradingEvalResult,
  type QuestionResult,
  runGradingEval,
} from './grading-eval.ts';
export { LABELLED_SET, type LabelledQuestion, QUALITY_ORDER, type Quality } from './labelled-set.ts';
