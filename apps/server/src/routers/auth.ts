import {
  loginInput,
  loginResult,
  meSchema,
  registerInput,
  userSchema,
  users,
  voice,
} from '@ai-interviewer/core';
import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../plugins/auth.ts';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

export const authRouter = router({
  register: publicProcedure
    .input(registerInput)
    .output(userSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.throttle.register(ctx.req.ip);
      return users.register(ctx.services.db, input);
    }),

  /** Returns a bearer token for programs and sets the HttpOnly cookie for the SPA: one session behind both. */
  login: publicProcedure
    .input(loginInput)
    .output(loginResult)
    .mutation(async ({ ctx, input }) => {
      const login = (input.email ?? input.username ?? '').trim();
      // Per account, whichever of email or username names it.
      const accountId = await users.accountIdForLogin(ctx.services.db, login);
      await ctx.throttle.passwordAttempt(ctx.req.ip, accountId ?? login.toLowerCase());
      const user = await users.verifyCredentials(ctx.services.db, login, input.password);
      const issued = await ctx.auth.issue(user.id);
      setSessionCookie(ctx, issued.token, issued.expiresAt);
      return { token: issued.token, expires_at: issued.expiresAt.toISOString(), user };
    }),

  logout: publicProcedure
    .input(z.void())
    .output(z.null())
    .mutation(async ({ ctx }) => {
      if (ctx.token) await ctx.auth.revoke(ctx.token);
      clearSessionCookie(ctx);
      return null;
    }),

  /** The current user, with the voice preferences the interview room follows. */
  me: authedProcedure
    .input(z.void())
    .output(meSchema)
    .query(({ ctx }) => voice.withPreferences(ctx.services.db, ctx.actor, ctx.user!)),

  /**
   * Who is here, for the web app: the user, or null for a visitor. Being logged out is an
   * answer, not an error, so anonymous pages do not log a failed request (a 401) on every
   * load. `me` keeps its 401: programs calling GET /api/auth/me rely on it.
   */
  viewer: publicProcedure
    .input(z.void())
    .output(userSchema.nullable())
    .query(({ ctx }) => ctx.user),
});
