import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type CreationKind = 'session' | 'job';

/** Serialises one user's creations (row lock on the user), so two at once cannot both pass a quota. */
export const lockUserForCreation = (trx: Transaction<Database>, userId: string) =>
  trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();

/** How many of `kind` the user created since `since`, and when the oldest of those was. */
export async function creationsSince(
  db: Db,
  userId: string,
  kind: CreationKind,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('creations')
    .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('created_at').as('oldest')])
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest === null ? null : new Date(row.oldest) };
}

export const recordCreation = (db: Db, userId: string, kind: CreationKind) =>
  db.insertInto('creations').values({ user_id: userId, kind }).execute();
