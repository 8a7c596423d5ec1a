/**
 * `pnpm eval:grading`: grades the labelled set (dataset/*.json and the first set) with the
 * configured provider and prints, for dev and test apart, the figures of grading-eval.ts.
 *
 * Env: AI_PROVIDER (offline | openai; default offline, or openai when OPENAI_API_KEY is set and
 * AI_PROVIDER is unset), OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL (default gpt-4o-mini),
 * EVAL_DATASET_DIR (folder of family files, default dataset/), EVAL_REPEATS (default 5), EVAL_SAMPLES (answers re-graded per split, default 4), EVAL_CONCURRENCY
 * (default 4 for a model, 1 offline so each answer's time is its own).
 * Exit code 1 when any grading call failed.
 */
import { createProvider, type ProviderConfig } from '../create-provider.ts';
import { loadEvalSet } from './dataset/load.ts';
import { formatGradingEval, runGradingEval } from './grading-eval.ts';

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} must be a non-negative integer, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

function configFromEnv(): ProviderConfig {
  const env = process.env;
  const name = (env.AI_PROVIDER || (env.OPENAI_API_KEY ? 'openai' : 'offline')).toLowerCase();
  if (name === 'offline') return { provider: 'offline' };
  if (name !== 'openai') {
    console.error(`AI_PROVIDER must be "offline" or "openai", got "${env.AI_PROVIDER}"`);
    process.exit(2);
  }
  if (!env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
    console.error('AI_PROVIDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)');
    process.exit(2);
  }
  return {
    provider: 'openai',
    openai: {
      apiKey: env.OPENAI_API_KEY || 'not-needed',
      ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
      model: env.OPENAI_MODEL || 'gpt-4o-mini',
    },
  };
}

const config = configFromEnv();
const provider = createProvider(config);
const set = loadEvalSet(process.env.EVAL_DATASET_DIR || undefined);
const rssBefore = process.memoryUsage().rss;
const result = await runGradingEval(provider, set, {
  repeats: intEnv('EVAL_REPEATS', 5),
  consistencySamples: intEnv('EVAL_SAMPLES', 4),
  concurrency: Math.max(1, intEnv('EVAL_CONCURRENCY', config.provider === 'offline' ? 1 : 4)),
  timingRuns: config.provider === 'offline' ? 3 : 0,
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
