/**
 * One server per test FILE (start it in beforeAll), driven with inject(), on a throwaway schema
 * of the run's PostgreSQL (see createTestDatabase).
 */
import {
  type DatabaseHandle,
  type Interviewer,
  TokenAuth,
  type User,
  type Voice,
} from '@ai-interviewer/core';
import { createTestDatabase, makeServiceContext, offlineInterviewer } from '@ai-interviewer/core/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer, type ServerOptions } from '../app.ts';
import { SESSION_COOKIE } from '../plugins/auth.ts';

export type Response = LightMyRequestResponse;

/** Every request of a Client carries this Host (as a browser on the dev server would). */
export const HOST = 'localhost:3000';
/** The server's own origin for requests made through a Client. */
export const SAME_ORIGIN = `http://${HOST}`;
export const FOREIGN_ORIGIN = 'https://evil.example';

export interface TestServerOptions extends Partial<Omit<ServerOptions, 'services' | 'auth'>> {
  interviewer?: Interviewer;
  /** Voice answers (transcriber and limits); absent = the browser transcribes. */
  voice?: Voice;
  /** Reuse a database (otherwise a fresh one, closed by close()). */
  handle?: DatabaseHandle;
}

type Body = InjectOptions['payload'];

export interface Client {
  get(url: string, opts?: InjectOptions): Promise<Response>;
  delete(url: string, opts?: InjectOptions): Promise<Response>;
  post(url: string, body?: Body, opts?: InjectOptions): Promise<Response>;
  put(url: string, body?: Body, opts?: InjectOptions): Promise<Response>;
  patch(url: string, body?: Body, opts?: InjectOptions): Promise<Response>;
  inject(opts: InjectOptions): Promise<Response>;
}

function clientWith(app: FastifyInstance, headers: Record<string, string>): Client {
  const inject = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { host: HOST, ...headers, ...opts.headers } });
  const withBody =
    (method: 'POST' | 'PUT' | 'PATCH') =>
    (url: string, body?: Body, opts: InjectOptions = {}) =>
      inject({ ...opts, method, url, ...(body !== undefined && { payload: body }) });
  return {
    get: (url, opts = {}) => inject({ ...opts, method: 'GET', url }),
    delete: (url, opts = {}) => inject({ ...opts, method: 'DELETE', url }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    inject,
  };
}

export async function startTestServer(opts: TestServerOptions = {}) {
  const { interviewer, voice, handle: given, ...serverOpts } = opts;
  const handle = given ?? (await createTestDatabase());
  const services = {
    ...makeServiceContext(handle.db, interviewer ?? offlineInterviewer()),
    ...(voice && { voice }),
  };
  const auth = new TokenAuth(handle.db);
  let app: FastifyInstance;
  try {
    app = await buildServer({
      services,
      auth,
      authRateLimit: { limit: 100_000, windowMs: 60_000 },
      ...serverOpts,
    });
    await app.ready();
  } catch (error) {
    if (!given) await handle.close();
    throw error;
  }

  return {
    app,
    db: handle.db,
    handle,
    services,
    auth,
    async close() {
      await app.close();
      if (!given) await handle.close();
    },
    /** A login session for the user, issued directly (no argon2, no rate limit). */
    async login(user: Pick<User, 'id'>) {
      const { token } = await auth.issue(user.id);
      return { token, cookie: `${SESSION_COOKIE}=${token}` };
    },
    /** Requests with `Authorization: Bearer <token>`, or anonymous with null. */
    as(token: string | null): Client {
      return clientWith(app, token ? { authorization: `Bearer ${token}` } : {});
    },
    /** Requests with the session cookie and an Origin header (the server's own unless given; null = none). */
    asCookie(cookie: string, origin: string | null = SAME_ORIGIN): Client {
      return clientWith(app, { cookie, ...(origin !== null && { origin }) });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** A stack trace, or a source path, in a response body. */
export const hasStackTrace = (body: string) =>
  /\n\s+at |\bat .+\.(ts|js):\d+|node_modules\/|file:\/\//.test(body);
