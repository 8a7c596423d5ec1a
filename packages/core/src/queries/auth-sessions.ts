import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/types.ts';

export const deleteAuthSessionsOfUser = (db: Kysely<Database>, userId: string, exceptId?: string) => {
  let q = db.deleteFrom('auth_sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.execute();
};

export const deleteExpiredAuthSessions = (db: Kysely<Database>) =>
  db
    .deleteFrom('auth_sessions')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', sql<Date>`now()`), eb('absolute_expires_at', '<=', sql<Date>`now()`)]),
    )
    .execute();
