import { rateLimited } from '@ai-interviewer/core';

/** One counter to hit: a key ("login:account:<id>") and how many hits a window allows it. */
export type Check = readonly [key: string, limit: number];

/**
 * Fixed-window counters in memory, for login, register and password checks.
 * One process is the unit we run; a multi-instance deployment would move this to the database.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly windowMs: number) {}

  /** Counts one attempt against every check; throws 429 (with when to retry) if any is over its limit. */
  hit(...checks: Check[]): void {
    const now = Date.now();
    if (this.hits.size > 50_000) this.sweep(now);
    let retryAfter = 0;
    for (const [key, limit] of checks) {
      const entry = this.hits.get(key);
      if (!entry || entry.resetAt <= now) {
        this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
        continue;
      }
      entry.count += 1;
      if (entry.count > limit) retryAfter = Math.max(retryAfter, entry.resetAt - now);
    }
    if (retryAfter > 0) throw rateLimited('Too many attempts', retryAfter);
  }

  private sweep(now: number) {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
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

  constructor(opts: AuthRateLimit) {
    this.limiter = new RateLimiter(opts.windowMs);
    this.perAddress = opts.limit;
    this.perAccount = opts.accountLimit ?? opts.limit;
  }

  register(ip: string): void {
    this.limiter.hit([`register:ip:${ip}`, this.perAddress]);
  }

  /**
   * A login, or a current-password check of a logged-in user: both guess the same password, so
   * they share the account's counters.
   */
  passwordAttempt(ip: string, account: string): void {
    this.limiter.hit(
      [`password:ip:${ip}`, this.perAddress],
      [`password:pair:${account}:${ip}`, this.perAddress],
      [`password:account:${account}`, this.perAccount],
    );
  }
}
