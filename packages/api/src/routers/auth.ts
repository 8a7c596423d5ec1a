import { loginInput, loginResult, registerInput, userSchema, users } from '@ai-interviewer/core';
import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

const tag = 'Auth';

export const authRouter = router({
  register: publicProcedure({
    input: registerInput,
    output: userSchema,
    rest: { method: 'POST', path: '/auth/register', status: 201, tag, summary: 'Create a candidate account' },
  }).mutation(async ({ ctx, input }) => {
    await ctx.throttle.register(ctx.ip);
    return users.register(ctx.services.db, input);
  }),

  /** Returns a bearer token for programs and sets the HttpOnly cookie for the SPA: one session behind both. */
  login: publicProcedure({
    input: loginInput,
    output: loginResult,
    rest: {
      method: 'POST',
      path: '/auth/login',
      status: 200,
      tag,
      summary:
        'Log in with email (or username) and password: returns a bearer token and sets the session cookie',
      errors: { 401: 'Wrong credentials (the same answer whether the account exists or not)' },
    },
  }).mutation(async ({ ctx, input }) => {
    const login = (input.email ?? input.username ?? '').trim();
    // Per account, whichever of email or username names it.
    const accountId = await users.accountIdForLogin(ctx.services.db, login);
    await ctx.throttle.passwordAttempt(ctx.ip, accountId ?? login.toLowerCase());
    const user = await users.verifyCredentials(ctx.services.db, login, input.password);
    const issued = await ctx.auth.issue(user.id);
    ctx.sessionCookie.set(issued.token, issued.expiresAt);
    return { token: issued.token, expires_at: issued.expiresAt.toISOString(), user };
  }),

  logout: publicProcedure({
    input: z.void(),
    output: z.null(),
    rest: {
      method: 'POST',
      path: '/auth/logout',
      status: 204,
      tag,
      summary: 'End the current session, if any',
    },
  }).mutation(async ({ ctx }) => {
    if (ctx.token) await ctx.auth.revoke(ctx.token);
    ctx.sessionCookie.clear();
    return null;
  }),

  /** The current user. Voice preferences have their own route: this one stays one round trip. */
  me: authedProcedure({
    input: z.void(),
    output: userSchema,
    rest: {
      method: 'GET',
      path: '/auth/me',
      status: 200,
      tag,
      summary: 'The current user with roles',
    },
  }).query(({ ctx }) => ctx.user),

  /**
   * Who is here, for the web app: the user, or null for a visitor. Being logged out is an
   * answer, not an error, so anonymous pages do not log a failed request (a 401) on every
   * load. `me` keeps its 401: programs calling GET /api/auth/me rely on it.
   */
  viewer: publicProcedure({ input: z.void(), output: userSchema.nullable() }).query(({ ctx }) => ctx.user),
});
