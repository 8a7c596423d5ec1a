import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Context, errorShape } from '@ai-interviewer/api';
import {
  DEFAULT_AUTH_ACCOUNT_RATE_LIMIT,
  DEFAULT_AUTH_RATE_LIMIT,
  DEFAULT_AUTH_RATE_WINDOW_SECONDS,
  DomainError,
  errorCodeTable,
  MAX_BODY_BYTES,
  PostgresRateLimitStore,
  type RateLimitStore,
  type ServiceContext,
  type TokenAuth,
} from '@ai-interviewer/core';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import authPlugin, { clearSessionCookie, isApiRequest, setSessionCookie } from './plugins/auth.ts';
import { domainErrorOfFastify, errorBody, sendError } from './plugins/errors.ts';
import { trpcHttp } from './plugins/trpc-http.ts';
import { type AuthRateLimit, AuthThrottle } from './rate-limiter.ts';
import { restApi } from './rest/index.ts';

export interface ServerOptions {
  services: ServiceContext;
  auth: TokenAuth;
  secureCookie?: boolean;
  trustedOrigins?: string[];
  authRateLimit?: AuthRateLimit;
  /** Where rate-limit counters live; PostgreSQL (the app's database) unless given. */
  rateLimitStore?: RateLimitStore;
  /** The built SPA; when absent a placeholder page is served at /. */
  webDist?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  /**
   * The proxies whose X-Forwarded-For names the client (TRUST_PROXY): their addresses or ranges,
   * or true for any. Unset: the connecting address is the client, whatever the
   * headers say (so nobody invents an address to dodge the per-address limits).
   */
  trustProxy?: FastifyServerOptions['trustProxy'];
  bodyLimit?: number;
  /** false: /trpc queries go through tRPC's own handler too (see plugins/trpc-http.ts). */
  trpcFastQueries?: boolean;
}

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * A URL as the request log keeps it: a share link's token is a bearer secret (whoever holds it
 * reads that report), so it is masked wherever it travels — the page and REST path
 * (`/shared/{token}`) and tRPC's query input (`shares.view?input={"token":…}`, URL-encoded).
 */
