import { type Kysely, sql } from 'kysely';
import { prepare } from '../db/prepared.ts';
import type { Database, JobRow, JobUpdate, NewJobRow } from '../db/types.ts';
import { escapeLike } from './users.ts';

type Db = Kysely<Database>;

export interface JobFilter {
  limit: number;
  offset: number;
  q?: string | undefined;
  skill?: string | undefined;
  visibility?: 'public' | 'private' | undefined;
  /** null: the public catalogue only; a user id: public plus that user's private ones; 'all': everything (admin). */
  viewer: string | null | 'all';
}

/** Which filters a list applies: one compiled query per combination (see db/prepared.ts). */
interface JobListShape {
  viewer: 'public' | 'user' | 'all';
  visibility: boolean;
  q: boolean;
  skill: boolean;
}
interface JobListParams {
  viewer: string;
  visibility: string;
  q: string;
  skill: string;
  limit: number;
  offset: number;
}

function filteredJobs(db: Db, p: JobListParams, shape: JobListShape) {
  let base = db.selectFrom('job_descriptions');
  if (shape.viewer === 'public') base = base.where('visibility', '=', 'public');
  else if (shape.viewer === 'user') {
    base = base.where((eb) =>
      eb.or([
        eb('visibility', '=', 'public'),
        eb.and([eb('visibility', '=', 'private'), eb('created_by', '=', p.viewer)]),
      ]),
    );
  }
  if (shape.visibility) base = base.where('visibility', '=', p.visibility as JobRow['visibility']);
  if (shape.q) {
    base = base.where((eb) =>
      eb.or([eb('title', 'ilike', p.q), eb('description', 'ilike', p.q), eb('skills', 'ilike', p.q)]),
    );
  }
  if (shape.skill) base = base.where('skills', 'ilike', p.skill);
  return base;
}

/**
 * A page and the total in one round trip: the window count is computed over the filtered rows
 * before LIMIT/OFFSET apply, so every row of the page carries the total.
 */
const jobsPage = prepare('jobs_page', (db, p: JobListParams, shape: JobListShape) =>
  filteredJobs(db, p, shape)
    .selectAll()
    .select(sql<number>`count(*) over ()::int`.as('total'))
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(p.limit)
    .offset(p.offset),
);
/** Only for a page past the end (no row to carry the total). */
const jobsCount = prepare('jobs_count', (db, p: JobListParams, shape: JobListShape) =>
  filteredJobs(db, p, shape).select(sql<number>`count(*)::int`.as('n')),
);

export async function listJobs(db: Db, f: JobFilter): Promise<{ items: JobRow[]; total: number }> {
  const shape: JobListShape = {
    viewer: f.viewer === null ? 'public' : f.viewer === 'all' ? 'all' : 'user',
    visibility: f.visibility !== undefined,
    q: Boolean(f.q),
    skill: Boolean(f.skill),
  };
  const params: JobListParams = {
    viewer: typeof f.viewer === 'string' ? f.viewer : '',
    visibility: f.visibility ?? '',
    q: f.q ? `%${escapeLike(f.q)}%` : '',
    skill: f.skill ? `%${escapeLike(f.skill)}%` : '',
    limit: f.limit,
    offset: f.offset,
  };
  const rows = await jobsPage(db, params, shape);
  const first = rows[0];
  if (first === undefined) {
    const total = params.offset > 0 ? ((await jobsCount(db, params, shape))[0]?.n ?? 0) : 0;
    return { items: [], total };
  }
  // the rows keep their `total` column: toJob picks the fields it returns
  return { items: rows, total: first.total };
}

export const findJob = (db: Db, id: string) =>
  db.selectFrom('job_descriptions').selectAll().where('id', '=', id).executeTakeFirst();

export const insertJob = (db: Db, row: NewJobRow) =>
  db.insertInto('job_descriptions').values(row).returningAll().executeTakeFirstOrThrow();

export const publicJobTitles = async (db: Db): Promise<string[]> =>
  (await db.selectFrom('job_descriptions').select('title').where('visibility', '=', 'public').execute()).map(
    (r) => r.title,
  );

export async function insertJobs(db: Db, rows: NewJobRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('job_descriptions').values(rows).execute();
}

export const updateJobRow = (db: Db, id: string, patch: JobUpdate): Promise<JobRow | undefined> =>
  db
    .updateTable('job_descriptions')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();

export const deleteJobRow = (db: Db, id: string) =>
  db.deleteFrom('job_descriptions').where('id', '=', id).execute();

/** A deleted user's private jobs go with them; the public ones they wrote stay in the catalogue. */
export const deletePrivateJobsOf = (db: Db, userId: string) =>
  db
    .deleteFrom('job_descriptions')
    .where('created_by', '=', userId)
    .where('visibility', '=', 'private')
    .execute();
