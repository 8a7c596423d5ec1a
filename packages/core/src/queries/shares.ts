import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, ShareLinkRow } from '../db/types.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const insertShareLink = (
  db: Db,
  row: { token_hash: string; session_id: string; user_id: string; expires_at: Date },
): Promise<ShareLinkRow> => db.insertInto('share_links').values(row).returningAll().executeTakeFirstOrThrow();

export const findShareLink = (db: Db, id: string): Promise<ShareLinkRow | undefined> =>
  db.selectFrom('share_links').selectAll().where('id', '=', id).executeTakeFirst();

/** The links of one session, oldest first. */
export const listShareLinksOfSession = (db: Db, sessionId: string): Promise<ShareLinkRow[]> =>
  db
    .selectFrom('share_links')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();

export const listShareLinksOfUser = (db: Db, userId: string): Promise<ShareLinkRow[]> =>
  db
    .selectFrom('share_links')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();

/** The link a token opens, only while it is neither revoked nor expired (the clock is the database's). */
export const findLiveShareLinkByHash = (db: Db, tokenHash: string): Promise<ShareLinkRow | undefined> =>
  db
    .selectFrom('share_links')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();

/** Revokes once: a second revoke leaves the first stamp (and returns undefined). */
export const revokeShareLinkRow = (db: Db, id: string): Promise<ShareLinkRow | undefined> =>
  db
    .updateTable('share_links')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
