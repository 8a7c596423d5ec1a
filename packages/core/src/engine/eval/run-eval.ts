/**
 * `pnpm eval:grading`: grades the labelled set with the configured provider and prints ordering
 * accuracy and rerun consistency.
 *
 * Env: AI_PROVIDER (offline | openai; default offline, or openai when OPENAI_API_KEY is set and
 * AI_PROVIDER is unset), OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL (default gpt-4o-mini),
 * EVAL_REPEATS (default 5), EVAL_SAMPLES (answers re-graded, default 4), EVAL_CONCURRENCY (default 4).
 * Exit code 1 when any grading call failed.
 */
import { createProvider, type ProviderConfig } from '../create-provider.ts';
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

const provider = createProvider(configFromEnv());
const result = await runGradingEval(provider, {
  repeats: intEnv('EVAL_REPEATS', 5),
  consistencySamples: intEnv('EVAL_SAMPLES', 4),
  concurrency: Math.max(1, intEnv('EVAL_CONCURRENCY', 4)),
  onProgress: (done, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\rgrading ${done}/${total}`);
  },
});
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
console.log(formatGradingEval(result));
process.exitCode = result.failures > 0 ? 1 : 0;
