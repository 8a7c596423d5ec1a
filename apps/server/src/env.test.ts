import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { interviewerFromEnv } from './bootstrap.ts';
import { aiProviderOf, EnvError, loadEnv } from './env.ts';

/** The error loadEnv throws for this environment (fails the test if it does not throw). */
function envError(source: Record<string, string>): EnvError {
  try {
    loadEnv(source);
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return e as EnvError;
  }
  throw new Error(`loadEnv accepted ${JSON.stringify(source)}`);
}

describe('loadEnv', () => {
  it('an empty environment gives working defaults', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MIGRATE_ON_START: true,
      AUTH_RATE_LIMIT: 10,
      AUTH_RATE_WINDOW_SECONDS: 60,
      TRUSTED_ORIGINS: '',
      GRADING_RECOVERY_SECONDS: 10,
    });
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.ADMIN_EMAIL).toBeUndefined();
    expect(env.DATA_DIR).toMatch(/data\/postgres$/);
    expect(aiProviderOf(env)).toBe('offline');
    expect(interviewerFromEnv(env).provider.evaluator).toMatch(/^offline:/);
  });

  it('empty strings mean unset (a blank line in .env)', () => {
    expect(loadEnv({ PORT: '', DATABASE_URL: '', AI_PROVIDER: '' })).toMatchObject({ PORT: 3000 });
  });

  it('reads good values', () => {
    const env = loadEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://app:secret@db.internal:5432/interviews',
      AI_PROVIDER: 'openai',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://localhost:11434/v1',
      MIGRATE_ON_START: 'false',
      ADMIN_EMAIL: 'root@example.test',
      ADMIN_PASSWORD: 'a long admin password',
    });
    expect(env).toMatchObject({ PORT: 8080, HOST: '0.0.0.0', MIGRATE_ON_START: false });
    expect(aiProviderOf(env)).toBe('openai');
  });

  it('a key without AI_PROVIDER means openai', () => {
    expect(aiProviderOf(loadEnv({ OPENAI_API_KEY: 'sk-test' }))).toBe('openai');
    expect(aiProviderOf(loadEnv({ OPENAI_API_KEY: 'sk-test', AI_PROVIDER: 'offline' }))).toBe('offline');
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '-1' }],
    ['PORT', { PORT: '80.5' }],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root@localhost/db' }],
    ['OPENAI_API_KEY', { AI_PROVIDER: 'openai' }],
    ['AI_PROVIDER', { AI_PROVIDER: 'gpt' }],
    ['ADMIN_EMAIL', { ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'a long admin password' }],
    ['ADMIN_PASSWORD', { ADMIN_EMAIL: 'root@example.test' }],
    ['ADMIN_PASSWORD', { ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'short' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['MIGRATE_ON_START', { MIGRATE_ON_START: 'maybe' }],
    ['OPENAI_BASE_URL', { OPENAI_BASE_URL: 'localhost:11434' }],
    ['NODE_ENV', { NODE_ENV: 'prod' }],
    ['AUTH_RATE_LIMIT', { AUTH_RATE_LIMIT: '0' }],
    ['REDIS_URL', { REDIS_URL: 'http://127.0.0.1:6379' }],
    ['GRADING_RECOVERY_SECONDS', { GRADING_RECOVERY_SECONDS: '0' }],
  ])('a bad %s stops the start with a message naming it', (variable, source) => {
    expect(envError(source).message).toContain(variable);
  });

  it('a number is decimal digits in its range, and the message says so (not "expected number, received NaN")', () => {
    for (const bad of ['abc', '3000.5', '-1', '70000', '1e3', '0x50', ' 3000', '3_000']) {
      expect(envError({ PORT: bad }).message).toBe(
        'Invalid configuration:\n  PORT: must be a whole number from 0 to 65535',
      );
    }
    expect(envError({ SESSIONS_PER_HOUR: 'x' }).message).toContain(
      'SESSIONS_PER_HOUR: must be a whole number from 0 to 100000',
    );
    expect(loadEnv({ PORT: '08080', DB_POOL_MAX: '8' })).toMatchObject({ PORT: 8080, DB_POOL_MAX: 8 });
  });

  it('a relative DATA_DIR or WEB_DIST is from the repository root, where .env is (npm start runs the server in apps/server)', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    expect(loadEnv({}).DATA_DIR).toBe(join(root, 'data/postgres'));
    expect(loadEnv({ DATA_DIR: 'mydata' }).DATA_DIR).toBe(join(root, 'mydata'));
    expect(loadEnv({ DATA_DIR: './var/../mydata' }).DATA_DIR).toBe(join(root, 'mydata'));
    expect(loadEnv({ DATA_DIR: '/srv/pg' }).DATA_DIR).toBe('/srv/pg');
    expect(loadEnv({ WEB_DIST: 'apps/web' }).WEB_DIST).toBe(join(root, 'apps/web'));
  });

  it('TRUSTED_ORIGINS: origins exactly as a browser sends them, or the start says which entry is not one', () => {
    expect(
      loadEnv({ TRUSTED_ORIGINS: 'https://app.example.test, http://localhost:5173' }).TRUSTED_ORIGINS,
    ).toBe('https://app.example.test, http://localhost:5173');
    // a trailing slash or a path never equals an Origin header: the entry would be ignored
    for (const bad of [
      'notanorigin',
      'https://app.example.test/',
      'https://app.example.test/app',
      'app.example.test',
    ]) {
      expect(envError({ TRUSTED_ORIGINS: `http://localhost:5173,${bad}` }).message).toBe(
        `Invalid configuration:\n  TRUSTED_ORIGINS: must be comma-separated origins such as https://app.example.com (scheme, host and port only; not ${bad})`,
      );
    }
  });

  it('WEB_DIST, when set, must hold the built SPA (else / would say "build the web app" with it built)', () => {
    expect(envError({ WEB_DIST: '/nonexistent/dist' }).message).toBe(
      'Invalid configuration:\n  WEB_DIST: /nonexistent/dist holds no index.html (unset it to serve apps/web/dist)',
    );
  });

  it('TRUST_PROXY: off by default; true, or addresses and ranges', () => {
    expect(loadEnv({}).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadEnv({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1,fd00::/8,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['proxy.example', '10.0.0.1/33', '10.0.0.1/8/8', 'yes', ',', '2']) {
      expect(envError({ TRUST_PROXY: bad }).message).toMatch(/TRUST_PROXY: must be/);
    }
  });

  it('names every bad variable at once', () => {
    const message = envError({ PORT: 'abc', DATABASE_URL: 'nope', LOG_LEVEL: 'loud' }).message;
    for (const v of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(message).toContain(v);
  });

  it('does not echo secret values in the message', () => {
    const message = envError({ ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'sh0rt' }).message;
    expect(message).not.toContain('sh0rt');
    const withUrl = envError({ DATABASE_URL: 'mysql://root:hunter2@localhost/db' }).message;
    expect(withUrl).not.toContain('hunter2');
    const withRedis = envError({ REDIS_URL: 'memcached://:hunter3@cache:11211' }).message;
    expect(withRedis).not.toContain('hunter3');
  });

  it('passes the limits to the interviewer', () => {
    const interviewer = interviewerFromEnv(
      loadEnv({
        MAX_ANSWERS_PER_SESSION: '7',
        AI_HOURLY_QUOTA: '3',
        SESSIONS_PER_HOUR: '5',
        JOBS_PER_HOUR: '0',
      }),
    );
    expect(interviewer.limits).toEqual({
      maxAnswersPerSession: 7,
      hourlyModelCalls: 3,
      sessionsPerHour: 5,
      jobsPerHour: 0,
    });
    expect(interviewer.fallback).toBeNull();
  });
});
