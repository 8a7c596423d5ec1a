import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_AUTH_ACCOUNT_RATE_LIMIT,
  DEFAULT_AUTH_RATE_LIMIT,
  DEFAULT_AUTH_RATE_WINDOW_SECONDS,
  DEFAULT_CONNECTION_TIMEOUT_MS,
  DEFAULT_HOURLY_MODEL_CALLS,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_ANSWERS_PER_SESSION,
  DEFAULT_POOL_MAX,
  DEFAULT_SESSION_ABSOLUTE_DAYS,
  DEFAULT_SESSION_TTL_HOURS,
  DEFAULT_STATEMENT_TIMEOUT_MS,
} from '@ai-interviewer/core';
import { z } from 'zod';

/** The one place that reads process.env. Every variable is listed in .env.example. */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
/** Decimal digits only (not `1e3`, `0x50` or ` 3000`), in range; the message gives the range. */
const int = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, { error })
    .transform(Number)
    .pipe(z.number().min(min, { error }).max(max, { error }));
};

/** "a, b,,c" → ["a", "b", "c"]: the entries of a comma-separated setting. */
export const commaList = (value: string): string[] =>
  value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);

/** The named ranges proxy-addr (Fastify's trustProxy) knows besides addresses and CIDRs. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (entry: string) => {
  if (PROXY_RANGES.has(entry)) return true;
  const [ip, bits, ...rest] = entry.split('/');
  const version = isIP(ip ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
};
/**
 * TRUST_PROXY: `false` (the default: X-Forwarded-For is ignored), `true` (any proxy: only when
 * nothing but the proxy can reach the server), or comma-separated addresses, CIDR ranges and
 * proxy-addr's named ranges (loopback, linklocal, uniquelocal).
 */
