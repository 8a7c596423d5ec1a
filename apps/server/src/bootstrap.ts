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
import { catalogue as sampleCatalogue } from './seed/catalogue.ts';

/** The database the environment asks for: DATABASE_URL's, or else our own embedded PostgreSQL in DATA_DIR. */
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
    limits: { maxAnswersPerSession: env.MAX_ANSWERS_PER_SESSION, hourlyModelCalls: env.AI_HOURLY_QUOTA },
  };
}

export function authFromEnv(env: Env, handle: DatabaseHandle): TokenAuth {
  return new TokenAuth(handle.db, {
    sessionTtl: new TimeSpan(env.SESSION_TTL_HOURS, 'h'),
    absoluteTtlMs: env.SESSION_ABSOLUTE_DAYS * 24 * 3600 * 1000,
    secureCookie: env.NODE_ENV === 'production',
  });
}

/** What prepareDatabase did, for the lines a start prints. */
export interface Prepared {
  /** Migrations applied now; null when MIGRATE_ON_START is off. */
  migrationsApplied: string[] | null;
  /** Sample jobs added now; `kept` when the catalogue already had jobs; `off` when SEED_CATALOGUE=false. */
  catalogue: { added: number } | 'kept' | 'off';
  /** The ADMIN_EMAIL admin and what was done to it; null when ADMIN_EMAIL is unset. */
  admin: { email: string; outcome: users.AdminOutcome; passwordReset: boolean } | null;
}

/** Migrations (unless turned off), the sample catalogue on a first start, and the ADMIN_EMAIL admin, idempotently. */
export async function prepareDatabase(env: Env, handle: DatabaseHandle): Promise<Prepared> {
  const migrationsApplied = env.MIGRATE_ON_START ? await migrateToLatest(handle.db) : null;
  // A first start gets the sample catalogue, so a newcomer has jobs to practise for; once the
  // catalogue has anything in it, it is the admins' and never touched again.
  let catalogue: Prepared['catalogue'] = 'off';
  if (env.SEED_CATALOGUE) {
    const empty = (await jobs.listJobs(handle.db, null, { limit: 1, offset: 0 })).total === 0;
    catalogue = empty ? { added: await jobs.seedPublicCatalogue(handle.db, sampleCatalogue) } : 'kept';
  }
  let admin: Prepared['admin'] = null;
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const r = await users.ensureAdmin(handle.db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    admin = { email: r.user.email, outcome: r.outcome, passwordReset: r.passwordReset };
  }
  return { migrationsApplied, catalogue, admin };
}
