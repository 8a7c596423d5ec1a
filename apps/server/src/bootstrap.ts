import {
  createDatabase,
  createOfflineProvider,
  createProvider,
  type DatabaseHandle,
  type Interviewer,
  jobs,
  migrateToLatest,
  TokenAuth,
  users,
} from '@ai-interviewer/core';
import { TimeSpan } from 'lucia';
import { aiProviderOf, type Env } from './env.ts';
import { catalogue } from './seed/catalogue.ts';

/** The database the environment asks for: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise. */
export function openDatabase(env: Env): Promise<DatabaseHandle> {
  return createDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: env.DB_POOL_MAX,
    connectionTimeoutMs: env.DB_CONNECTION_TIMEOUT_MS,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
  });
}

export function interviewerFromEnv(env: Env): Interviewer {
  const provider =
    aiProviderOf(env) === 'openai'
      ? createProvider({
          provider: 'openai',
          openai: {
            apiKey: env.OPENAI_API_KEY ?? '',
            baseURL: env.OPENAI_BASE_URL,
            model: env.OPENAI_MODEL,
            timeoutMs: env.OPENAI_TIMEOUT_MS,
            maxRetries: env.OPENAI_MAX_RETRIES,
          },
        })
      : createOfflineProvider();
  return {
    provider,
    fallback:
      env.AI_FALLBACK === 'offline' && provider.evaluator !== createOfflineProvider().evaluator
        ? createOfflineProvider()
        : null,
    limits: {
      maxAnswersPerSession: env.MAX_ANSWERS_PER_SESSION,
      hourlyModelCalls: env.AI_HOURLY_QUOTA,
      sessionsPerHour: env.SESSIONS_PER_HOUR,
      jobsPerHour: env.JOBS_PER_HOUR,
    },
  };
}

export function authFromEnv(env: Env, handle: DatabaseHandle): TokenAuth {
  return new TokenAuth(handle.db, {
    sessionTtl: new TimeSpan(env.SESSION_TTL_HOURS, 'h'),
    absoluteTtlMs: env.SESSION_ABSOLUTE_DAYS * 24 * 3600 * 1000,
    secureCookie: env.NODE_ENV === 'production',
  });
}

/** Migrations (unless turned off) and the ADMIN_EMAIL/ADMIN_PASSWORD admin, idempotently. */
export async function prepareDatabase(env: Env, handle: DatabaseHandle): Promise<void> {
  if (env.MIGRATE_ON_START) await migrateToLatest(handle.db);
  // A first start gets the sample catalogue, so a newcomer has jobs to practise for; once the
  // catalogue has anything in it, it is the admins' and never touched again.
  if (env.SEED_CATALOGUE && (await jobs.listJobs(handle.db, null, { limit: 1, offset: 0 })).total === 0) {
    await jobs.seedPublicCatalogue(handle.db, catalogue);
  }
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    await users.ensureAdmin(handle.db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
  }
}
