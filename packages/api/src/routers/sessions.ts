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
import { idParam } from '../inputs.ts';
import { adminProcedure, authedProcedure, router } from '../trpc.ts';

const tag = 'Sessions';
const object = 'owner or admin';

export const sessionsRouter = router({
  list: adminProcedure({
    input: listSessionsInput,
    output: pageOf(sessionListItemSchema),
    rest: { method: 'GET', path: '/sessions', status: 200, tag, summary: 'List every interview session' },
  }).query(({ ctx, input }) => sessions.listSessions(ctx.services.db, ctx.actor, input)),

  /** A pending session for the caller. */
  create: authedProcedure({
    input: createSessionInput,
    output: sessionDetailSchema,
    rest: {
      method: 'POST',
      path: '/sessions',
      status: 201,
      tag,
      summary: 'Create a pending interview session for yourself',
    },
  }).mutation(({ ctx, input }) =>
    sessions.createSession(
      ctx.services.db,
      ctx.actor,
      input,
      ctx.services.interviewer.limits.sessionsPerHour,
    ),
  ),

  /** With its questions, the current one and progress: everything the interview room needs after a reload. */
  get: authedProcedure({
    input: idParam,
    output: sessionDetailSchema,
    rest: {
      method: 'GET',
      path: '/sessions/:id',
      status: 200,
      tag,
      object,
      summary: 'A session with its questions, the current question and progress',
    },
  }).query(({ ctx, input }) => sessions.getSessionDetail(ctx.services.db, ctx.actor, input.id)),

  /** The only status PATCH sets is "cancelled" (start and end are their own steps); any other → 409. */
  cancel: authedProcedure({
    input: patchSessionInput.extend(idParam.shape),
    output: sessionDetailSchema,
    rest: {
      method: 'PATCH',
      path: '/sessions/:id',
      status: 200,
      tag,
      object,
      summary: 'Cancel a pending or ongoing session ({"status": "cancelled"}; any other status: 409)',
    },
  }).mutation(({ ctx, input }) =>
    sessions.setSessionStatus(ctx.services.db, ctx.actor, input.id, input.status),
  ),

  start: authedProcedure({
    input: idParam,
    output: sessionDetailSchema,
    rest: {
      method: 'POST',
      path: '/sessions/:id/start',
      status: 200,
      tag,
      object,
      summary: 'pending → ongoing: plan the questions and make the first one current',
    },
  }).mutation(({ ctx, input }) => sessions.startSession(ctx.services, ctx.actor, input.id)),

  end: authedProcedure({
    input: idParam,
    output: sessionDetailSchema,
    rest: {
      method: 'POST',
      path: '/sessions/:id/end',
      status: 200,
      tag,
      object,
      summary: 'ongoing → completed: overall score (0-100), transcript and summary',
    },
  }).mutation(({ ctx, input }) => sessions.endSession(ctx.services, ctx.actor, input.id)),

  delete: adminProcedure({
    input: idParam,
    output: z.null(),
    rest: {
      method: 'DELETE',
      path: '/sessions/:id',
      status: 204,
      tag,
      summary: 'Delete a session and its feedback',
    },
  }).mutation(async ({ ctx, input }) => {
    await sessions.deleteSession(ctx.services.db, ctx.actor, input.id);
    return null;
  }),

  /** The history page's figures over recent completed interviews, in one query. */
  stats: authedProcedure({
    input: sessionStatsInput,
    output: sessionStatsSchema,
    rest: {
      method: 'GET',
      path: '/users/:user_id/stats',
      status: 200,
      tag: 'Users',
      object: 'owner or admin',
      summary:
        "A user's recent completed interviews with scores per skill and delivery figures (the history page's figures, in one query)",
    },
  }).query(({ ctx, input }) => sessions.sessionStats(ctx.services.db, ctx.actor, input)),

  feedbacks: authedProcedure({
    input: pageInput.extend({ session_id: idSchema }),
    output: pageOf(feedbackSchema),
    rest: {
      method: 'GET',
      path: '/sessions/:session_id/feedbacks',
      status: 200,
      tag,
      object,
      summary: "A session's feedback, in answer order",
    },
  }).query(({ ctx, input: { session_id, ...page } }) =>
    feedback.listSessionFeedback(ctx.services.db, ctx.actor, session_id, page),
  ),
});
