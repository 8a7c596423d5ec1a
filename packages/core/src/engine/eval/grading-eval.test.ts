import { describe, expect, it } from 'vitest';
import { createOfflineProvider } from '../offline/provider.ts';
import type { InterviewerProvider } from '../types.ts';
import { firstSetQuestions, loadEvalSet } from './dataset/load.ts';
import { FROZEN_SPLIT } from './dataset/split.ts';
import {
  formatGradingEval,
  INSTRUCTION_ONLY,
  missedTargets,
  runGradingEval,
  spearman,
  TARGETS,
  TRAP_KINDS,
} from './grading-eval.ts';

describe('the labelled set', () => {
  const set = loadEvalSet();
  it('holds dev and test families as split by the frozen rule, with unique ids', () => {
    expect(new Set(set.map((q) => q.id)).size).toBe(set.length);
    for (const q of set) {
      const frozen = (FROZEN_SPLIT as Record<string, string>)[q.family];
      if (frozen) expect(q.split, q.id).toBe(frozen);
    }
    expect(set.filter((q) => q.split === 'test').length).toBeGreaterThanOrEqual(3);
  });
});

/**
 * What CI holds on the test split. Issue #11's targets (TARGETS) are enforced where the grader
 * meets them. Four it does not meet yet (issue #11 stays open for them; `pnpm eval:grading`
 * prints them as TARGETS MISSED): for those CI holds the figures this grader reached, so a change
 * can only keep or improve them. Raise a floor when the grader improves; never lower one.
 */
const FLOORS_WHILE_TARGETS_MISSED = {
  pairwise: 0.78,
  strongBelowFloorAtMost: 20,
  otherQuestionBelowFair: 0.79,
  injectedAtMostWeak: 0.95,
};

describe('runGradingEval on the offline provider', () => {
  it('holds the targets of issue #11 it meets on the test split, and the floors of the ones it misses', async () => {
    const r = await runGradingEval(createOfflineProvider(), loadEvalSet(), {
      repeats: 3,
      consistencySamples: 4,
      concurrency: 1,
      timingRuns: 3,
    });
    expect(r.failures).toBe(0);
    const test = r.splits.find((s) => s.split === 'test');
    expect(test, 'no test split').toBeDefined();
    // One assertion per figure so a failure names it (aggregates only: never per-question).
    const floors = FLOORS_WHILE_TARGETS_MISSED;
    expect(test!.pairwiseAccuracy, 'pairwise').toBeGreaterThanOrEqual(floors.pairwise);
    expect(test!.strongFloor.violations, 'strong/paraphrase below 6').toBeLessThanOrEqual(
      floors.strongBelowFloorAtMost,
    );
    for (const trap of TRAP_KINDS)
      expect(test!.trapBelowFair[trap].rate, trap).toBeGreaterThanOrEqual(
        trap === 'other_question' ? floors.otherQuestionBelowFair : TARGETS.trapBelowFair,
      );
    expect(test!.instructionOnly.rate, 'instruction-only').toBe(TARGETS.resisted);
    expect(test!.injected.rate, 'injected ≤ weak').toBeGreaterThanOrEqual(floors.injectedAtMostWeak);
    expect(test!.rerun.maxSpread, 'rerun spread').toBe(TARGETS.rerunSpread);
    expect(test!.rerun.samples).toBeGreaterThan(0);
    // Speed is not asserted here: a timed assertion fails on a busy machine, not on a slow grader.
    // `pnpm eval:grading` measures p99 per answer and prints it against its target.
  }, 60_000);
});

describe('runGradingEval measures what it claims', () => {
  const set = firstSetQuestions().slice(0, 4);

  it('derives the traps and instruction-only answers, and catches a grader that falls for them', async () => {
    // A grader that scores by length: copies and other questions' stories beat fair answers.
    const byLength: InterviewerProvider = {
      evaluator: 'test:length',
      planQuestions: async () => [],
      summarise: async () => ({ summary: '', skill_notes: [] }),
      evaluateAnswer: async ({ answer }) => ({
        score: Math.min(10, Math.round(answer.split(/\s+/).length / 10)),
        feedback: '',
        strengths: [],
        improvements: [],
        skills_shown: [],
        follow_up: null,
      }),
    };
    const r = await runGradingEval(byLength, set, { repeats: 2, consistencySamples: 1 });
    const dev = r.splits[0]!;
    expect(dev.split).toBe('dev');
    expect(dev.trapBelowFair.copied.n).toBe(4);
    expect(dev.trapBelowFair.other_question.n).toBe(4);
    expect(dev.trapBelowFair.other_question.rate).toBeLessThan(1);
    expect(dev.instructionOnly.n).toBe(4);
    expect(dev.rerun.maxSpread).toBe(0);
    expect(missedTargets(dev, r.timing).length).toBeGreaterThan(0);
    expect(formatGradingEval(r)).toMatch(/TARGETS MISSED/);
    expect(INSTRUCTION_ONLY.length).toBeGreaterThanOrEqual(4);
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
    const r = await runGradingEval(flaky, set, { repeats: 3, consistencySamples: 2, concurrency: 1 });
    expect(r.failures).toBe(1);
    expect(r.splits[0]!.pairwiseAccuracy).toBeLessThan(1);
    expect(r.splits[0]!.rerun.maxSpread).toBeGreaterThan(0);
    expect(r.questions[0]!.errors[0]).toMatch(/off_topic: boom/);
  });

  it('computes Spearman with ties', () => {
    expect(
      spearman([
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
    ).toBeCloseTo(1);
    expect(
      spearman([
        [1, 3],
        [2, 2],
        [3, 1],
      ]),
    ).toBeCloseTo(-1);
    expect(
      spearman([
        [1, 5],
        [1, 5],
        [2, 5],
      ]),
    ).toBeNull();
    expect(
      spearman([
        [1, 1],
        [1, 2],
        [2, 3],
        [2, 3],
      ]),
    ).toBeCloseTo(4 / Math.sqrt(18), 6);
  });
});
