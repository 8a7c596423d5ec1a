export { BodyTimeoutError } from './idle-timeout-fetch.ts';
export { extractPartialStringField } from './partial-json.ts';
export { escapeBlock } from './prompts.ts';
export {
  createOpenAIProvider,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_TOKENS,
  DEFAULT_TEMPERATURE,
  DEFAULT_TIMEOUT_MS,
  type OpenAIProviderOptions,
} from './provider.ts';
export {
  assertStrictSchema,
  EVALUATION_SCHEMA,
  PLAN_SCHEMA,
  SUMMARY_SCHEMA,
  strictJsonSchema,
} from './schemas.ts';
