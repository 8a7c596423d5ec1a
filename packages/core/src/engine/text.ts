/**
 * Small, dependency-free text helpers shared by the skill parser and the offline rubric.
 * Deliberately simple and deterministic: the same text always gives the same tokens.
 */

/**
 * Words as lower-case tokens. Keeps the characters that make technology names distinct
 * ("c++", "c#", "node.js", "ci/cd") but drops sentence punctuation around them.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/[a-z0-9][a-z0-9+#./'’-]*/g) ?? []) {
    // Trailing dots/slashes/quotes are punctuation, not part of the word ("SQL." → "sql").
    const w = trimEnd(raw, "./'’-").replace(/['’]s$/, '');
    if (w) out.push(w);
  }
  return out;
}

/**
 * `s` without any of `chars` at its end. A loop, not `/[./'’-]+$/`: such a regex restarts at
 * every character of a run and scans to its end each time, so "a....….b" cost O(n²)
 * (40,000 characters: 1.4 s of CPU).
 */
export function trimEnd(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1] as string)) end--;
  return s.slice(0, end);
}

/**
 * Drops each "(…)" or "[…]" with the spaces around it ("JavaScript (ES2020+)" → "JavaScript ").
 * What the regex `\s*[([].*?[)\]]\s*` (global) did, in one pass: that regex rescans to the end of the text from
 * every opening bracket that has no closing one (O(n²) on "[[[[…").
 */
export function withoutBracketed(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const open = indexOfAny(s, '([', i);
    const close = open < 0 ? -1 : indexOfAny(s, ')]', open + 1);
    if (close < 0) break;
    out += `${s.slice(i, open).trimEnd()} `;
    i = close + 1;
    while (i < s.length && /\s/.test(s[i] as string)) i++;
  }
  return out + s.slice(i);
}

function indexOfAny(s: string, chars: string, from: number): number {
  for (let i = from; i < s.length; i++) if (chars.includes(s[i] as string)) return i;
  return -1;
}

/** Words as they are written (for counting length); numbers count as words. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’+#.-]*/gu)?.length ?? 0;
}

// Longest suffix first, so "stakeholders" loses "ers" rather than just "s".
const SUFFIXES = [
  'ational',
  'ization',
  'isation',
  'izing',
  'ising',
  'ized',
  'ised',
  'izes',
  'ises',
  'ize',
  'ise',
  'ations',
  'ation',
  'itions',
  'ition',
  'ators',
  'ator',
  'ating',
  'ated',
  'ates',
  'ate',
  'ments',
  'ment',
  'ities',
  'ity',
  'ness',
  'ings',
  'ing',
  'ers',
  'ies',
  'ied',
  'ive',
  'er',
  'ed',
  'es',
  'ly',
  's',
];

/**
 * A light suffix-stripping stemmer (Porter-lite). It only needs to make "managed", "managing",
 * "manager" and "management" meet at one stem, not to be linguistically right. Tokens with
 * digits or symbols (e.g. "s3", "c++") are left alone.
 */
export function stem(word: string): string {
  // Interview answers reuse the same few thousand words: remembering them halves the grader's time.
  const known = stemCache.get(word);
  if (known !== undefined) return known;
  const stemmed = stemUncached(word);
  if (stemCache.size >= 50_000) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}
const stemCache = new Map<string, string>();

function stemUncached(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3 || /[^a-z]/.test(w)) return w;
  for (const suf of SUFFIXES) {
    if (w.endsWith(suf) && w.length - suf.length >= 3) {
      // "process", "status", "analysis": not plurals.
      if (suf === 's' && /(ss|us|sis)$/.test(w)) break;
      w = w.slice(0, -suf.length);
      if (suf === 'ies' || suf === 'ied') w += 'y';
      break;
    }
  }
  // "manage"/"manag", "scale"/"scal", "analyse"/"analys" meet here.
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  // "analyz"/"analys", "optimiz"/"optimis": British and American spellings meet.
  if (w.endsWith('z')) w = `${w.slice(0, -1)}s`;
  // "planned"/"plan", "shipped"/"ship": undo the doubled final consonant.
  if (w.length > 3 && /([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Function words and interview boiler-plate that say nothing about the topic. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then else of to in on at by for with from into onto over under about as is are was were be been being ' +
    'am do does did doing have has had having i me my mine we us our ours you your yours he him his she her they them their it its ' +
    'this that these those there here what which who whom whose when where why how all any both each few more most other some such ' +
    'no nor not only own same so than too very can could should would will shall may might must just also still yet ever ' +
    'up down out off again further once one two get got make made really quite thing things something someone way lot lots ' +
    'tell describe explain walk through give example time times talk please share discuss let us would you like kind sort ' +
    'question answer think know say said use used using work worked working job role'
  ).split(/\s+/),
);

/** Content stems of a text: tokens minus stopwords and very short words, stemmed. */
export function contentStems(text: string | readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of typeof text === 'string' ? tokenize(text) : text) {
    if (STOPWORDS.has(t) || t.length < 3 || /^\d+$/.test(t)) continue;
    out.add(stem(t));
  }
  return out;
}

/** Splits into sentences (good enough for quoting and for dropping injected instructions). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Lower-case, collapse whitespace: the key used for case-insensitive comparisons. */
export function normalizeKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Escapes a literal string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "a", "a and b", "a, b and c" */
export function joinList(items: readonly string[], conj = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

/** Shortens to at most `max` characters on a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[,;:.\s]+$/, '')}…`;
}
