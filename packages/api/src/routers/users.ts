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
import { idParam } from '../inputs.ts';
import { adminProcedure, authedProcedure, type Context, router } from '../trpc.ts';

const tag = 'Users';
const object = 'owner or admin';

/** A current_password is a guess at the password, like a login: it counts against the same limits. */
function throttlePasswordCheck(
  ctx: Pick<Context, 'throttle' | 'ip'>,
  id: string,
  patch: { current_password?: string | undefined },
): Promise<void> | undefined {
  if (patch.current_password !== undefined) return ctx.throttle.passwordAttempt(ctx.ip, id);
}

export const usersRouter = router({
  list: adminProcedure({
    input: listUsersInput,
    output: pageOf(userSchema),
    rest: { method: 'GET', path: '/users', status: 200, tag, summary: 'List users' },
  }).query(({ ctx, input }) => users.listUsers(ctx.services.db, ctx.actor, input)),

  create: adminProcedure({
    input: createUserInput,
    output: userSchema,
    rest: { method: 'POST', path: '/users', status: 201, tag, summary: 'Create a user (any roles)' },
  }).mutation(({ ctx, input }) => users.createUser(ctx.services.db, ctx.actor, input)),

  get: authedProcedure({
    input: idParam,
    output: userSchema,
    rest: { method: 'GET', path: '/users/:id', status: 200, tag, object, summary: 'Get a user' },
  }).query(({ ctx, input }) => users.getUser(ctx.services.db, ctx.actor, input.id)),

  update: authedProcedure({
    input: updateUserInput.extend(idParam.shape),
    output: userSchema,
    rest: {
      method: 'PATCH',
      path: '/users/:id',
      status: 200,
      tag,
      object,
      summary:
        'Update a user; changing your own password needs current_password; roles and active are admin-only',
    },
  }).mutation(async ({ ctx, input: { id, ...patch } }) => {
    await throttlePasswordCheck(ctx, id, patch);
    return users.updateUser(ctx.services.db, ctx.actor, id, patch);
  }),

  replace: authedProcedure({
    input: replaceUserInput.extend(idParam.shape),
    output: userSchema,
    rest: {
      method: 'PUT',
      path: '/users/:id',
      status: 200,
      tag,
      object,
      summary: "Replace a user's profile (email and username required)",
    },
  }).mutation(async ({ ctx, input: { id, ...patch } }) => {
    await throttlePasswordCheck(ctx, id, patch);
    return users.updateUser(ctx.services.db, ctx.actor, id, patch);
  }),

  delete: authedProcedure({
    input: idParam,
    output: z.null(),
    rest: {
      method: 'DELETE',
      path: '/users/:id',
      status: 204,
      tag,
      object,
      summary: 'Delete a user and all their data',
    },
  }).mutation(async ({ ctx, input }) => {
    await users.deleteUser(ctx.services.db, ctx.actor, input.id);
    return null;
  }),

  sessions: authedProcedure({
    input: listSessionsInput.omit({ user_id: true }).extend({ user_id: idSchema }),
    output: pageOf(sessionListItemSchema),
    rest: {
      method: 'GET',
      path: '/users/:user_id/sessions',
      status: 200,
      tag,
      object,
      summary: "A user's interview sessions, newest first",
    },
  }).query(({ ctx, input: { user_id, ...page } }) =>
    sessions.listUserSessions(ctx.services.db, ctx.actor, user_id, page),
  ),
});
