import {
  createdShareLinkSchema,
  createShareInput,
  idSchema,
  sharedReportSchema,
  shareLinkSchema,
  shares,
  shareTokenSchema,
} from '@ai-interviewer/core';
import { z } from 'zod';
import { idParam } from '../inputs.ts';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

const tag = 'Sharing';

/** Read-only share links to one report (issue #14). */
export const sharesRouter = router({
  /** The candidate shares a completed report: the token is in this answer only. */
  create: authedProcedure({
    input: createShareInput,
    output: createdShareLinkSchema,
    rest: {
      method: 'POST',
      path: '/sessions/:session_id/shares',
      status: 201,
      tag,
      object: 'owner (admins: 403)',
      summary:
        'Create a read-only link to a completed report, expiring after 1, 7 or 30 days: the token is returned once (only its hash is kept)',
    },
  }).mutation(({ ctx, input }) => shares.createShareLink(ctx.services.db, ctx.actor, input)),

  list: authedProcedure({
    input: z.strictObject({ session_id: idSchema }),
    output: z.array(shareLinkSchema),
    rest: {
      method: 'GET',
      path: '/sessions/:session_id/shares',
      status: 200,
      tag,
      object: 'owner or admin',
      summary: "A session's share links (revoked and expired ones say so)",
    },
  }).query(({ ctx, input }) => shares.listShareLinks(ctx.services.db, ctx.actor, input.session_id)),

  revoke: authedProcedure({
    input: idParam,
    output: shareLinkSchema,
    rest: {
      method: 'DELETE',
      path: '/shares/:id',
      status: 204,
      tag,
      object: 'owner or admin',
      summary: 'Revoke a share link: it stops working at once',
    },
  }).mutation(({ ctx, input }) => shares.revokeShareLink(ctx.services.db, ctx.actor, input.id)),

  /** Anyone holding a live token: that one report, nothing about its owner. */
  view: publicProcedure({
    input: z.strictObject({ token: shareTokenSchema }),
    output: sharedReportSchema,
    rest: {
      method: 'GET',
      path: '/shared/:token',
      status: 200,
      tag,
      summary:
        'The report behind a live share link: that interview only, nothing about its owner (404 when unknown, revoked or expired)',
    },
  }).query(({ ctx, input }) => shares.viewSharedReport(ctx.services.db, input.token)),
});
