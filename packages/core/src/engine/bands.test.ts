import { describe, expect, it } from 'vitest';
import { SCORE_BANDS, scoreBand, scoreLabel } from './bands.ts';
import { LABELLED_SET } from './eval/labelled-set.ts';
import { createOfflineProvider } from './offline/provider.ts';
import type { SummaryItem } from './types.ts';

const SCORES = Array.from({ length: 11 }, (_, i) => i);

describe('score bands', () => {
  it('give every score 0–10 exactly one band, and bands never go down as the score goes up', () => {
    let previous = -1;
    for (const score of SCORES) {
      const matching = SCORE_BANDS.filter(
        (b, i) => score >= b.min && (i === 0 || score < SCORE_BANDS[i - 1]!.min),
      );
      expect(matching, `score ${score}`).toHaveLength(1);
      expect(scoreBand(score)).toBe(matching[0]);
      const rank = SCORE_BANDS.length - SCORE_BANDS.indexOf(scoreBand(score));
      expect(rank).toBeGreaterThanOrEqual(previous);
      previous = rank;
    }
    expect(SCORE_BANDS.at(-1)!.min).toBe(0);
  });

  it('name each band once: no label, verdict or outlook is shared by two bands', () => {
    for (const field of ['answer', 'interview', 'verdict', 'outlook', 'adjective'] as const) {
      const values = SCORE_BANDS.map((b) => b[field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
  });

  it('put an interview score out of 100 in the band of the same answer score out of 10', () => {
    for (const score of SCORES) {
      expect(scoreBand(score * 10, 100).key).toBe(scoreBand(score).key);
      expect(scoreLabel(score * 10, 100)).toBe(scoreBand(score).interview);
      expect(scoreLabel(score)).toBe(scoreBand(score).answer);
    }
    // between the integer bounds, and out of range
    expect(scoreBand(69, 100).key).toBe('solid');
    expect(scoreBand(6.5).key).toBe('solid');
    expect(scoreBand(-3).key).toBe('weak');
    expect(scoreBand(12).key).toBe('excellent');
  });
});

describe('every score gets one consistent label everywhere the engine writes one', () => {
  const provider = createOfflineProvider();
  const job = LABELLED_SET[0]!.job;

  it.each(SCORES)('the offline summary of an interview scoring %i0/100 uses that band', async (score) => {
    const items: SummaryItem[] = [
      {
        question: 'Q?',
        category: 'technical',
        skill: 'Node.js',
        answer: 'I used Node.js.',
        score,
        is_follow_up: false,
      },
    ];
    const { summary, skill_notes } = await provider.summarise({ job, items, overall_score: score * 10 });
    const band = scoreBand(score * 10, 100);
    expect(summary).toContain(`(${band.interview}): ${band.outlook}.`);
    // no other band's words describe the same interview
    for (const other of SCORE_BANDS.filter((b) => b !== band)) {
      expect(summary).not.toContain(other.interview);
      expect(summary).not.toContain(other.outlook);
    }
    const note = skill_notes.find((n) => n.skill === 'Node.js')!.note;
    expect(note).toContain(`: ${scoreBand(score).adjective} (average ${score}/10)`);
  });

  it("the offline feedback opens with its score's band (unless it says the answer misses the question)", async () => {
    const seen = new Set<string>();
    for (const q of LABELLED_SET) {
      for (const answer of Object.values(q.answers)) {
        const graded = await provider.evaluateAnswer({ job: q.job, question: q.question, answer });
        if (graded.feedback.startsWith('This does not answer the question')) continue;
        expect(graded.feedback).toMatch(
          new RegExp(`^${scoreBand(graded.score).verdict} \\(${graded.score}/10\\)\\.`),
        );
        seen.add(scoreBand(graded.score).key);
      }
    }
    // the set spans several bands, so this is not one band checked many times
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});
