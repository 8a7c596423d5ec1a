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
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

/** Read-only share links to one report (issue #14). */
export const sharesRouter = router({
  /** The candidate shares a completed report: the token is in this answer only. */
  create: authedProcedure
    .input(createShareInput)
    .output(createdShareLinkSchema)
    .mutation(({ ctx, input }) => shares.createShareLink(ctx.services.db, ctx.actor, input)),

  list: authedProcedure
    .input(z.strictObject({ session_id: idSchema }))
    .output(z.array(shareLinkSchema))
    .query(({ ctx, input }) => shares.listShareLinks(ctx.services.db, ctx.actor, input.session_id)),

  revoke: authedProcedure
    .input(z.strictObject({ id: idSchema }))
    .output(shareLinkSchema)
    .mutation(({ ctx, input }) => shares.revokeShareLink(ctx.services.db, ctx.actor, input.id)),

  /** Anyone holding a live token: that one report, nothing about its owner. */
  view: publicProcedure
    .input(z.strictObject({ token: shareTokenSchema }))
    .output(sharedReportSchema)
    .query(({ ctx, input }) => shares.viewSharedReport(ctx.services.db, input.token)),
});
