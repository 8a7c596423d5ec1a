import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/types.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Counts one hit on `key` in its fixed window, atomically (the row lock of the upsert orders
 * concurrent hits from any instance): a new or expired window starts at 1 and ends `windowMs`
 * from now. Returns the count so far and the milliseconds left in the window (by the
 * database's clock, the one every instance shares).
 */
export const hitRateLimit = async (
  db: Db,
  key: string,
  windowMs: number,
): Promise<{ count: number; ms_left: number }> =>
  (
    await sql<{ count: number; ms_left: number }>`
      INSERT INTO rate_limits AS r (key, count, reset_at)
      VALUES (${key}, 1, now() + make_interval(secs => ${windowMs / 1000}))
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.count + 1 END,
        reset_at = CASE WHEN r.reset_at <= now() THEN excluded.reset_at ELSE r.reset_at END
      RETURNING count, (extract(epoch FROM r.reset_at - now()) * 1000)::float8 AS ms_left`.execute(db)
  ).rows[0]!;

/** Forgets windows that ended (they would restart at 1 anyway): keeps the table small. */
export const deleteExpiredRateLimits = (db: Db) =>
  db.deleteFrom('rate_limits').where('reset_at', '<=', sql<Date>`now()`).execute();
