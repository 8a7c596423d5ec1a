/**
 * The interviewer engine: plans questions for a job, grades answers, summarises sessions.
 * One interface (InterviewerProvider), two implementations: the offline rubric (deterministic,
 * the default) and any OpenAI-compatible model.
 */

export { type BandKey, type BandTone, SCORE_BANDS, type ScoreBand, scoreBand, scoreLabel } from './bands.ts';
export { createProvider, type ProviderConfig, type ProviderName } from './create-provider.ts';
export { EngineError, type EngineErrorKind, publicReason } from './errors.ts';
export {
  formatGradingEval,
  type GradingEvalOptions,
  type GradingEvalResult,
  LABELLED_SET,
  type LabelledQuestion,
  loadEvalSet,
  type Quality,
  runGradingEval,
} from './eval/index.ts';
export {
  createOfflineProvider,
  gradeAnswer as gradeAnswerOffline,
  type Level,
  OFFLINE_EVALUATOR,
  parseLevel,
  type RubricResult,
  WEIGHTS as RUBRIC_WEIGHTS,
  warmMeaning,
} from './offline/index.ts';
export {
  createOpenAIProvider,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_TOKENS,
  DEFAULT_TEMPERATURE,
  DEFAULT_TIMEOUT_MS,
  type OpenAIProviderOptions,
} from './openai/index.ts';
export { extractPosting, MAX_EXTRACTED_SKILLS, type PostingFacts } from './posting.ts';
export {
  clampScore,
  computeOverallScore,
  FOLLOW_UP_WEIGHT,
  MAIN_ANSWER_WEIGHT,
  type ScoredItem,
} from './scoring.ts';
export { MAX_SKILLS, mentionsSkill, parseSkills, skillsMentioned } from './skills.ts';
export * from './types.ts';
