import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, FeedbackRow, FeedbackUpdate, NewFeedbackRow } from '../db/types.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const insertFeedback = (db: Db, row: NewFeedbackRow) =>
  db.insertInto('feedback').values(row).returningAll().executeTakeFirstOrThrow();

export const findFeedback = (db: Db, id: string) =>
  db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirst();

export const updateFeedbackRow = (db: Db, id: string, patch: FeedbackUpdate): Promise<FeedbackRow> =>
  db
    .updateTable('feedback')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteFeedbackRow = (db: Db, id: string) =>
  db.deleteFrom('feedback').where('id', '=', id).execute();

export async function listFeedback(
  db: Db,
  f: { limit: number; offset: number; sessionId?: string | undefined; userId?: string | undefined },
): Promise<{ items: FeedbackRow[]; total: number }> {
  let base = db.selectFrom('feedback');
  if (f.sessionId) base = base.where('session_id', '=', f.sessionId);
  if (f.userId) base = base.where('user_id', '=', f.userId);
  // A session's feedback reads in answer order; the admin list newest first.
  const ordered = f.sessionId
    ? base.selectAll().orderBy('created_at').orderBy('id')
    : base.selectAll().orderBy('created_at', 'desc').orderBy('id');
  const [items, count] = await Promise.all([
    ordered.limit(f.limit).offset(f.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.n };
}

/** Every feedback of a session, in answer order (for scoring and the transcript). */
export const allFeedbackOfSession = (db: Db, sessionId: string) =>
  db
    .selectFrom('feedback')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const recordAiUsage = (db: Db, userId: string, kind: string) =>
  db.insertInto('ai_usage').values({ user_id: userId, kind }).execute();

export const countAiUsageSince = async (db: Db, userId: string, since: Date): Promise<number> =>
  (
    await db
      .selectFrom('ai_usage')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('user_id', '=', userId)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow()
  ).n;
