import type { DatabaseHandle } from '@ai-interviewer/core';
import type { Prepared } from './bootstrap.ts';
import { aiProviderOf, type Env, EnvError } from './env.ts';

/**
 * What `npm start` set up, in plain lines for a person, printed before the JSON log: where the
 * data lives, what happened to the catalogue and the admin, who interviews, and where to go.
 */
export function startupLines(
  env: Env,
  db: Pick<DatabaseHandle, 'kind' | 'embedded'>,
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

export function describeData(env: Env, db: Pick<DatabaseHandle, 'kind' | 'embedded'>): string {
  if (db.kind === 'embedded' && db.embedded) {
    const { dataDir, port, created } = db.embedded;
    return `embedded PostgreSQL in ${dataDir} (${created ? 'created now' : 'existing data'}, 127.0.0.1:${port}; stop the server and delete that folder to start afresh)`;
  }
  // host and database only: the URL may carry a password
  const u = new URL(env.DATABASE_URL ?? 'postgres://unknown');
  return `PostgreSQL at ${u.host}${u.pathname} (DATABASE_URL)`;
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

/**
 * Why the server could not listen, said about the variables that decide it (the error Node gives
 * is a stack naming a syscall). Anything else is returned as it is.
 */
export function listenRefusal(err: unknown, host: string, port: number): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const at = `${host}:${port}`;
  const why: Record<string, string> = {
    EADDRINUSE: `${at} is in use by another process: stop it, or set PORT to a free port`,
    EACCES: `${at}: permission denied (ports below 1024 need privileges): set PORT to a port from 1024 up`,
    EADDRNOTAVAIL: `HOST ${host} is not an address of this machine: set HOST to one (127.0.0.1, or 0.0.0.0 for all)`,
    ENOTFOUND: `HOST "${host}" does not resolve: set HOST to an address (127.0.0.1, or 0.0.0.0 for all)`,
    EAI_AGAIN: `HOST "${host}" could not be resolved now: set HOST to an address (127.0.0.1, or 0.0.0.0 for all)`,
  };
  return code && why[code] ? new EnvError(`Cannot listen: ${why[code]}`) : err;
}
