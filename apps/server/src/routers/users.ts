import {
  createUserInput,
  idSchema,
  listSessionsInput,
  listUsersInput,
  pageOf,
  replaceUserInput,
  sessionListItemSchema,
  sessions,
  updateUserInput,
  userSchema,
  users,
} from '@ai-interviewer/core';
import { z } from 'zod';
import { adminProcedure, authedProcedure, type Context, router } from '../trpc.ts';

const byId = z.strictObject({ id: idSchema });

/** A current_password is a guess at the password, like a login: it counts against the same limits. */
function throttlePasswordCheck(
  ctx: Pick<Context, 'throttle' | 'req'>,
  id: string,
  patch: { current_password?: string | undefined },
): Promise<void> | undefined {
  if (patch.current_password !== undefined) return ctx.throttle.passwordAttempt(ctx.req.ip, id);
}

export const usersRouter = router({
  list: adminProcedure
    .input(listUsersInput)
    .output(pageOf(userSchema))
    .query(({ ctx, input }) => users.listUsers(ctx.services.db, ctx.actor, input)),

  create: adminProcedure
    .input(createUserInput)
    .output(userSchema)
    .mutation(({ ctx, input }) => users.createUser(ctx.services.db, ctx.actor, input)),

  get: authedProcedure
    .input(byId)
    .output(userSchema)
    .query(({ ctx, input }) => users.getUser(ctx.services.db, ctx.actor, input.id)),

  update: authedProcedure
    .input(updateUserInput.extend(byId.shape))
    .output(userSchema)
    .mutation(async ({ ctx, input: { id, ...patch } }) => {
      await throttlePasswordCheck(ctx, id, patch);
      return users.updateUser(ctx.services.db, ctx.actor, id, patch);
    }),

  replace: authedProcedure
    .input(replaceUserInput.extend(byId.shape))
    .output(userSchema)
    .mutation(async ({ ctx, input: { id, ...patch } }) => {
      await throttlePasswordCheck(ctx, id, patch);
      return users.updateUser(ctx.services.db, ctx.actor, id, patch);
    }),

  delete: authedProcedure
    .input(byId)
    .output(z.null())
    .mutation(async ({ ctx, input }) => {
      await users.deleteUser(ctx.services.db, ctx.actor, input.id);
      return null;
    }),

  sessions: authedProcedure
    .input(listSessionsInput.omit({ user_id: true }).extend({ user_id: idSchema }))
    .output(pageOf(sessionListItemSchema))
    .query(({ ctx, input: { user_id, ...page } }) =>
      sessions.listUserSessions(ctx.services.db, ctx.actor, user_id, page),
    ),
});
