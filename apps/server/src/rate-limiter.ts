import { DomainError, type RateLimitStore } from '@ai-interviewer/core';

/**
 * Fixed-window limits for login and register (per IP and per account). The counters live in
 * a store every instance shares (PostgreSQL, or Redis when REDIS_URL is set), so N instances
 * allow what one would.
 */
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt for every key; throws 429 if any is over its limit. */
  async hit(...keys: string[]): Promise<void> {
    const hits = await Promise.all(keys.map((key) => this.store.hit(key, this.windowMs)));
    let retryAfter = 0;
    for (const { count, msLeft } of hits) if (count > this.limit) retryAfter = Math.max(retryAfter, msLeft);
    if (retryAfter > 0) {
      throw new DomainError(
        'RATE_LIMITED',
        `Too many attempts; try again in ${Math.max(1, Math.ceil(retryAfter / 1000))} s`,
      );
    }
  }
}
