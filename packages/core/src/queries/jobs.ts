import { type Kysely, sql } from 'kysely';
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

export async function listJobs(db: Db, f: JobFilter): Promise<{ items: JobRow[]; total: number }> {
  let base = db.selectFrom('job_descriptions');
  if (f.viewer === null) base = base.where('visibility', '=', 'public');
  else if (f.viewer !== 'all') {
    const viewer = f.viewer;
    base = base.where((eb) =>
      eb.or([
        eb('visibility', '=', 'public'),
        eb.and([eb('visibility', '=', 'private'), eb('created_by', '=', viewer)]),
      ]),
    );
  }
  if (f.visibility) base = base.where('visibility', '=', f.visibility);
  if (f.q) {
    const p = `%${escapeLike(f.q)}%`;
    base = base.where((eb) =>
      eb.or([eb('title', 'ilike', p), eb('description', 'ilike', p), eb('skills', 'ilike', p)]),
    );
  }
  if (f.skill) base = base.where('skills', 'ilike', `%${escapeLike(f.skill)}%`);
  const [items, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.n };
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
