import type { DatabaseHandle } from '@ai-interviewer/core';
import type { Prepared } from './bootstrap.ts';
import { aiProviderOf, type Env } from './env.ts';

/**
 * What `npm start` set up, in plain lines for a person, printed before the JSON log: where the
 * data lives, what happened to the catalogue and the admin, who interviews, and where to go.
 */
export function startupLines(
  env: Env,
  db: Pick<DatabaseHandle, 'kind'>,
  prepared: Prepared,
  url: string,
): string[] {
  return [
    'AI Interviewer',
    `  data:        ${describeData(env, db)}`,
    `  catalogue:   ${describeCatalogue(prepared.catalogue)}`,
    `  admin:       ${describeAdmin(prepared.admin)}`,
    `  interviewer: ${describeInterviewer(env)}`,
    `  open:        ${url}`,
  ];
}

export function describeData(env: Env, db: Pick<DatabaseHandle, 'kind'>): string {
  if (db.kind === 'postgres' && env.DATABASE_URL) {
    const u = new URL(env.DATABASE_URL);
    // host and database only: the URL may carry a password
    return `PostgreSQL at ${u.host}${u.pathname} (DATABASE_URL)`;
  }
  if (env.DATA_DIR.startsWith('memory://')) return 'embedded PGlite in memory (gone when the server stops)';
  return `embedded PGlite in ${env.DATA_DIR} (delete that folder to start afresh)`;
}

function describeCatalogue(c: Prepared['catalogue']): string {
  if (c === 'off') return 'sample jobs not added (SEED_CATALOGUE=false)';
  if (c === 'kept') return 'already has jobs, left as it is';
  return c.added === 1 ? 'added 1 sample job' : `added ${c.added} sample jobs (first start)`;
}

function describeAdmin(a: Prepared['admin']): string {
  if (!a) return 'none set up (ADMIN_EMAIL and ADMIN_PASSWORD create or promote one)';
  const did = {
    created: 'created',
    promoted: 'promoted from an existing account',
    reactivated: 'reactivated',
    unchanged: 'already an admin',
  }[a.outcome];
  return `${a.email} ${did}${a.passwordReset ? ', password set to ADMIN_PASSWORD (its logins ended)' : ''}`;
}

function describeInterviewer(env: Env): string {
  if (aiProviderOf(env) === 'offline') {
    return `offline rubric${env.AI_PROVIDER ? ' (AI_PROVIDER=offline)' : ' (set OPENAI_API_KEY to use a model)'}`;
  }
  const host = new URL(env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1').host; // unset: the SDK's default
  const fallback = env.AI_FALLBACK === 'offline' ? ', offline rubric when it fails' : '';
  return `${env.OPENAI_MODEL} at ${host}${fallback}`;
}

/** The address to open: the bound port, and loopback when listening on every interface. */
export function urlToOpen(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
