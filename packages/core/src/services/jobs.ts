import type { Kysely } from 'kysely';
import type { Database, JobRow } from '../db/types.ts';
import { forbidden, notFound } from '../errors.ts';
import * as q from '../queries/jobs.ts';
import type { Page } from '../schemas/common.ts';
import type { CreateJobInput, Job, ListJobsInput, UpdateJobInput } from '../schemas/jobs.ts';
import { isAdmin, type MaybeActor, requireActor } from './actor.ts';
import { toJob } from './mappers.ts';
import { withCreationQuota } from './quotas.ts';

type Db = Kysely<Database>;

/** Public jobs are visible to everyone; a private one only to its owner and admins. */
export const canSeeJob = (actor: MaybeActor, job: Pick<JobRow, 'visibility' | 'created_by'>) =>
  job.visibility === 'public' || isAdmin(actor) || (actor !== null && job.created_by === actor.id);

/** Admins edit anything; a candidate edits only their own private job. */
const canEditJob = (actor: MaybeActor, job: Pick<JobRow, 'visibility' | 'created_by'>) =>
  isAdmin(actor) || (actor !== null && job.visibility === 'private' && job.created_by === actor.id);

export async function listJobs(db: Db, actor: MaybeActor, input: ListJobsInput): Promise<Page<Job>> {
  const viewer = actor === null ? null : isAdmin(actor) ? 'all' : actor.id;
  const { items, total } = await q.listJobs(db, { ...input, viewer });
  return { items: items.map(toJob), total, limit: input.limit, offset: input.offset };
}

/** Loads a job the actor may see, or 404 without revealing that it exists. */
export async function loadVisibleJob(db: Db, actor: MaybeActor, id: string): Promise<JobRow> {
  const row = await q.findJob(db, id);
  if (!row || !canSeeJob(actor, row)) throw notFound('Job description');
  return row;
}

export const getJob = async (db: Db, actor: MaybeActor, id: string): Promise<Job> =>
  toJob(await loadVisibleJob(db, actor, id));

/** `perHour`: the candidate's hourly quota of new job descriptions (see withCreationQuota). */
export async function createJob(
  db: Db,
  actor: MaybeActor,
  input: CreateJobInput,
  perHour?: number,
): Promise<Job> {
  const me = requireActor(actor);
  const admin = isAdmin(me);
  if (!admin && input.visibility === 'public') {
    throw forbidden('visibility: only admins publish to the public catalogue');
  }
  const row = await withCreationQuota(db, me, 'job', perHour, (tx) =>
    q.insertJob(tx, {
      title: input.title,
      description: input.description,
      skills: input.skills,
      experience: input.experience,
      visibility: input.visibility ?? (admin ? 'public' : 'private'),
      created_by: me.id,
    }),
  );
  return toJob(row);
}

/**
 * The system's own catalogue (no acting user, no owner): adds the entries whose title is not in the
 * public catalogue yet, so it can run at every start and from the CLI. Returns how many it added.
 */
export async function seedPublicCatalogue(
  db: Db,
  entries: Omit<CreateJobInput, 'visibility'>[],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const titles = new Set(await q.publicJobTitles(trx));
    const missing = entries.filter((e) => !titles.has(e.title));
    await q.insertJobs(
      trx,
      missing.map((e) => ({ ...e, visibility: 'public' as const, created_by: null })),
    );
    return missing.length;
  });
}

async function loadEditableJob(db: Db, actor: MaybeActor, id: string): Promise<JobRow> {
  requireActor(actor);
  const row = await loadVisibleJob(db, actor, id);
  if (!canEditJob(actor, row)) throw forbidden('Only an admin can change a public job description');
  return row;
}

export async function updateJob(db: Db, actor: MaybeActor, id: string, input: UpdateJobInput): Promise<Job> {
  await loadEditableJob(db, actor, id);
  if (input.visibility === 'public' && !isAdmin(actor)) {
    throw forbidden('visibility: only admins publish to the public catalogue');
  }
  const row = await q.updateJobRow(db, id, input);
  if (!row) throw notFound('Job description');
  return toJob(row);
}

/** Sessions keep a copy of the job, so deleting it never loses a candidate's interview. */
export async function deleteJob(db: Db, actor: MaybeActor, id: string): Promise<void> {
  await loadEditableJob(db, actor, id);
  await q.deleteJobRow(db, id);
}