const trustProxy = z.string().transform((value, ctx): boolean | string[] => {
  const v = value.trim();
  if (v === 'false') return false;
  if (v === 'true') return true;
  const entries = commaList(v);
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be true, false, or comma-separated addresses/CIDR ranges (not ${bad.join(', ') || 'empty'})`,
    });
    return z.NEVER;
  }
  return entries;
});

/**
 * The TRUSTED_ORIGINS entries that are not an origin as a browser sends it (`https://host[:port]`,
 * no path, no trailing slash): such an entry would never equal an Origin header.
 */
const notOrigins = (list: string) =>
  commaList(list).filter((e) => !(URL.canParse(e) && new URL(e).origin === e));

/** The repository root: `.env` and the default data folder live here, whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** A path from the settings: relative ones are from the repository root, not the process's directory (apps/server under npm start). */
const fromRepoRoot = (path: string) => resolve(repoRoot, path);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: int(0, 65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
    DATA_DIR: z
      .string()
      .transform(fromRepoRoot)
      .default(fromRepoRoot('data/postgres'))
      .describe('a relative path is from the repository root, where .env is'),
    DB_POOL_MAX: int(1, 500)
      .default(DEFAULT_POOL_MAX)
      .describe(
        'pool size: each connection is a PostgreSQL process of ~30 MB; 4 keep 2 cores busy, more only queue',
      ),
    DB_CONNECTION_TIMEOUT_MS: int(100, 60_000).default(DEFAULT_CONNECTION_TIMEOUT_MS),
    DB_IDLE_TIMEOUT_MS: int(100, 3_600_000)
      .default(DEFAULT_IDLE_TIMEOUT_MS)
      .describe('an unused pooled connection closes after this long (it holds a PostgreSQL process)'),
    DB_STATEMENT_TIMEOUT_MS: int(100, 600_000).default(DEFAULT_STATEMENT_TIMEOUT_MS),
    MIGRATE_ON_START: bool.default(true),
    SEED_CATALOGUE: bool.default(true).describe('add the sample public catalogue when it is empty'),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(8).max(256).optional(),
    AI_PROVIDER: z.enum(['offline', 'openai']).optional(),
    AI_FALLBACK: z.enum(['offline', 'none']).default('none'),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
    OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
    OPENAI_TIMEOUT_MS: int(1000, 600_000).default(30_000),
    OPENAI_MAX_RETRIES: int(0, 5).default(2),
    AI_HOURLY_QUOTA: int(0, 100_000).default(DEFAULT_HOURLY_MODEL_CALLS),
    TRANSCRIBE_PROVIDER: z
      .enum(['openai', 'browser'])
      .optional()
      .describe('who turns speech into text; default openai when the interviewer is openai, else browser'),
    TRANSCRIBE_MODEL: z.string().min(1).default('whisper-1'),
    TRANSCRIBE_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
    TRANSCRIBE_API_KEY: z.string().min(1).optional(),
    SPEECH_PROVIDER: z
      .enum(['openai', 'browser'])
      .optional()
      .describe('who reads questions aloud; default openai when the interviewer is openai, else browser'),
    SPEECH_MODEL: z.string().min(1).default('tts-1'),
    SPEECH_VOICE: z.string().min(1).default('alloy'),
    SPEECH_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
    SPEECH_API_KEY: z.string().min(1).optional(),
    SPEECH_CACHE_MB: int(1, 4096)
      .default(32)
      .describe('memory for questions already read aloud, so a replay does not call the speech server'),
    VOICE_MAX_SECONDS: int(10, 1800).default(180).describe('longest recording accepted (and recorded)'),
    VOICE_MAX_BYTES: int(10_000, 100 * 1024 * 1024).default(10 * 1024 * 1024),
    MAX_ANSWERS_PER_SESSION: int(1, 200).default(DEFAULT_MAX_ANSWERS_PER_SESSION),
    SESSIONS_PER_HOUR: int(0, 100_000)
      .default(30)
      .describe('sessions a candidate may create per hour; 0 = unlimited'),
    JOBS_PER_HOUR: int(0, 100_000)
      .default(20)
      .describe('job descriptions a candidate may create per hour; 0 = unlimited'),
    SESSION_TTL_HOURS: int(1, 24 * 365).default(DEFAULT_SESSION_TTL_HOURS),
    SESSION_ABSOLUTE_DAYS: int(1, 365).default(DEFAULT_SESSION_ABSOLUTE_DAYS),
    TRUSTED_ORIGINS: z
      .string()
      .refine((v) => notOrigins(v).length === 0, {
        error: (issue) =>
          `must be comma-separated origins such as https://app.example.com (scheme, host and port only; not ${notOrigins(String(issue.input)).join(', ')})`,
      })
      .default('')
      .describe('extra origins allowed to send cookie-authenticated writes'),
    TRUST_PROXY: trustProxy
      .default(false)
      .describe(
        'the reverse proxies whose X-Forwarded-For names the client: addresses or CIDR ranges, or true',
      ),
    AUTH_RATE_LIMIT: int(1, 100_000)
      .default(DEFAULT_AUTH_RATE_LIMIT)
      .describe('login/register attempts per IP, and per account from one IP, per window'),
    AUTH_ACCOUNT_RATE_LIMIT: int(1, 1_000_000)
      .default(DEFAULT_AUTH_ACCOUNT_RATE_LIMIT)
      .describe('password attempts on one account per window from all addresses together'),
    AUTH_RATE_WINDOW_SECONDS: int(1, 86_400).default(DEFAULT_AUTH_RATE_WINDOW_SECONDS),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' })
      .optional()
      .describe('rate-limit counters in Redis instead of PostgreSQL'),
    GRADING_RECOVERY_SECONDS: int(1, 600)
      .default(10)
      .describe("how long an answer's own instance has to grade it before any instance may"),
    WEB_DIST: z
      .string()
      .transform(fromRepoRoot)
      .refine((v) => existsSync(resolve(v, 'index.html')), {
        error: (issue) => `${String(issue.input)} holds no index.html (unset it to serve apps/web/dist)`,
      })
      .optional(),
    // `pnpm eval:grading` only (eval-grading.ts)
    EVAL_DATASET_DIR: z
      .string()
      .min(1)
      .optional()
      .describe("folder of family files; default core's dataset/"),
    EVAL_REPEATS: int(1, 100).default(5),
    EVAL_SAMPLES: int(0, 100).default(4).describe('answers re-graded per split for consistency'),
    EVAL_CONCURRENCY: int(1, 64).optional().describe('default 4 for a model, 1 offline'),
    SHUTDOWN_TIMEOUT_MS: int(100, 120_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_PASSWORD'],
        message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together',
      });
    }
    if (env.TRANSCRIBE_PROVIDER === 'openai' && !(env.TRANSCRIBE_API_KEY ?? env.OPENAI_API_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['TRANSCRIBE_API_KEY'],
        message: 'is required (or OPENAI_API_KEY) when TRANSCRIBE_PROVIDER=openai',
      });
    }
    if (env.SPEECH_PROVIDER === 'openai' && !(env.SPEECH_API_KEY ?? env.OPENAI_API_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SPEECH_API_KEY'],
        message: 'is required (or OPENAI_API_KEY) when SPEECH_PROVIDER=openai',
      });
    }
    if (env.AI_PROVIDER === 'openai' && !env.OPENAI_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_API_KEY'],
        message: 'is required when AI_PROVIDER=openai',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses the environment (and a .env file, if there is one). A bad value names its variable. */
export function loadEnv(
  source: Record<string, string | undefined> = process.env,
  envFile = `${repoRoot}.env`,
): Env {
  if (source === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  // Empty strings mean "unset" (a blank line in .env).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The provider: openai when asked for, or when a key is set and nothing was asked; offline otherwise. */
export const aiProviderOf = (env: Env): 'offline' | 'openai' =>
  env.AI_PROVIDER ?? (env.OPENAI_API_KEY ? 'openai' : 'offline');

/** Transcription follows the interviewer: a server that talks to a model transcribes with it too. */
export const transcribeProviderOf = (env: Env): 'openai' | 'browser' =>
  env.TRANSCRIBE_PROVIDER ?? (aiProviderOf(env) === 'openai' ? 'openai' : 'browser');

/** Reading aloud follows the interviewer too: a server that talks to a model speaks with it. */
export const speechProviderOf = (env: Env): 'openai' | 'browser' =>
  env.SPEECH_PROVIDER ?? (aiProviderOf(env) === 'openai' ? 'openai' : 'browser');
