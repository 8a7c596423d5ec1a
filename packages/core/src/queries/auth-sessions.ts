import { type Kysely, sql } from 'kysely';
import { prepare } from '../db/prepared.ts';
import type { Database, NewAuthSessionRow } from '../db/types.ts';
import { rolesOf } from './users.ts';

/** Every authenticated request runs this: session, user and roles in one round trip, compiled once. */
export const findSessionAndUser = prepare('auth_session_and_user', (db, p: { sessionId: string }) =>
  db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.expires_at',
      's.absolute_expires_at',
      'u.id as user_id',
      'u.email',
      'u.username',
      'u.active',
      'u.created_at',
    ])
    .select(rolesOf('u.id').as('roles'))
    .where('s.id', '=', p.sessionId),
);

export const listAuthSessionsOfUser = (db: Kysely<Database>, userId: string) =>
  db.selectFrom('auth_sessions').selectAll().where('user_id', '=', userId).execute();

export const insertAuthSession = (db: Kysely<Database>, row: NewAuthSessionRow) =>
  db.insertInto('auth_sessions').values(row).execute();

/** Sliding expiry never passes the absolute cap. */
export const slideAuthSession = (db: Kysely<Database>, id: string, expiresAt: Date) =>
  db
    .updateTable('auth_sessions')
    .set({ expires_at: sql`least(${expiresAt}::timestamptz, absolute_expires_at)` })
    .where('id', '=', id)
    .execute();

export const deleteAuthSession = (db: Kysely<Database>, id: string) =>
  db.deleteFrom('auth_sessions').where('id', '=', id).execute();

export const deleteAuthSessionsOfUser = (db: Kysely<Database>, userId: string, exceptId?: string) => {
  let q = db.deleteFrom('auth_sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.execute();
};

/** Logins past either expiry (the server sweeps hourly: lucia only drops one it is shown). */
export const deleteExpiredAuthSessions = (db: Kysely<Database>) =>
  db
    .deleteFrom('auth_sessions')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', sql<Date>`now()`), eb('absolute_expires_at', '<=', sql<Date>`now()`)]),
    )
    .execute();
