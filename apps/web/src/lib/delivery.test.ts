import { describe, expect, it } from 'vitest';
import { delivery } from '../test/fixtures.ts';
import { deliveryTrend, lengthText, paceText, phrasesText, seconds } from './delivery.ts';

describe('delivery words', () => {
  it('says the pace against the comfortable range, and nothing for a typed answer', () => {
    expect(paceText(delivery())).toBe('150 words a minute (comfortable; 110–170 is comfortable)');
    expect(paceText(delivery({ words_per_minute: 190, pace: 'over' }))).toMatch(/^190 words a minute \(fast/);
    expect(paceText(delivery({ words_per_minute: null, pace: null, source: 'text' }))).toBeNull();
  });

  it('says the length in talk time, or in words for a typed answer', () => {
    expect(lengthText(delivery({ talk_seconds: 150, length: 'over' }))).toBe(
      '2 min 30 s of talk: long (suggested 45 s – 2 min 00 s)',
    );
    expect(
      lengthText(delivery({ talk_seconds: null, word_count: 30, length: 'under', source: 'text' })),
    ).toBe('30 words, short for a spoken answer (suggested 45 s – 2 min 00 s)');
    expect(seconds(59.6)).toBe('60 s');
  });

  it('lists the phrases with their counts', () => {
    expect(phrasesText(delivery().fillers)).toBe('“um” ×2');
    expect(phrasesText({ count: 0, per_100_words: 0, found: [] })).toBe('none');
  });
});

describe('deliveryTrend', () => {
  it('one row per interview, oldest first, with spoken pace averaged over spoken answers only', () => {
    const rows = deliveryTrend([
      {
        id: 'b',
        label: 'Later',
        date: '2025-03-02T00:00:00.000Z',
        feedbacks: [
          {
            delivery: delivery({
              words_per_minute: 140,
              word_count: 100,
              fillers: { count: 1, per_100_words: 1, found: [] },
            }),
          },
          {
            delivery: delivery({
              source: 'text',
              words_per_minute: null,
              long_pauses: null,
              word_count: 100,
              fillers: { count: 0, per_100_words: 0, found: [] },
            }),
          },
        ],
      },
      {
        id: 'a',
        label: 'Earlier',
        date: '2025-03-01T00:00:00.000Z',
        feedbacks: [{ delivery: delivery({ words_per_minute: 180, word_count: 50 }) }, { delivery: null }],
      },
      {
        id: 'c',
        label: 'Nothing measured',
        date: '2025-03-03T00:00:00.000Z',
        feedbacks: [{ delivery: null }],
      },
    ]);
    expect(rows.map((r) => r.sessionId)).toEqual(['a', 'b']);
    expect(rows[0]).toMatchObject({
      answers: 1,
      spoken: 1,
      wordsPerMinute: 180,
      fillersPer100: 4,
      longPauses: 1,
    });
    expect(rows[1]).toMatchObject({
      answers: 2,
      spoken: 1,
      wordsPerMinute: 140,
      fillersPer100: 0.5,
      longPauses: 1,
    });
  });
});
