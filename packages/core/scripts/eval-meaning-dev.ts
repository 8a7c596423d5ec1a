/**
 * Dev-split-only comparison of the meaning options (offline/meaning): MEANING=none|rank|vec|both
 * (default both). Prints the dev figures of `pnpm eval:grading` and never grades the test split.
 *   pnpm --filter @ai-interviewer/core exec tsx scripts/eval-meaning-dev.ts
 */

import { loadEvalSet } from '../src/engine/eval/dataset/load.ts';
import { formatGradingEval, runGradingEval } from '../src/engine/eval/grading-eval.ts';
import { MEANING_OPTIONS } from '../src/engine/offline/meaning/index.ts';
import { createOfflineProvider } from '../src/engine/offline/provider.ts';

const mode = process.env.MEANING ?? 'both';
MEANING_OPTIONS.rank = mode === 'rank' || mode === 'both';
MEANING_OPTIONS.relevance = mode === 'vec' || mode === 'both';
const dev = loadEvalSet().filter((q) => q.split === 'dev');
const rss = process.memoryUsage().rss;
const r = await runGradingEval(createOfflineProvider(), dev, {
  repeats: 2,
  consistencySamples: 2,
  concurrency: 1,
  timingRuns: process.env.TIMING ? 3 : 0,
});
const out = formatGradingEval(r);
console.log(process.env.ROWS ? out : out.slice(out.indexOf('== dev')));
console.log(`mode ${mode}; RSS +${((process.memoryUsage().rss - rss) / 2 ** 20).toFixed(1)} MB`);
