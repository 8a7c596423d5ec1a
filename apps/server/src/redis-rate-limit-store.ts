import { DomainError, type RateLimitHit, type RateLimitStore } from '@ai-interviewer/core';
import { Redis } from 'ioredis';
import { EnvError } from './env.ts';

/**
 * One round trip, atomic in Redis: count the hit, start the window's expiry on its first hit,
 * return the count and the milliseconds left.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return {count, left}
`;

/** Rate-limit counters in Redis (REDIS_URL): shared by every instance that points at it. */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;

  constructor(
    private readonly url: string,
    private readonly prefix = 'ai-interviewer:rate:',
  ) {
    // Fail fast while Redis is unreachable (503) instead of queueing commands until it returns.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
    this.redis.on('error', () => {}); // reconnects by itself; commands meanwhile fail with 503
  }

  /** Connects now, so a wrong REDIS_URL stops the start instead of the first login. */
  async connect(): Promise<void> {
    // ioredis rejects with "Connection is closed."; the reason is the last 'error' it emitted
    let reason: Error | undefined;
    const keep = (e: Error) => {
      reason = e;
    };
    this.redis.on('error', keep);
    try {
      await this.redis.connect();
    } catch (e) {
      this.redis.disconnect(); // no reconnecting in the background of a start that stops
      const { host } = new URL(this.url); // host and port only: the URL may carry a password
      throw new EnvError(
        `Cannot connect to Redis at ${host} (REDIS_URL): ${(reason ?? (e as Error)).message}. ` +
          'Check REDIS_URL, or unset it to count the rate limits in PostgreSQL.',
      );
    } finally {
      this.redis.off('error', keep);
    }
  }

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    try {
      const [count, msLeft] = (await this.redis.eval(HIT_SCRIPT, 1, this.prefix + key, windowMs)) as [
        number,
        number,
      ];
      return { count, msLeft };
    } catch {
      throw new DomainError('UNAVAILABLE', 'The rate-limit store (Redis) is unavailable; try again shortly');
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
