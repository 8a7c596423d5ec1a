import { describe, expect, it } from 'vitest';
import { computeDelivery } from '../delivery/metrics.ts';
import { measureAnswer } from '../engine/offline/signals.ts';
import type { JobContext, QuestionContext } from '../engine/types.ts';
import { FILLERS, HEDGES, TENTATIVE_PHRASES } from './fillers-and-hedges.ts';

const job: JobContext = {
  title: 'Backend engineer',
  description: 'Build APIs.',
  skills: 'PostgreSQL',
  experience: 'mid',
};
const question: QuestionContext = {
  text: 'How would you speed up a slow query?',
  category: 'technical',
  skill: 'PostgreSQL',
  is_follow_up: false,
};

describe('one list of fillers and hedges', () => {
  it('gives each phrase one kind', () => {
    const phrases = TENTATIVE_PHRASES.map((p) => p.phrase);
    expect(new Set(phrases).size).toBe(phrases.length);
    expect(FILLERS.length + HEDGES.length).toBe(TENTATIVE_PHRASES.length);
    for (const p of TENTATIVE_PHRASES) expect(p.re.flags).toContain('g');
  });

  it('the delivery figures and the grader find the same phrases, the same number of times', () => {
    const text =
      'Um, so I think we, uh, basically rewrote the cache. You know how caches are. You know, I am not sure, kind of, and stuff like that. I just, like, added an index or something.';
    const d = computeDelivery({ text, category: 'technical' });
    const delivery = Object.fromEntries(
      [...d.fillers.found, ...d.hedges.found].map((f) => [f.phrase, f.count]),
    );
    const graded = Object.fromEntries(
      measureAnswer(job, question, text).hedges.found.map((f) => [f.phrase, f.count]),
    );
    expect(graded).toEqual(delivery);
    // a phrase is a filler or a hedge, never both: "kind of" fills, "not sure" hedges
    expect(d.fillers.found.map((f) => f.phrase)).toContain('kind of');
    expect(d.hedges.found.map((f) => f.phrase)).not.toContain('kind of');
    expect(d.hedges.found.map((f) => f.phrase)).toContain('not sure');
    // "you know how caches are" is a sentence: neither side counts it
    expect(delivery['you know']).toBe(1);
  });
});
