import {
  createSessionInput,
  feedback,
  feedbackSchema,
  idSchema,
  listSessionsInput,
  pageInput,
  pageOf,
  patchSessionInput,
  sessionDetailSchema,
  sessionListItemSchema,
  sessionStatsInput,
  sessionStatsSchema,
  sessions,
} from '@ai-interviewer/core';
import { z } from 'zod';
import { adminProcedure, authedProcedure, router } from '../trpc.ts';

const byId = z.strictObject({ id: idSchema });

export const sessionsRouter = router({
  list: adminProcedure
    .input(listSessionsInput)
    .output(pageOf(sessionListItemSchema))
    .query(({ ctx, input }) => sessions.listSessions(ctx.services.db, ctx.actor, input)),

  /** A pending session for the caller. */
  create: authedProcedure
    .input(createSessionInput)
    .output(sessionDetailSchema)
    .mutation(({ ctx, input }) =>
      sessions.createSession(
        ctx.services.db,
        ctx.actor,
        input,
        ctx.services.interviewer.limits.sessionsPerHour,
      ),
    ),

  /** With its questions, the current one and progress: everything the interview room needs after a reload. */
  get: authedProcedure
    .input(byId)
    .output(sessionDetailSchema)
    .query(({ ctx, input }) => sessions.getSessionDetail(ctx.services.db, ctx.actor, input.id)),

  /** PATCH: the only client-settable status is "cancelled". */
  patch: authedProcedure
    .input(patchSessionInput.extend(byId.shape))
    .output(sessionDetailSchema)
    .mutation(({ ctx, input }) => sessions.cancelSession(ctx.services.db, ctx.actor, input.id)),

  cancel: authedProcedure
    .input(byId)
    .output(sessionDetailSchema)
    .mutation(({ ctx, input }) => sessions.cancelSession(ctx.services.db, ctx.actor, input.id)),

  start: authedProcedure
    .input(byId)
    .output(sessionDetailSchema)
    .mutation(({ ctx, input }) => sessions.startSession(ctx.services, ctx.actor, input.id)),

  end: authedProcedure
    .input(byId)
    .output(sessionDetailSchema)
    .mutation(({ ctx, input }) => sessions.endSession(ctx.services, ctx.actor, input.id)),

  delete: adminProcedure
    .input(byId)
    .output(z.null())
    .mutation(async ({ ctx, input }) => {
      await sessions.deleteSession(ctx.services.db, ctx.actor, input.id);
      return null;
    }),

  /** The history page's figures over recent completed interviews, in one query. */
  stats: authedProcedure
    .input(sessionStatsInput)
    .output(sessionStatsSchema)
    .query(({ ctx, input }) => sessions.sessionStats(ctx.services.db, ctx.actor, input)),

  feedbacks: authedProcedure
    .input(pageInput.extend({ session_id: idSchema }))
    .output(pageOf(feedbackSchema))
    .query(({ ctx, input: { session_id, ...page } }) =>
      feedback.listSessionFeedback(ctx.services.db, ctx.actor, session_id, page),
    ),
});
