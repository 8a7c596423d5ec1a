import { describe, expect, it } from 'vitest';
import type { TimedWord } from '../schemas/delivery.ts';
import { computeDelivery, LONG_PAUSE_SECONDS, longPauses, PACE_RANGE, SUGGESTED_SECONDS } from './metrics.ts';

/** Words spoken back to back from `start`, each `each` seconds long. */
function spoken(text: string, start: number, each: number): TimedWord[] {
  return text.split(' ').map((word, i) => ({ word, start: start + i * each, end: start + (i + 1) * each }));
}

describe('computeDelivery: voice with word timings', () => {
  it('measures pace over the talk, not the leading silence', () => {
    // 60 words at 0.4 s each = 24 s of talk after 5 s of silence → 150 words a minute
    const words = spoken(Array.from({ length: 60 }, (_, i) => `w${i}`).join(' '), 5, 0.4);
    const d = computeDelivery({ text: words.map((w) => w.word).join(' '), category: 'technical', words });
    expect(d.source).toBe('voice');
    expect(d.word_count).toBe(60);
    expect(d.talk_seconds).toBe(24);
    expect(d.words_per_minute).toBe(150);
    expect(d.pace).toBe('within');
    expect(d.long_pauses).toEqual([]);
    expect(d.length).toBe('under'); // 24 s against 45–120 s
  });

  it('calls a fast and a slow speaker so', () => {
    const fast = spoken(Array.from({ length: 40 }, () => 'go').join(' '), 0, 0.25); // 240 wpm
    const slow = spoken(Array.from({ length: 40 }, () => 'go').join(' '), 0, 0.75); // 80 wpm
    expect(computeDelivery({ text: '', category: 'technical', words: fast })).toMatchObject({
      words_per_minute: 240,
      pace: 'over',
    });
    expect(computeDelivery({ text: '', category: 'technical', words: slow })).toMatchObject({
      words_per_minute: 80,
      pace: 'under',
    });
    expect(PACE_RANGE.min).toBeLessThan(PACE_RANGE.max);
  });

  it('finds each silence of at least the threshold, with the word before it', () => {
    const words: TimedWord[] = [
      { word: 'First', start: 0, end: 0.4 },
      { word: 'I', start: 0.5, end: 0.6 },
      { word: 'checked', start: 0.7, end: 1.1 },
      { word: 'the', start: 1.1 + LONG_PAUSE_SECONDS, end: 3.3 }, // exactly the threshold
      { word: 'logs', start: 3.4, end: 3.8 },
      { word: 'then', start: 3.8 + LONG_PAUSE_SECONDS - 0.1, end: 6 }, // just under: a breath
      { word: 'restarted', start: 10.5, end: 11 },
    ];
    expect(longPauses(words)).toEqual([
      { after: 'checked', at_seconds: 1.1, seconds: 2 },
      { after: 'then', at_seconds: 6, seconds: 4.5 },
    ]);
    const d = computeDelivery({
      text: 'First I checked the logs then restarted',
      category: 'technical',
      words,
    });
    expect(d.long_pauses).toHaveLength(2);
    expect(d.talk_seconds).toBe(11);
  });

  it('sorts words by time before looking for pauses', () => {
    const words: TimedWord[] = [
      { word: 'b', start: 5, end: 5.5 },
      { word: 'a', start: 0, end: 0.5 },
    ];
    expect(longPauses(words)).toEqual([{ after: 'a', at_seconds: 0.5, seconds: 4.5 }]);
  });

  it('compares talk time with the suggested length of the question category', () => {
    const twoMinutes = spoken(Array.from({ length: 280 }, () => 'x').join(' '), 0, 0.5); // 140 s
    expect(computeDelivery({ text: '', category: 'technical', words: twoMinutes }).length).toBe('over');
    expect(computeDelivery({ text: '', category: 'behavioural', words: twoMinutes }).length).toBe('within');
    expect(SUGGESTED_SECONDS.behavioural.max).toBeGreaterThan(140);
  });
});

describe('computeDelivery: voice without word timings', () => {
  it('uses the recording length for pace and talk time, and cannot see pauses', () => {
    const text = Array.from({ length: 100 }, () => 'word').join(' ');
    const d = computeDelivery({ text, category: 'situational', durationSeconds: 50 });
    expect(d).toMatchObject({
      source: 'voice',
      word_count: 100,
      words_per_minute: 120,
      pace: 'within',
      talk_seconds: 50,
      long_pauses: null,
      length: 'within',
    });
  });
});

describe('computeDelivery: fillers and hedges', () => {
  const text =
    'Um, so I think we, uh, basically rewrote the cache. Um I guess it was, like, maybe two weeks. You know how caches are. You know, I am not sure it was right.';

  it('counts fillers and hedges separately and quotes them in context', () => {
    const d = computeDelivery({ text, category: 'technical' });
    const fillers = Object.fromEntries(d.fillers.found.map((f) => [f.phrase, f.count]));
    const hedges = Object.fromEntries(d.hedges.found.map((f) => [f.phrase, f.count]));
    // "You know how caches are" is a real sentence, not a filler
    expect(fillers).toEqual({ um: 2, uh: 1, basically: 1, like: 1, 'you know': 1 });
    expect(hedges).toEqual({ 'I think': 1, 'I guess': 1, maybe: 1, 'not sure': 1 });
    expect(d.fillers.count).toBe(6);
    expect(d.hedges.count).toBe(4);
    expect(d.fillers.per_100_words).toBeCloseTo((6 * 100) / d.word_count, 1);
    expect(d.fillers.found[0]).toEqual({
      phrase: 'um',
      count: 2,
      quotes: ['Um, so I think…', '…rewrote the cache. Um I guess it…'],
    });
    expect(d.hedges.found.find((h) => h.phrase === 'not sure')!.quotes).toEqual([
      '…are. You know, I am not sure it was right.',
    ]);
  });

  it('finds nothing in a plain answer', () => {
    const d = computeDelivery({
      text: 'I rewrote the cache in two weeks and cut p99 by 40%.',
      category: 'technical',
    });
    expect(d.fillers).toEqual({ count: 0, per_100_words: 0, found: [] });
    expect(d.hedges.count).toBe(0);
  });
});

describe('computeDelivery: typed answers', () => {
  it('gives the text-only figures: no pace, pauses or talk time; length from the words', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    const short = computeDelivery({ text: words(30), category: 'technical' });
    expect(short).toMatchObject({
      source: 'text',
      word_count: 30,
      words_per_minute: null,
      pace: null,
      long_pauses: null,
      talk_seconds: null,
      length: 'under', // 30 words ≈ 13 s spoken
    });
    expect(computeDelivery({ text: words(200), category: 'technical' }).length).toBe('within'); // ≈ 86 s
    expect(computeDelivery({ text: words(400), category: 'technical' }).length).toBe('over'); // ≈ 171 s
  });
});
