export {
  type EvalQuestion,
  firstSetQuestions,
  loadEvalSet,
  loadFamilyQuestions,
  type Split,
} from './dataset/load.ts';
export {
  ANSWER_KINDS,
  type AnswerKind,
  formatGradingEval,
  type GradingEvalOptions,
  type GradingEvalResult,
  INSTRUCTION_ONLY,
  missedTargets,
  type QuestionResult,
  runGradingEval,
  type SplitResult,
  TARGETS,
} from './grading-eval.ts';
export { LABELLED_SET, type LabelledQuestion, QUALITY_ORDER, type Quality } from './labelled-set.ts';
