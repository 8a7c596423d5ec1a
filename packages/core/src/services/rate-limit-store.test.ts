import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { unique } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import { PostgresRateLimitStore } from './rate-limit-store.ts';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase({ poolMax: 8 });
});
afterAll(async () => {
  await h?.close();
});

describe('PostgresRateLimitStore', () => {
  it('counts concurrent hits from several stores (instances) exactly once each', async () => {
    const stores = [new PostgresRateLimitStore(h.db), new PostgresRateLimitStore(h.db)];
    const key = `login:ip:${unique()}`;
    const hits = await Promise.all(Array.from({ length: 40 }, (_, i) => stores[i % 2]!.hit(key, 60_000)));
    expect(hits.map((x) => x.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    for (const x of hits) {
      expect(x.msLeft).toBeGreaterThan(50_000);
      expect(x.msLeft).toBeLessThanOrEqual(60_000);
    }
  });

  it('a window that ended starts again at 1; keys are counted apart', async () => {
    const store = new PostgresRateLimitStore(h.db);
    const key = `login:account:${unique()}`;
    expect((await store.hit(key, 300)).count).toBe(1);
    expect((await store.hit(key, 300)).count).toBe(2);
    expect((await store.hit(`${key}:other`, 300)).count).toBe(1);
    await new Promise((r) => setTimeout(r, 350));
    const again = await store.hit(key, 300);
    expect(again.count).toBe(1);
    expect(again.msLeft).toBeGreaterThan(200);
  });

  it('ended windows are swept, live ones kept', async () => {
    const store = new PostgresRateLimitStore(h.db, 3);
    const ended = `sweep:${unique()}`;
    const live = `sweep:${unique()}`;
    await store.hit(ended, 50);
    await store.hit(live, 60_000);
    await new Promise((r) => setTimeout(r, 100));
    await store.hit(live, 60_000); // the third hit sweeps first
    const keys = (await h.db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key);
    expect(keys).not.toContain(ended);
    expect(keys).toContain(live);
  });
});
