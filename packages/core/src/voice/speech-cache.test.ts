import { describe, expect, it } from 'vitest';
import type { Speech } from './speaker.ts';
import { SpeechCache } from './speech-cache.ts';

const speech = (bytes: number): Speech => ({
  bytes: Buffer.alloc(bytes),
  kind: { mime: 'audio/mpeg', ext: 'mp3' },
});

describe('SpeechCache', () => {
  it('makes each key once; later calls are served from memory', async () => {
    const cache = new SpeechCache(1000);
    let made = 0;
    const make = async () => {
      made++;
      return speech(100);
    };
    expect((await cache.getOrMake('q1', make)).cached).toBe(false);
    expect((await cache.getOrMake('q1', make)).cached).toBe(true);
    expect(made).toBe(1);
  });

  it('shares one call between concurrent requests for the same key', async () => {
    const cache = new SpeechCache(1000);
    let made = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const make = async () => {
      made++;
      await gate;
      return speech(10);
    };
    const both = Promise.all([cache.getOrMake('q', make), cache.getOrMake('q', make)]);
    release();
    const [a, b] = await both;
    expect(made).toBe(1);
    expect(a.speech).toBe(b.speech);
  });

  it('stays within its bytes, dropping the least recently used first', async () => {
    const cache = new SpeechCache(300);
    await cache.getOrMake('a', async () => speech(100));
    await cache.getOrMake('b', async () => speech(100));
    await cache.getOrMake('c', async () => speech(100));
    cache.get('a'); // used again: b is now the oldest
    await cache.getOrMake('d', async () => speech(100));
    expect(cache.bytes).toBeLessThanOrEqual(300);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
    // larger than the whole cache: served, never kept
    await cache.getOrMake('huge', async () => speech(301));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.bytes).toBeLessThanOrEqual(300);
  });

  it('does not keep a failure: the next call tries again', async () => {
    const cache = new SpeechCache(1000);
    await expect(
      cache.getOrMake('q', async () => {
        throw new Error('speech server down');
      }),
    ).rejects.toThrow('speech server down');
    expect((await cache.getOrMake('q', async () => speech(5))).cached).toBe(false);
  });
});
