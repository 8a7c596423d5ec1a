import { type RateLimitStore, rateLimited } from '@ai-interviewer/core';

/** One counter to hit: a key ("password:account:<id>") and how many hits a window allows it. */
export type Check = readonly [key: string, limit: number];

/**
 * Fixed-window counters for login, register and password checks. The counters live in a store
 * every instance shares (PostgreSQL, or Redis when REDIS_URL is set), so N instances allow what
 * one would.
 */
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt against every check; throws 429 (with when to retry) if any is over its limit. */
  async hit(...checks: Check[]): Promise<void> {
    const hits = await Promise.all(checks.map(([key]) => this.store.hit(key, this.windowMs)));
    let retryAfter = 0;
    hits.forEach(({ count, msLeft }, i) => {
      if (count > (checks[i]?.[1] ?? 0)) retryAfter = Math.max(retryAfter, msLeft);
    });
    if (retryAfter > 0) throw rateLimited('Too many attempts', retryAfter);
  }
}

export interface AuthRateLimit {
  /** Attempts per window from one address, and on one account from one address. */
  limit: number;
  /** Attempts per window on one account from all addresses together: much higher, so that
   * guessing from many addresses is capped without letting anyone lock the owner out. */
  accountLimit?: number | undefined;
  windowMs: number;
}

/**
 * The throttles on everything that checks a password or creates an account. Per address, and
 * per (account, address) pair: an attacker is slowed wherever they come from, and failing from
 * ten addresses does not lock the owner out of an eleventh (issue #12). Per account across all
 * addresses only at the much higher `accountLimit`, which bounds a distributed guesser.
 */
export class AuthThrottle {
  private readonly limiter: RateLimiter;
  private readonly perAddress: number;
  private readonly perAccount: number;

  constructor(store: RateLimitStore, opts: AuthRateLimit) {
    this.limiter = new RateLimiter(store, opts.windowMs);
    this.perAddress = opts.limit;
    this.perAccount = opts.accountLimit ?? opts.limit;
  }

  register(ip: string): Promise<void> {
    return this.limiter.hit([`register:ip:${ip}`, this.perAddress]);
  }

  /**
   * A login, or a current-password check of a logged-in user: both guess the same password, so
   * they share the account's counters.
   */
  passwordAttempt(ip: string, account: string): Promise<void> {
    return this.limiter.hit(
      [`password:ip:${ip}`, this.perAddress],
      [`password:pair:${account}:${ip}`, this.perAddress],
      [`password:account:${account}`, this.perAccount],
    );
  }
}
