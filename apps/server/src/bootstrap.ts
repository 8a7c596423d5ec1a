import {
  createDatabase,
  createOfflineProvider,
  createOpenAISpeaker,
  createOpenAITranscriber,
  createProvider,
  type DatabaseHandle,
  DatabaseSetupError,
  feedback,
  GradingQueue,
  type Interviewer,
  jobs,
  migrateToLatest,
  PostgresRateLimitStore,
  pendingMigrations,
  type RateLimitStore,
  type ServiceContext,
  SpeechCache,
  TokenAuth,
  users,
  type Voice,
} from '@ai-interviewer/core';
import { TimeSpan } from 'lucia';
import { aiProviderOf, type Env, speechProviderOf, transcribeProviderOf } from './env.ts';
import { RedisRateLimitStore } from './redis-rate-limit-store.ts';
import { catalogue as sampleCatalogue } from './seed/catalogue.ts';

/**
 * The database the environment asks for: DATABASE_URL's, or else our own embedded PostgreSQL in
 * DATA_DIR. A DATABASE_URL that cannot be reached or logged into is refused here, naming it.
 */
export async function openDatabase(env: Env): Promise<DatabaseHandle> {
  const handle = await createDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: env.DB_POOL_MAX,
    connectionTimeoutMs: env.DB_CONNECTION_TIMEOUT_MS,
    idleTimeoutMs: env.DB_IDLE_TIMEOUT_MS,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
  });
  if (!env.DATABASE_URL) return handle;
  try {
    await handle.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  } catch (e) {
    await handle.close();
    // host and database only: the URL may carry a password
    const u = new URL(env.DATABASE_URL);
    throw new DatabaseSetupError(
      `Cannot use the PostgreSQL at ${u.host}${u.pathname} (DATABASE_URL): ${e instanceof Error ? e.message : String(e)}. ` +
        'Check DATABASE_URL, or unset it to use the embedded PostgreSQL.',
      { cause: e },
    );
  }
  return handle;
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

/** Whether the offline rubric grades here, as the provider or as the fallback. */
export const usesOfflineGrader = (i: Interviewer): boolean =>
  [i.provider, i.fallback].some((p) => p?.evaluator === createOfflineProvider().evaluator);

/**
 * Voice: the server transcribes (and reads questions aloud) with an OpenAI-compatible server, or
 * leaves each to the browser.
 */
export function voiceFromEnv(env: Env): Voice {
  const transcriber =
    transcribeProviderOf(env) === 'openai'
      ? createOpenAITranscriber({
          apiKey: env.TRANSCRIBE_API_KEY ?? env.OPENAI_API_KEY ?? '',
          ...(env.TRANSCRIBE_BASE_URL || env.OPENAI_BASE_URL
            ? { baseURL: (env.TRANSCRIBE_BASE_URL ?? env.OPENAI_BASE_URL)! }
            : {}),
          model: env.TRANSCRIBE_MODEL,
          timeoutMs: env.OPENAI_TIMEOUT_MS,
          maxRetries: env.OPENAI_MAX_RETRIES,
        })
      : null;
  const speech =
    speechProviderOf(env) === 'openai'
      ? {
          speaker: createOpenAISpeaker({
            apiKey: env.SPEECH_API_KEY ?? env.OPENAI_API_KEY ?? '',
            ...(env.SPEECH_BASE_URL || env.OPENAI_BASE_URL
              ? { baseURL: (env.SPEECH_BASE_URL ?? env.OPENAI_BASE_URL)! }
              : {}),
            model: env.SPEECH_MODEL,
            voice: env.SPEECH_VOICE,
            timeoutMs: env.OPENAI_TIMEOUT_MS,
            maxRetries: env.OPENAI_MAX_RETRIES,
          }),
          cache: new SpeechCache(env.SPEECH_CACHE_MB * 1024 * 1024),
        }
      : null;
  return {
    transcriber,
    speech,
    limits: { maxBytes: env.VOICE_MAX_BYTES, maxSeconds: env.VOICE_MAX_SECONDS },
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
  if (!env.MIGRATE_ON_START) {
    // the code needs its tables: a database behind it is refused here, not by the first query
    const pending = await pendingMigrations(handle.db);
    if (pending.length > 0) {
      const n = pending.length === 1 ? '1 migration' : `${pending.length} migrations`;
      throw new DatabaseSetupError(
        `MIGRATE_ON_START=false, and the database lacks ${n} (${pending.join(', ')}): ` +
          'run `pnpm db:migrate`, or set MIGRATE_ON_START=true.',
      );
    }
  }
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

/** Rate-limit counters every instance shares: in Redis when REDIS_URL is set, else in PostgreSQL. */
export async function rateLimitStoreFromEnv(env: Env, handle: DatabaseHandle): Promise<RateLimitStore> {
  if (!env.REDIS_URL) return new PostgresRateLimitStore(handle.db);
  const redis = new RedisRateLimitStore(env.REDIS_URL);
  await redis.connect();
  return redis;
}

/** The durable grading queue (pg-boss, in its own `pgboss` schema), started. */
export async function gradingQueueFromEnv(env: Env, handle: DatabaseHandle): Promise<GradingQueue> {
  const queue = new GradingQueue(handle.db, {
    schema: 'pgboss',
    recoveryDelaySeconds: env.GRADING_RECOVERY_SECONDS,
    // an idle worker's poll is one indexed query: every second keeps recovery prompt
    pollingSeconds: 1,
    // left-over answers come in bursts (a dead instance's in-flight ones); model calls wait on I/O
    concurrency: 20,
    // a grade takes at most the model's whole retry budget; a worker silent past that (killed) loses the job
    expireSeconds: Math.ceil((env.OPENAI_TIMEOUT_MS * (env.OPENAI_MAX_RETRIES + 1)) / 1000) + 30,
    // expiring such jobs is pg-boss's maintenance, run by one instance at a time
    maintenanceSeconds: 10,
  });
  await queue.start();
  return queue;
}

/** This instance grades what other instances left (until the queue is stopped). */
export const workLeftOverGrades = (services: ServiceContext): void =>
  services.grading?.work((job) => feedback.gradeLeftOver(services, job.feedbackId));
