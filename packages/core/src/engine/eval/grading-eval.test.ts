import { describe, expect, it } from 'vitest';
import { createOfflineProvider } from '../offline/provider.ts';
import type { InterviewerProvider } from '../types.ts';
import { formatGradingEval, runGradingEval } from './grading-eval.ts';
import { LABELLED_SET, QUALITY_ORDER } from './labelled-set.ts';

describe('labelled set', () => {
  it('has at least 8 questions across at least 4 jobs, each with 4 graded answers', () => {
    expect(LABELLED_SET.length).toBeGreaterThanOrEqual(8);
    expect(new Set(LABELLED_SET.map((q) => q.job.title)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(LABELLED_SET.map((q) => q.id)).size).toBe(LABELLED_SET.length);
    for (const q of LABELLED_SET) {
      for (const quality of QUALITY_ORDER)
        expect(q.answers[quality].trim().length, `${q.id}/${quality}`).toBeGreaterThan(0);
      const words = q.answers.strong.split(/\s+/).length;
      expect(words, q.id).toBeGreaterThanOrEqual(60);
      expect(words, q.id).toBeLessThanOrEqual(200);
    }
  });
});

describe('runGradingEval', () => {
  it('reports perfect ordering and zero spread for the offline provider', async () => {
    const r = await runGradingEval(createOfflineProvider(), { repeats: 5, consistencySamples: 4 });
    expect(r.evaluator).toBe('offline:rubric-v1');
    expect(r.orderingAccuracy).toBe(1);
    expect(r.pairwiseAccuracy).toBe(1);
    expect(r.failures).toBe(0);
    expect(r.consistency.samples).toHaveLength(4);
    expect(r.consistency.samples.every((s) => s.scores.length === 5)).toBe(true);
    expect(r.consistency.maxSpread).toBe(0);
    expect(r.consistency.meanStddev).toBe(0);
    expect(formatGradingEval(r)).toMatch(/ordering accuracy 100\.0%/);
  });

  it('measures disorder, spread and failures of a bad grader', async () => {
    let n = 0;
    const flaky: InterviewerProvider = {
      evaluator: 'test:flaky',
      planQuestions: async () => [],
      summarise: async () => ({ summary: '', skill_notes: [] }),
      evaluateAnswer: async ({ answer }) => {
        n++;
        if (answer.includes('marathon')) throw new Error('boom');
        return {
          score: n % 11,
          feedback: '',
          strengths: [],
          improvements: [],
          skills_shown: [],
          follow_up: null,
        };
      },
    };
    const r = await runGradingEval(flaky, { repeats: 3, consistencySamples: 2, concurrency: 1 });
    expect(r.failures).toBe(1);
    expect(r.orderingAccuracy).toBeLessThan(1);
    expect(r.consistency.maxSpread).toBeGreaterThan(0);
    expect(r.questions[0]!.errors[0]).toMatch(/off_topic: boom/);
  });
});
