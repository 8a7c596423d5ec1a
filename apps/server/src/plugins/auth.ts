import type { Actor, TokenAuth, User } from '@ai-interviewer/core';
import { DomainError, SESSION_COOKIE } from '@ai-interviewer/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export { SESSION_COOKIE };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    authUser: User | null;
    authToken: string | null;
  }
}

export interface AuthPluginOptions {
  auth: TokenAuth;
  /** Origins allowed to send cookie-authenticated writes besides the server's own. */
  trustedOrigins: string[];
  secureCookie: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const isApiPath = (path: string) => path.startsWith('/api') || path.startsWith('/trpc');

/**
 * Whether the request reaches an API route, judged on the path the router matched — decoded and
 * normalised — not on the raw URL: `/%61pi/auth/me` is routed to /api/auth/me, and must be
 * authenticated (and Origin-checked) like it. An unmatched path (a 404) holds nothing to protect.
 */
export const isApiRequest = (req: FastifyRequest): boolean => isApiPath(req.routeOptions.url ?? '');

function bearerOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** A cookie is sent by the browser on any request, so writes must come from our own origin. */
function originAllowed(req: FastifyRequest, trusted: string[]): boolean {
  const origin = req.headers.origin ?? refererOrigin(req.headers.referer);
  if (!origin) return false;
  const host = req.headers.host;
  const own = host ? [`http://${host}`, `https://${host}`] : [];
  return own.includes(origin) || trusted.includes(origin);
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/**
 * Resolves the caller once per API request, from a bearer token or the session cookie
 * (one database query), and refuses cookie-authenticated cross-origin writes.
 */
const authPlugin: FastifyPluginAsync<AuthPluginOptions> = async (app, opts) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('authUser', null);
  app.decorateRequest('authToken', null);

  app.addHook('onRequest', async (req, reply) => {
    if (!isApiRequest(req)) return;
    const bearer = bearerOf(req);
    const cookie = bearer ? null : (req.cookies[SESSION_COOKIE] ?? null);
    const token = bearer ?? cookie;
    if (!token) return;
    if (cookie && !SAFE_METHODS.has(req.method) && !originAllowed(req, opts.trustedOrigins)) {
      throw new DomainError(
        'FORBIDDEN',
        'Cross-origin request refused: cookie-authenticated writes need a matching Origin',
      );
    }
    const found = await opts.auth.validate(token);
    if (!found) {
      if (cookie) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    req.actor = found.actor;
    req.authUser = found.user;
    req.authToken = token;
    // lucia slid the expiry forward: move the cookie with it
    if (cookie && found.refreshed) setCookie(reply, token, found.expiresAt, opts.secureCookie);
  });
};

export default fp(authPlugin, { name: 'auth', dependencies: ['@fastify/cookie'] });

type CookieReply = {
  setCookie: (name: string, value: string, o: object) => unknown;
  clearCookie: (name: string, o: object) => unknown;
};

function setCookie(reply: CookieReply, token: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: expiresAt,
  });
}

export function setSessionCookie(
  ctx: { reply: CookieReply; secureCookie: boolean },
  token: string,
  expiresAt: Date,
) {
  setCookie(ctx.reply, token, expiresAt, ctx.secureCookie);
}

export function clearSessionCookie(ctx: { reply: CookieReply; secureCookie: boolean }) {
  ctx.reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.secureCookie,
  });
}
