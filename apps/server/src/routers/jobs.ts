import {
  createJobInput,
  idSchema,
  jobSchema,
  jobs,
  listJobsInput,
  pageOf,
  replaceJobInput,
  updateJobInput,
} from '@ai-interviewer/core';
import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

const byId = z.strictObject({ id: idSchema });

export const jobsRouter = router({
  /** The public catalogue, plus the caller's own private jobs (all of them for admins). */
  list: publicProcedure
    .input(listJobsInput)
    .output(pageOf(jobSchema))
    .query(({ ctx, input }) => jobs.listJobs(ctx.services.db, ctx.actor, input)),

  get: publicProcedure
    .input(byId)
    .output(jobSchema)
    .query(({ ctx, input }) => jobs.getJob(ctx.services.db, ctx.actor, input.id)),

  create: authedProcedure
    .input(createJobInput)
    .output(jobSchema)
    .mutation(({ ctx, input }) =>
      jobs.createJob(ctx.services.db, ctx.actor, input, ctx.services.interviewer.limits.jobsPerHour),
    ),

  update: authedProcedure
    .input(updateJobInput.extend(byId.shape))
    .output(jobSchema)
    .mutation(({ ctx, input: { id, ...patch } }) => jobs.updateJob(ctx.services.db, ctx.actor, id, patch)),

  replace: authedProcedure
    .input(replaceJobInput.extend(byId.shape))
    .output(jobSchema)
    .mutation(({ ctx, input: { id, ...patch } }) => jobs.updateJob(ctx.services.db, ctx.actor, id, patch)),

  delete: authedProcedure
    .input(byId)
    .output(z.null())
    .mutation(async ({ ctx, input }) => {
      await jobs.deleteJob(ctx.services.db, ctx.actor, input.id);
      return null;
    }),
});
