import { DomainError } from '@ai-interviewer/core';

/**
 * Fixed-window counters in memory, for login and register (per IP and per account).
 * One process is the unit we run; a multi-instance deployment would move this to the database.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt for every key; throws 429 if any is over its limit. */
  hit(...keys: string[]): void {
    const now = Date.now();
    if (this.hits.size > 50_000) this.sweep(now);
    let retryAfter = 0;
    for (const key of keys) {
      const entry = this.hits.get(key);
      if (!entry || entry.resetAt <= now) {
        this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
        continue;
      }
      entry.count += 1;
      if (entry.count > this.limit) retryAfter = Math.max(retryAfter, entry.resetAt - now);
    }
    if (retryAfter > 0) {
      throw new DomainError(
        'RATE_LIMITED',
        `Too many attempts; try again in ${Math.ceil(retryAfter / 1000)} s`,
      );
    }
  }

  private sweep(now: number) {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}
