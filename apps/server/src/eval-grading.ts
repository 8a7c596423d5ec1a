/**
 * `pnpm eval:grading`: grades the labelled set (core's engine/eval dataset and the first set) with
 * the interviewer the environment configures — parsed by env.ts, the same rules as the server
 * (AI_PROVIDER, OPENAI_*) — and prints, for dev and test apart, the figures of grading-eval.ts.
 * EVAL_DATASET_DIR, EVAL_REPEATS, EVAL_SAMPLES and EVAL_CONCURRENCY are described in env.ts.
 * Exit code 1 when any grading call failed, 2 when the configuration is invalid.
 */
import { formatGradingEval, loadEvalSet, runGradingEval } from '@ai-interviewer/core';
import { interviewerFromEnv } from './bootstrap.ts';
import { aiProviderOf, EnvError, loadEnv } from './env.ts';

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv();
} catch (e) {
  if (!(e instanceof EnvError)) throw e;
  console.error(e.message);
  process.exit(2);
}
const offline = aiProviderOf(env) === 'offline';
const { provider } = interviewerFromEnv(env);
const set = loadEvalSet(env.EVAL_DATASET_DIR);
const rssBefore = process.memoryUsage().rss;
const result = await runGradingEval(provider, set, {
  repeats: env.EVAL_REPEATS,
  consistencySamples: env.EVAL_SAMPLES,
  // offline, one at a time: each answer's time is its own
  concurrency: env.EVAL_CONCURRENCY ?? (offline ? 1 : 4),
  timingRuns: offline ? 3 : 0,
  onProgress: (done, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\rgrading ${done}/${total}`);
  },
});
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
console.log(formatGradingEval(result));
// What grading added to the process (the grader's resources, plus this run's results).
console.log(
  `RSS ${((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(1)} MB above the start of grading`,
);
process.exitCode = result.failures > 0 ? 1 : 0;
