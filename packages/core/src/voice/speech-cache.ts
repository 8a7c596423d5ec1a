/**
 * The audio of questions already read aloud, so a replay (or a reload of the room) does not pay
 * the speech server again. In memory, not in a table: the audio can always be made again (a miss
 * costs one call, say on another instance), it is worth keeping only while the question is the
 * current one, and a table would grow with every question of every session. Bounded by bytes;
 * the least recently used entry goes first. Requests for the same key while it is being made
 * share that one call.
 */
import type { Speech } from './speaker.ts';

export class SpeechCache {
  private readonly entries = new Map<string, Speech>();
  private readonly pending = new Map<string, Promise<Speech>>();
  private size = 0;

  constructor(readonly maxBytes: number) {}

  get bytes(): number {
    return this.size;
  }

  get(key: string): Speech | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting makes this the most recently used
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** The cached audio, or `make`'s (cached when it succeeds and fits; a failure is not cached). */
  async getOrMake(key: string, make: () => Promise<Speech>): Promise<{ speech: Speech; cached: boolean }> {
    const hit = this.get(key);
    if (hit) return { speech: hit, cached: true };
    const inFlight = this.pending.get(key);
    if (inFlight) return { speech: await inFlight, cached: true };
    const made = make();
    this.pending.set(key, made);
    try {
      const speech = await made;
      this.put(key, speech);
      return { speech, cached: false };
    } finally {
      this.pending.delete(key);
    }
  }

  private put(key: string, speech: Speech): void {
    const n = speech.bytes.length;
    if (n > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.size -= old.bytes.length;
      this.entries.delete(key);
    }
    while (this.size + n > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Speech];
      this.entries.delete(oldestKey);
      this.size -= oldest.bytes.length;
    }
    this.entries.set(key, speech);
    this.size += n;
  }
}
