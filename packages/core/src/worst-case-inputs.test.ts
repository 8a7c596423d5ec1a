/**
 * Every function that runs a regular expression over text a user wrote (answers, job descriptions,
 * skills, experience, emails, usernames) must cost time linear in its length: a backtracking
 * regex like `/[./'’-]+$/` once let one 40,000-character word cost 1.4 s of CPU (issue #12).
 *
 * Each function gets the inputs that make backtracking regexes blow up — long runs of one
 * character, and of alternating pairs, between characters that end a match — at 50,000
 * characters, where a linear pass costs milliseconds and a quadratic one seconds.
 */
import { describe, expect, it } from 'vitest';
import { evaluateOffline, planOffline } from './engine/offline/index.ts';
import { scanForInjection } from './engine/offline/injection.ts';
import { parseLevel } from './engine/offline/level.ts';
import { detectDomain } from './engine/offline/lexicon.ts';
import { mentionsSkill, parseSkills, skillsMentioned, skillVocabulary } from './engine/skills.ts';
import { contentStems, countWords, normalizeKey, splitSentences, tokenize, truncate } from './engine/text.ts';
import type { JobContext, QuestionContext } from './engine/types.ts';
import { registerInput, updateUserInput } from './schemas/users.ts';

/** Beyond every field's bound (the longest, a job description, is 20,000 characters). */
const SIZE = 50_000;
/**
 * Far above what a linear pass over 50,000 characters costs (≤ 60 ms here, on a busy core), far
 * below what the quadratic regexes found cost at that size (2 to 7 s).
 */
const BOUND_MS = 500;

const RUN_CHARS = [
  ...'./\'’-,;:"“”()[]{}|•·+#%&<>@_*!?=\\0a ',
  '\n',
  '\t',
  '\r\n',
  'ab',
  'a.',
  'a ',
  '1,',
  '1.',
  '( ',
  '. ',
  'a-',
  'a@',
  '.a',
];

/** The strings that defeat backtracking regexes, about n characters each. */
function adversarial(n: number): string[] {
  const out: string[] = [];
  for (const unit of RUN_CHARS) {
    const run = unit.repeat(Math.ceil(n / unit.length));
    out.push(`a${run}b`, `a${run}!`, `a${run}`, `${run}b`);
  }
  const words = ['reduc', 'u', 'er', 'hm', 'ignore ', 'give me ', '10 ', 'node.js ', 'senior ', 'i was '];
  for (const w of words) out.push(w.repeat(Math.ceil(n / w.length)));
  out.push(`reduc${'a'.repeat(n)}`, `${'a'.repeat(n)}@${'a'.repeat(8)}`);
  return out;
}

const question: QuestionContext = {
  text: 'Tell me about a time you made a slow PostgreSQL query fast.',
  category: 'technical',
  skill: 'PostgreSQL',
  is_follow_up: false,
};
const job = (text: string): JobContext => ({
  title: 'Engineer',
  description: text,
  skills: text,
  experience: text,
});

const subjects: [string, (text: string) => unknown][] = [
  ['tokenize', tokenize],
  ['countWords', countWords],
  ['splitSentences', splitSentences],
  ['normalizeKey', normalizeKey],
  ['truncate', (t) => truncate(t, 200)],
  ['contentStems', contentStems],
  ['parseSkills', parseSkills],
  ['skillVocabulary', skillVocabulary],
  ['mentionsSkill', (t) => mentionsSkill(t, 'PostgreSQL')],
  ['skillsMentioned', (t) => skillsMentioned(t, ['Node.js', 'C++', 'SQL', 'ci/cd'])],
  ['parseLevel', (t) => parseLevel(t, t)],
  ['detectDomain', (t) => detectDomain(t, t)],
  ['scanForInjection', scanForInjection],
  ['evaluateOffline (answer)', (t) => evaluateOffline(job('Build APIs in Node.js'), question, t)],
  ['evaluateOffline (job)', (t) => evaluateOffline(job(t), question, 'I cut p99 from 800 ms to 90 ms.')],
  ['planOffline (job)', (t) => planOffline({ job: job(t), count: 5, focus: 'mixed', seed: 'x' })],
  ['registerInput (email, username)', (t) => registerInput.safeParse({ email: t, username: t, password: t })],
  ['updateUserInput', (t) => updateUserInput.safeParse({ email: t, username: t })],
];

/** Milliseconds for one call; a slow one is timed again (GC or a busy core), the faster kept. */
function timeMs(fn: (text: string) => unknown, input: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2 && best >= BOUND_MS / 2; i++) {
    const t0 = performance.now();
    fn(input);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('worst-case inputs cost linear time', () => {
  it.each(subjects)('%s', (_name, fn) => {
    for (const input of adversarial(200)) fn(input); // warm up: the first calls compile and fill caches
    for (const input of adversarial(SIZE)) {
      const ms = timeMs(fn, input);
      expect(
        ms,
        `${JSON.stringify(input.slice(0, 12))}… (${input.length} chars) took ${ms.toFixed(0)} ms`,
      ).toBeLessThan(BOUND_MS);
    }
  });
});
