import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { deleteExpiredRateLimits, hitRateLimit } from '../queries/rate-limits.ts';

/**
 * Where rate-limit counters live: fixed windows, one counter per key. The policy (which keys,
 * which limits) is the caller's; a store only counts, atomically, for every instance that
 * shares it.
 */
export interface RateLimitHit {
  count: number;
  msLeft: number;
}

export interface RateLimitStore {
  /**
   * Counts one hit on `key` and returns the count in its window and the milliseconds left in
   * it; a window of `windowMs` starts at the first hit after the last one ended.
   */
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
  close(): Promise<void>;
}

/** Counters in PostgreSQL (the default): shared by every instance on the database. */
export class PostgresRateLimitStore implements RateLimitStore {
  private hits = 0;

  constructor(
    private readonly db: Kysely<Database>,
    /** Ended windows are deleted once every this many hits. */
    private readonly sweepEvery = 1000,
  ) {}

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    if (++this.hits % this.sweepEvery === 0) await deleteExpiredRateLimits(this.db);
    const row = await hitRateLimit(this.db, key, windowMs);
    return { count: row.count, msLeft: row.ms_left };
  }

  async close(): Promise<void> {}
}
