// The public surface of the domain: schemas, errors, services, database, auth, engine.

export { type AuthOptions, hashToken, type IssuedToken, TokenAuth } from './auth/auth.ts';
export { hashPassword, verifyPassword } from './auth/password.ts';
export { createDatabase, type DatabaseHandle, type DatabaseOptions } from './db/connect.ts';
export { translateDbError } from './db/errors.ts';
export { pingDatabase } from './db/health.ts';
export { migrateToLatest } from './db/migrate.ts';
export type { Database } from './db/types.ts';
export * from './engine/index.ts';
export * from './errors.ts';
export * from './limits.ts';
export * from './schemas/common.ts';
export * from './schemas/feedback.ts';
export * from './schemas/jobs.ts';
export * from './schemas/sessions.ts';
export * from './schemas/users.ts';
export { type Actor, isAdmin, type MaybeActor } from './services/actor.ts';
export {
  defaultLimits,
  type Interviewer,
  type InterviewLimits,
  type ServiceContext,
} from './services/context.ts';
export * as feedback from './services/feedback.ts';
export * as jobs from './services/jobs.ts';
export * as sessions from './services/sessions.ts';
export * as users from './services/users.ts';
