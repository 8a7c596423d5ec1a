import {
  createJobInput,
  jobSchema,
  jobs,
  listJobsInput,
  pageOf,
  replaceJobInput,
  updateJobInput,
} from '@ai-interviewer/core';
import { z } from 'zod';
import { idParam } from '../inputs.ts';
import { authedProcedure, publicProcedure, router } from '../trpc.ts';

const tag = 'Job descriptions';
/** Catalogue jobs are admins'; a candidate edits only their own private ones (others: 404). */
const object = 'admin, or the owner of a private one';

export const jobsRouter = router({
  /** The public catalogue, plus the caller's own private jobs (all of them for admins). */
  list: publicProcedure({
    input: listJobsInput,
    output: pageOf(jobSchema),
    rest: {
      method: 'GET',
      path: '/jobs',
      status: 200,
      tag,
      summary: 'The public catalogue, plus your own private job descriptions when logged in',
    },
  }).query(({ ctx, input }) => jobs.listJobs(ctx.services.db, ctx.actor, input)),

  get: publicProcedure({
    input: idParam,
    output: jobSchema,
    rest: {
      method: 'GET',
      path: '/jobs/:id',
      status: 200,
      tag,
      summary: 'Get a job description (private ones: owner or admin)',
    },
  }).query(({ ctx, input }) => jobs.getJob(ctx.services.db, ctx.actor, input.id)),

  create: authedProcedure({
    input: createJobInput,
    output: jobSchema,
    rest: {
      method: 'POST',
      path: '/jobs',
      status: 201,
      tag,
      summary: 'Create a job description: public for admins, private (yours) for candidates',
    },
  }).mutation(({ ctx, input }) =>
    jobs.createJob(ctx.services.db, ctx.actor, input, ctx.services.interviewer.limits.jobsPerHour),
  ),

  update: authedProcedure({
    input: updateJobInput.extend(idParam.shape),
    output: jobSchema,
    rest: {
      method: 'PATCH',
      path: '/jobs/:id',
      status: 200,
      tag,
      object,
      summary: 'Update a job description',
    },
  }).mutation(({ ctx, input: { id, ...patch } }) => jobs.updateJob(ctx.services.db, ctx.actor, id, patch)),

  replace: authedProcedure({
    input: replaceJobInput.extend(idParam.shape),
    output: jobSchema,
    rest: {
      method: 'PUT',
      path: '/jobs/:id',
      status: 200,
      tag,
      object,
      summary: 'Replace a job description',
    },
  }).mutation(({ ctx, input: { id, ...patch } }) => jobs.updateJob(ctx.services.db, ctx.actor, id, patch)),

  delete: authedProcedure({
    input: idParam,
    output: z.null(),
    rest: {
      method: 'DELETE',
      path: '/jobs/:id',
      status: 204,
      tag,
      object,
      summary: 'Delete a job description (sessions keep their copy of it)',
    },
  }).mutation(async ({ ctx, input }) => {
    await jobs.deleteJob(ctx.services.db, ctx.actor, input.id);
    return null;
  }),
});
