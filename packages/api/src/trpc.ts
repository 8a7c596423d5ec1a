/**
 * The one tRPC instance: the context every procedure gets, the error formatter, and the three
 * tiers (public / authed / admin). Routers build every procedure from a tier, which puts the
 * procedure's `.meta()`, `.input()` and `.output()` on it in one place (see `Io` below).
 */
import {
  type Actor,
  DomainError,
  errorCodeTable,
  type ServiceContext,
  type TokenAuth,
  type User,
} from '@ai-interviewer/core';
import { initTRPC } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { z } from 'zod';
import { toDomainError } from './errors.ts';
import type { Meta, RestMeta, Tier } from './meta.ts';

/** The per-address and per-account limits of the auth routes (the server's AuthThrottle). */
export interface Throttle {
  register(ip: string): Promise<void>;
  passwordAttempt(ip: string, account: string): Promise<void>;
}

/**
 * Everything a procedure may use. The host (apps/server) builds it per request; the actor is
 * resolved once by its auth plugin. Nothing here names the HTTP framework: the two things a
 * procedure needs from the request (the address, the session cookie) are given as such.
 */
export interface Context {
  services: ServiceContext;
  auth: TokenAuth;
  throttle: Throttle;
  actor: Actor | null;
  user: User | null;
  /** The session token the request came with (bearer or cookie), for logout. */
  token: string | null;
  /** The caller's address, for the per-address limits. */
  ip: string;
  /** The SPA's HttpOnly session cookie on this response: set by login, cleared by logout. */
  sessionCookie: { set(token: string, expiresAt: Date): void; clear(): void };
  /** Told of an error that is our fault (INTERNAL), for the host's log; never sent to the client. */
  reportFault(error: unknown, path: string | undefined): void;
}

/**
 * The error as the tRPC client reads it (`error.data`): its tRPC code and HTTP status from core's
 * one table, the named fields, and structured `details` (RATE_LIMITED's retry_after, a
 * CONFLICT's state). Also used by the host for errors raised before a procedure runs.
 */
export function errorShape(domain: DomainError, path: string | undefined) {
  const { trpc, http } = errorCodeTable[domain.code];
  return {
    message: domain.message,
    code: TRPC_ERROR_CODES_BY_KEY[trpc],
    data: {
      code: trpc,
      httpStatus: http,
      domainCode: domain.code,
      issues: domain.issues,
      ...(domain.details !== undefined && { details: domain.details }),
      // never a stack trace to the client
      path,
    },
  };
}

/**
 * The one place a tRPC call's error becomes a DomainError (tRPC itself would call anything it
 * did not throw a 500): the error formatter, and the host's /trpc query path, which answers what
 * the formatter would. A fault of ours is reported to the host's log here too.
 */
export function formatError(error: unknown, path: string | undefined, ctx: Context | undefined) {
  const domain = toDomainError(error);
  if (domain.code === 'INTERNAL') ctx?.reportFault(error, path);
  return errorShape(domain, path);
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter: ({ shape, error, ctx }) => formatError(error, shape.data.path, ctx),
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * What tRPC validates with: the schema's Standard Schema interface, not the zod object itself.
 * Handed a zod schema, tRPC calls its `parseAsync`, and zod 4 takes its compiled fast path for
 * objects only when run synchronously (50 µs instead of 8 for a page of 20 jobs); zod's
 * `~standard.validate` runs synchronously (falling back to async only for an async refinement).
 * Both are public, documented interfaces of tRPC and zod.
 */
const standard = <S extends z.ZodType>(schema: S): Pick<S, '~standard'> => ({
  '~standard': schema['~standard'],
});

/**
 * A procedure's contract: its input and output schemas and, when it is also a REST endpoint, the
 * route. They become its `.meta()`, `.input()` and `.output()`; the REST adapter, the OpenAPI
 * document and the access-matrix tests read them back from the procedure's public `meta`.
 */
export interface Io<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  rest?: RestMeta;
}

const metaOf = (tier: Tier, io: { input: z.ZodType; output?: z.ZodType; rest?: RestMeta }): Meta => ({
  tier,
  input: io.input,
  ...(io.output && { output: io.output }),
  ...(io.rest && { rest: io.rest }),
});

const anyone = t.procedure;

const loggedIn = anyone.use(({ ctx, next }) => {
  if (!ctx.actor || !ctx.user) throw new DomainError('UNAUTHORIZED', 'Authentication required');
  // tRPC merges this into ctx: only the narrowed fields, no copy of the rest
  return next({ ctx: { actor: ctx.actor, user: ctx.user } });
});

/** Core checks again; this tier makes the router's intent visible (and answers 403 before any input is read). */
const admins = loggedIn.use(({ ctx, next }) => {
  if (!ctx.actor.roles.includes('admin')) throw new DomainError('FORBIDDEN', 'Admins only');
  return next();
});

/** Anyone, logged in or not. */
export const publicProcedure = <I extends z.ZodType, O extends z.ZodType>(io: Io<I, O>) =>
  anyone.meta(metaOf('public', io)).input(standard(io.input)).output(standard(io.output));

/** A logged-in user: ctx.actor and ctx.user are narrowed to non-null. */
export const authedProcedure = <I extends z.ZodType, O extends z.ZodType>(io: Io<I, O>) =>
  loggedIn.meta(metaOf('authed', io)).input(standard(io.input)).output(standard(io.output));

/** Admins only. */
export const adminProcedure = <I extends z.ZodType, O extends z.ZodType>(io: Io<I, O>) =>
  admins.meta(metaOf('admin', io)).input(standard(io.input)).output(standard(io.output));

/**
 * A logged-in user's streaming procedure (an async generator): tRPC has no output parser for a
 * stream, so each yielded value is checked by the procedure itself. Never a REST endpoint.
 */
export const authedStream = <I extends z.ZodType>(input: I) =>
  loggedIn.meta(metaOf('authed', { input })).input(standard(input));
