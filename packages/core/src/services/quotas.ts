import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { rateLimited } from '../errors.ts';
import {
  type CreationKind,
  creationsSince,
  lockUserForCreation,
  recordCreation,
} from '../queries/creations.ts';
import { type Actor, isAdmin } from './actor.ts';

const HOUR_MS = 3_600_000;
const NAMES: Record<CreationKind, string> = { session: 'interview sessions', job: 'job descriptions' };

/**
 * Runs `create` inside a transaction that first counts what the actor created of `kind` in the
 * last hour: at `perHour` it refuses (429, with when the oldest leaves the window). Admins, and a
 * quota of 0 or unset, are not counted. The user's row is locked, so concurrent creations queue.
 */
export async function withCreationQuota<T>(
  db: Kysely<Database>,
  actor: Actor,
  kind: CreationKind,
  perHour: number | undefined,
  create: (db: Kysely<Database> | Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (!perHour || isAdmin(actor)) return create(db);
  return db.transaction().execute(async (trx) => {
    await lockUserForCreation(trx, actor.id);
    const now = Date.now();
    const { count, oldest } = await creationsSince(trx, actor.id, kind, new Date(now - HOUR_MS));
    if (count >= perHour) {
      const retryMs = oldest ? oldest.getTime() + HOUR_MS - now : HOUR_MS;
      throw rateLimited(`You can create at most ${perHour} ${NAMES[kind]} per hour`, retryMs);
    }
    await recordCreation(trx, actor.id, kind);
    return create(trx);
  });
}
