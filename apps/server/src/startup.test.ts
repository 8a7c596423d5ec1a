/** The plain lines `npm start` prints: built from the env and what prepareDatabase did. */
import { describe, expect, it } from 'vitest';
import type { Prepared } from './bootstrap.ts';
import { loadEnv } from './env.ts';
import { startupLines, urlToOpen } from './startup.ts';

const firstStart: Prepared = {
  migrationsApplied: ['0001_init'],
  catalogue: { added: 10 },
  admin: { email: 'boss@example.com', outcome: 'created', passwordReset: false },
};
const line = (lines: string[], key: string) => lines.find((l) => l.startsWith(`  ${key}:`))?.slice(15);

describe('startupLines', () => {
  it('says where the data is, what was added, who interviews and where to go, in that order', () => {
    const env = loadEnv({ DATA_DIR: '/srv/interviewer/pglite' });
    const lines = startupLines(env, { kind: 'pglite' }, firstStart, 'http://127.0.0.1:3000');
    expect(lines).toEqual([
      'AI Interviewer',
      '  data:        embedded PGlite in /srv/interviewer/pglite (delete that folder to start afresh)',
      '  catalogue:   added 10 sample jobs (first start)',
      '  admin:       boss@example.com created',
      '  interviewer: offline rubric (set OPENAI_API_KEY to use a model)',
      '  open:        http://127.0.0.1:3000',
    ]);
  });

  it('names a PostgreSQL by host and database, never with its password', () => {
    const env = loadEnv({ DATABASE_URL: 'postgres://app:s3cret@db.internal:5433/interviews' });
    const data = line(startupLines(env, { kind: 'postgres' }, firstStart, 'http://x'), 'data');
    expect(data).toBe('PostgreSQL at db.internal:5433/interviews (DATABASE_URL)');
  });

  it('an in-memory database is said to be thrown away', () => {
    const lines = startupLines(
      loadEnv({ DATA_DIR: 'memory://' }),
      { kind: 'pglite' },
      firstStart,
      'http://x',
    );
    expect(line(lines, 'data')).toBe('embedded PGlite in memory (gone when the server stops)');
  });

  it('tells apart a catalogue left alone, one turned off, and each thing done to the admin', () => {
    const env = loadEnv({});
    const say = (p: Partial<Prepared>) =>
      startupLines(env, { kind: 'pglite' }, { ...firstStart, ...p }, 'http://x');
    expect(line(say({ catalogue: 'kept' }), 'catalogue')).toBe('already has jobs, left as it is');
    expect(line(say({ catalogue: 'off' }), 'catalogue')).toBe('sample jobs not added (SEED_CATALOGUE=false)');
    expect(line(say({ admin: null }), 'admin')).toMatch(/^none set up \(ADMIN_EMAIL and ADMIN_PASSWORD/);
    const admin = (outcome: 'promoted' | 'reactivated' | 'unchanged', passwordReset = false) =>
      line(say({ admin: { email: 'a@example.com', outcome, passwordReset } }), 'admin');
    expect(admin('promoted', true)).toBe(
      'a@example.com promoted from an existing account, password set to ADMIN_PASSWORD (its logins ended)',
    );
    expect(admin('reactivated')).toBe('a@example.com reactivated');
    expect(admin('unchanged')).toBe('a@example.com already an admin');
  });

  it('names the model and the host it is called at (not the key), and the fallback', () => {
    const env = loadEnv({
      OPENAI_API_KEY: 'sk-test-not-shown',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_MODEL: 'llama3.1',
      AI_FALLBACK: 'offline',
    });
    const lines = startupLines(env, { kind: 'pglite' }, firstStart, 'http://x');
    expect(line(lines, 'interviewer')).toBe('llama3.1 at 127.0.0.1:11434, offline rubric when it fails');
    expect(lines.join('\n')).not.toContain('sk-test');
    const hosted = startupLines(
      loadEnv({ OPENAI_API_KEY: 'sk-x' }),
      { kind: 'pglite' },
      firstStart,
      'http://x',
    );
    expect(line(hosted, 'interviewer')).toBe('gpt-4o-mini at api.openai.com');
    const forced = loadEnv({ OPENAI_API_KEY: 'sk-x', AI_PROVIDER: 'offline' });
    expect(line(startupLines(forced, { kind: 'pglite' }, firstStart, 'http://x'), 'interviewer')).toBe(
      'offline rubric (AI_PROVIDER=offline)',
    );
  });
});

describe('urlToOpen', () => {
  it('is loopback when listening on every interface, and brackets IPv6', () => {
    expect(urlToOpen('0.0.0.0', 3000)).toBe('http://127.0.0.1:3000');
    expect(urlToOpen('::', 8080)).toBe('http://127.0.0.1:8080');
    expect(urlToOpen('::1', 3000)).toBe('http://[::1]:3000');
    expect(urlToOpen('localhost', 3001)).toBe('http://localhost:3001');
  });
});
