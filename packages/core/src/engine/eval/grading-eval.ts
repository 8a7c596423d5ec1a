/**
 * Measures a grader on the labelled set: does it order answers of known quality correctly, and
 * does it give the same answer the same score when asked again?
 */
import { EngineError } from '../errors.ts';
import type { InterviewerProvider } from '../types.ts';
import { LABELLED_SET, type LabelledQuestion, QUALITY_ORDER, type Quality } from './labelled-set.ts';

export interface GradingEvalOptions {
  /** questions to use (default: the whole labelled set) */
  set?: readonly LabelledQuestion[];
  /** how many times each consistency sample is graded (default 5) */
  repeats?: number;
  /** how many answers are re-graded for consistency (default 4: the "fair" answers of the first 4 questions, where graders wobble most) */
  consistencySamples?: number;
  /** parallel requests (default 4; the offline provider is synchronous anyway) */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface QuestionResult {
  id: string;
  scores: Record<Quality, number | null>;
  /** strong > fair > weak > off-topic, all graded */
  ordered: boolean;
  /** correctly ordered pairs out of 6 */
  pairsCorrect: number;
  errors: string[];
}

export interface ConsistencySample {
  id: string;
  quality: Quality;
  scores: number[];
  spread: number;
  stddev: number;
}

export interface GradingEvalResult {
  evaluator: string;
  questions: QuestionResult[];
  /** fraction of questions ordered strong > fair > weak > off-topic */
  orderingAccuracy: number;
  /** fraction of (better, worse) answer pairs scored better > worse */
  pairwiseAccuracy: number;
  /** mean score per quality level */
  meanByQuality: Record<Quality, number | null>;
  consistency: {
    samples: ConsistencySample[];
    maxSpread: number;
    meanStddev: number;
  };
  /** grading calls that failed (EngineError etc.) */
  failures: number;
  durationMs: number;
}

export async function runGradingEval(
  provider: InterviewerProvider,
  opts: GradingEvalOptions = {},
): Promise<GradingEvalResult> {
  const set = opts.set ?? LABELLED_SET;
  const repeats = Math.max(1, opts.repeats ?? 5);
  const sampleCount = Math.min(set.length, Math.max(0, opts.consistencySamples ?? 4));
  const started = Date.now();

  type Job = { q: LabelledQuestion; quality: Quality; round: number };
  const jobs: Job[] = [];
  for (const q of set) for (const quality of QUALITY_ORDER) jobs.push({ q, quality, round: 0 });
  const samples = set.slice(0, sampleCount).map((q) => ({ q, quality: 'fair' as Quality }));
  // Round 0 of a sample is its ordinary grading; only the extra rounds are added.
  for (const s of samples) for (let round = 1; round < repeats; round++) jobs.push({ ...s, round });

  const results = new Map<string, (number | null)[]>();
  const errors = new Map<string, string[]>();
  let done = 0;
  let failures = 0;
  await pool(jobs, opts.concurrency ?? 4, async (job) => {
    const key = `${job.q.id}/${job.quality}`;
    let score: number | null = null;
    try {
      const e = await provider.evaluateAnswer({
        job: job.q.job,
        question: job.q.question,
        answer: job.q.answers[job.quality],
      });
      score = e.score;
    } catch (err) {
      failures++;
      const list = errors.get(job.q.id) ?? [];
      list.push(
        `${job.quality}: ${err instanceof EngineError ? `${err.kind}: ` : ''}${(err as Error).message}`,
      );
      errors.set(job.q.id, list);
    }
    const list = results.get(key) ?? [];
    list[job.round] = score;
    results.set(key, list);
    opts.onProgress?.(++done, jobs.length);
  });

  const first = (id: string, quality: Quality) => results.get(`${id}/${quality}`)?.[0] ?? null;
  const questions: QuestionResult[] = set.map((q) => {
    const scores = Object.fromEntries(QUALITY_ORDER.map((k) => [k, first(q.id, k)])) as Record<
      Quality,
      number | null
    >;
    let pairsCorrect = 0;
    for (let i = 0; i < QUALITY_ORDER.length; i++) {
      for (let j = i + 1; j < QUALITY_ORDER.length; j++) {
        const better = scores[QUALITY_ORDER[i]!];
        const worse = scores[QUALITY_ORDER[j]!];
        if (better !== null && worse !== null && better > worse) pairsCorrect++;
      }
    }
    return { id: q.id, scores, ordered: pairsCorrect === 6, pairsCorrect, errors: errors.get(q.id) ?? [] };
  });

  const meanByQuality = Object.fromEntries(
    QUALITY_ORDER.map((k) => {
      const xs = questions.map((q) => q.scores[k]).filter((x): x is number => x !== null);
      return [k, xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null];
    }),
  ) as Record<Quality, number | null>;

  const consistencySamples: ConsistencySample[] = samples.map(({ q, quality }) => {
    const scores = (results.get(`${q.id}/${quality}`) ?? []).filter(
      (x): x is number => typeof x === 'number',
    );
    return { id: q.id, quality, scores, spread: spread(scores), stddev: stddev(scores) };
  });

  return {
    evaluator: provider.evaluator,
    questions,
    orderingAccuracy: questions.filter((q) => q.ordered).length / Math.max(1, questions.length),
    pairwiseAccuracy: questions.reduce((a, q) => a + q.pairsCorrect, 0) / Math.max(1, questions.length * 6),
    meanByQuality,
    consistency: {
      samples: consistencySamples,
      maxSpread: Math.max(0, ...consistencySamples.map((s) => s.spread)),
      meanStddev: consistencySamples.length
        ? consistencySamples.reduce((a, s) => a + s.stddev, 0) / consistencySamples.length
        : 0,
    },
    failures,
    durationMs: Date.now() - started,
  };
}

function spread(xs: number[]): number {
  return xs.length ? Math.max(...xs) - Math.min(...xs) : 0;
}

/** Population standard deviation. */
function stddev(xs: number[]): number {
  if (xs.length === 0) return 0;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length);
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

/** The result as a readable report (used by `pnpm eval:grading`). */
export function formatGradingEval(r: GradingEvalResult): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number | null) => (x === null ? '  –' : String(x).padStart(3));
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines: string[] = [];
  lines.push(`Grading eval — evaluator ${r.evaluator} — ${r.questions.length} questions × 4 answers`);
  lines.push('');
  lines.push(`${pad('question', 24)} strong fair weak off-topic  ordered  pairs`);
  for (const q of r.questions) {
    lines.push(
      `${pad(q.id, 24)} ${num(q.scores.strong)}    ${num(q.scores.fair)}  ${num(q.scores.weak)}  ${num(q.scores.off_topic)}       ${q.ordered ? 'yes' : 'NO '}      ${q.pairsCorrect}/6`,
    );
    for (const e of q.errors) lines.push(`    error: ${e}`);
  }
  const mean = (x: number | null) => (x === null ? '–' : x.toFixed(1));
  lines.push('');
  lines.push(
    `mean score        strong ${mean(r.meanByQuality.strong)}  fair ${mean(r.meanByQuality.fair)}  weak ${mean(r.meanByQuality.weak)}  off-topic ${mean(r.meanByQuality.off_topic)}`,
  );
  lines.push(
    `ordering accuracy ${pct(r.orderingAccuracy)}  (questions with strong > fair > weak > off-topic)`,
  );
  lines.push(`pairwise accuracy ${pct(r.pairwiseAccuracy)}  (answer pairs in the right order)`);
  lines.push('');
  lines.push('rerun consistency (same answer graded repeatedly)');
  for (const s of r.consistency.samples) {
    lines.push(
      `  ${pad(`${s.id}/${s.quality}`, 30)} scores ${s.scores.join(' ')}  spread ${s.spread}  stddev ${s.stddev.toFixed(2)}`,
    );
  }
  lines.push(`  max spread ${r.consistency.maxSpread}  mean stddev ${r.consistency.meanStddev.toFixed(2)}`);
  lines.push('');
  lines.push(`failures ${r.failures}  time ${(r.durationMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}
