// The public surface of the domain: schemas, errors, services, database, auth, engine.

export { type AuthOptions, hashToken, type IssuedToken, SESSION_COOKIE, TokenAuth } from './auth/auth.ts';
export { hashPassword, verifyPassword } from './auth/password.ts';
export { createDatabase, type DatabaseHandle, type DatabaseOptions } from './db/connect.ts';
export {
  DatabaseSetupError,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
  freePort,
  startEmbeddedPostgres,
} from './db/embedded.ts';
export { translateDbError, UNIQUE_VIOLATIONS } from './db/errors.ts';
export { pingDatabase } from './db/health.ts';
export { migrateToLatest, pendingMigrations } from './db/migrate.ts';
export type { Database } from './db/types.ts';
export * from './defaults.ts';
export { computeDelivery, LONG_PAUSE_SECONDS, PACE_RANGE, SUGGESTED_SECONDS } from './delivery/metrics.ts';
export * from './engine/index.ts';
export * from './enums.ts';
export * from './errors.ts';
export * from './limits.ts';
export {
  GRADING_QUEUE,
  type GradingJob,
  GradingQueue,
  type GradingQueueOptions,
} from './queue/grading-queue.ts';
export * from './schemas/common.ts';
export * from './schemas/delivery.ts';
export * from './schemas/exports.ts';
export * from './schemas/feedback.ts';
export * from './schemas/jobs.ts';
export * from './schemas/practice.ts';
export * from './schemas/sessions.ts';
export * from './schemas/shares.ts';
export * from './schemas/users.ts';
export * from './schemas/voice.ts';
export { type Actor, isAdmin, type MaybeActor } from './services/actor.ts';
export type {
  Interviewer,
  InterviewLimits,
  ServiceContext,
  Voice,
} from './services/context.ts';
export * as feedback from './services/feedback.ts';
export * as jobs from './services/jobs.ts';
export * as practice from './services/practice.ts';
export {
  PostgresRateLimitStore,
  type RateLimitHit,
  type RateLimitStore,
} from './services/rate-limit-store.ts';
export * as sessions from './services/sessions.ts';
export * as shares from './services/shares.ts';
export * as userData from './services/user-data.ts';
export * as users from './services/users.ts';
export * as voice from './services/voice.ts';
export { type SchemaIssue, toDomainError, validationError } from './to-domain-error.ts';
export { type AudioKind, sniffAudio } from './voice/audio.ts';
export {
  createOpenAISpeaker,
  MAX_SPEECH_BYTES,
  type Speaker,
  type Speech,
} from './voice/speaker.ts';
export { SpeechCache } from './voice/speech-cache.ts';
export { createOpenAITranscriber, type Transcriber, type Transcript } from './voice/transcriber.ts';