export const loggedUrl = (url: string): string =>
  url
    .replace(/(\/shared\/)[^/?#]+/g, '$1…')
    .replace(/((?:%22|")token(?:%22|")(?::|%3A)(?:%22|"))[^"%&]+/gi, '$1…');

/** The app factory: everything but `listen`, so tests drive it with inject(). */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const logger = opts.logger ?? false;
  const app = Fastify({
    logger:
      typeof logger === 'object'
        ? {
            ...logger,
            serializers: {
              // Fastify's own fields for a request, with the URL as loggedUrl keeps it
              req: (req: FastifyRequest) => ({
                method: req.method,
                url: loggedUrl(req.url),
                host: req.host,
                remoteAddress: req.ip,
                remotePort: req.socket?.remotePort,
              }),
              ...logger.serializers,
            },
          }
        : logger,
    bodyLimit: opts.bodyLimit ?? MAX_BODY_BYTES,
    trustProxy: opts.trustProxy ?? false,
    // tRPC batches put several procedure names in one path
    routerOptions: { maxParamLength: 5000 },
    // What Node's HTTP parser refuses before Fastify reads a request (headers over its 16 KiB, a
    // line that is not HTTP): the documented error shape too, not Fastify's own. The connection
    // closes after it, as Node's own answer does.
    clientErrorHandler: (error, socket) => {
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.end(rawErrorResponse(clientErrorOf(error)));
      else socket.destroy(error);
    },
    // What the router refuses before any route or hook runs (a malformed percent-encoding, a path
    // parameter over maxParamLength): in the documented error shape (tRPC's under /trpc) instead
    // of Fastify's own, which echoed the path. No hook runs for it (helmet's, no-store below), so
    // it sets the two headers a JSON error needs.
    frameworkErrors: (error, req, reply) => {
      reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
      const domain = domainErrorOfFastify(error);
      if (!req.url.startsWith('/trpc')) return sendError(reply, domain);
      const shape = errorShape(domain, undefined);
      return (reply as FastifyReply).status(shape.data.httpStatus).send({ error: shape });
    },
  });
  const secureCookie = opts.secureCookie ?? false;
  // What a model server said when it failed reaches the operator's log only: candidates read the
  // kind of failure and its status (core's modelFailure), since the text can hold a masked API key.
  opts.services.reportModelError ??= (err, during) => app.log.warn({ err, during }, 'model call failed');
  const throttle = new AuthThrottle(
    opts.rateLimitStore ?? new PostgresRateLimitStore(opts.services.db),
    opts.authRateLimit ?? {
      limit: DEFAULT_AUTH_RATE_LIMIT,
      accountLimit: DEFAULT_AUTH_ACCOUNT_RATE_LIMIT,
      windowMs: DEFAULT_AUTH_RATE_WINDOW_SECONDS * 1000,
    },
  );

  app.setErrorHandler((error, req, reply) => {
    const domain = domainErrorOfFastify(error as Error, req.routeOptions.bodyLimit);
    if (domain.code === 'INTERNAL') req.log.error({ err: error }, 'unhandled error');
    return sendError(reply, domain);
  });

  await app.register(fastifyHelmet, {
    // What the built SPA and Swagger UI at /api/docs need, and nothing more (checked in Chromium:
    // no page logs a CSP violation, e2e/csp). Both load only their own files: no inline script.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'], // Swagger UI's icons are data: URIs
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // the question read aloud plays from a blob: URL the page made of the server's audio
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"], // no framing: a page on another port once framed a profile
      },
    },
    frameguard: { action: 'deny' }, // X-Frame-Options for browsers without frame-ancestors
    // same-origin requests keep their Referer: the Origin check falls back on it
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only where the server is reached over HTTPS (production cookies are Secure too)
    hsts: secureCookie,
  });
  // Answers of the API are private or change at any time: never stored by a browser or a proxy
  // (the login's token, /auth/me…). Static files (Swagger UI's assets) keep their own caching.
  app.addHook('onSend', async (req, reply) => {
    if (isApiRequest(req) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // Swagger UI's bundle injects a <style> element: on its pages alone, inline styles (never scripts)
    if (req.routeOptions.url?.startsWith('/api/docs')) {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string')
        reply.header(
          'content-security-policy',
          csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
        );
    }
  });
  await app.register(fastifyCookie);
  await app.register(authPlugin, {
    auth: opts.auth,
    trustedOrigins: opts.trustedOrigins ?? [],
    secureCookie,
  });

  /** The api package's context for one request: what a procedure may know of it, nothing Fastify-shaped. */
  const createContext = (req: FastifyRequest, reply: FastifyReply): Context => ({
    services: opts.services,
    auth: opts.auth,
    throttle,
    actor: req.actor,
    user: req.authUser,
    token: req.authToken,
    ip: req.ip,
    sessionCookie: {
      set: (token, expiresAt) => setSessionCookie({ reply, secureCookie }, token, expiresAt),
      clear: () => clearSessionCookie({ reply, secureCookie }),
    },
    // a DomainError reaches tRPC as its INTERNAL_SERVER_ERROR: only our own INTERNAL is a fault to log
    reportFault: (err, path) =>
      req.log.error({ err: err instanceof Error && err.cause ? err.cause : err, path }, 'tRPC error'),
  });

  await app.register(trpcHttp, {
    prefix: '/trpc',
    createContext,
    fastQueries: opts.trpcFastQueries ?? true,
  });

  await app.register(restApi, { prefix: '/api', createContext, services: opts.services });
  await registerSpa(app, opts.webDist ?? defaultWebDist);
  return app;
}

/** What Node's HTTP parser refused, as the client's mistake it is. */
function clientErrorOf(error: Error): DomainError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'HPE_HEADER_OVERFLOW')
    return new DomainError('VALIDATION', 'The request’s headers are too large (its URL counts among them)');
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return new DomainError('VALIDATION', 'The request did not arrive in time');
  return new DomainError('VALIDATION', 'The request is not valid HTTP');
}

/** A whole HTTP response for a socket no Fastify reply exists for: the documented error body. */
function rawErrorResponse(error: DomainError): string {
  const status = errorCodeTable[error.code].http;
  const body = JSON.stringify(errorBody(error));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** The path as the router reads it (`/%61pi/x` is /api/x); the raw path when it does not decode. */
function decodedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The built SPA at /, with client-side routes falling back to index.html; JSON 404s for the APIs. */
async function registerSpa(app: FastifyInstance, webDist: string) {
  const hasSpa = existsSync(resolve(webDist, 'index.html'));
  if (hasSpa) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = decodedPath(req.url);
    const isApi = path.startsWith('/api') || path.startsWith('/trpc');
    if (req.method === 'GET' && !isApi && hasSpa) return reply.sendFile('index.html');
    if (req.method === 'GET' && !isApi) {
      return reply
        .type('text/html')
        .send(
          '<!doctype html><title>AI Interviewer</title><p>AI Interviewer API is running. Build the web app with <code>pnpm build</code>. API docs: <a href="/api/docs">/api/docs</a></p>',
        );
    }
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}`, issues: [] },
    });
  });
}
