/**
 * Word vectors (GloVe 100-d, pruned to the 40k most frequent words and quantised to int8 by
 * scripts/build-vectors.ts) and the two sentence measures built on them:
 *
 *  - SIF (Arora et al. 2017): a text's vector is the average of its words' vectors, each weighted
 *    a / (a + p(w)) so frequent words count little, with the common-discourse direction removed;
 *  - alignment (Sultan et al. 2016): for each content word of a prompt, its best match among the
 *    text's words, averaged with the same weights: "is each thing the prompt asks about there, in
 *    any words?".
 *
 * The table (a 4 MB file of int8 rows and the word list, beside vectors.generated.ts) is read on
 * first use, never at import: an Int8Array over the file's 4 MB and a word → row map.
 */
import { STOPWORDS, tokenize } from '../../text.ts';
import { COMMON, DIMENSIONS, readVectors, readWords } from './vectors.generated.ts';

const D = DIMENSIONS;
/** SIF's a: how fast a word's weight falls with its frequency (1e-3 in the paper). */
const SIF_A = 1e-3;
/** Zipf: p(rank r) ≈ 1 / (r · H), H ≈ ln(vocabulary of the source, 341k) */
const ZIPF_H = Math.log(341_479);

interface Table {
  rows: Map<string, number>;
  data: Int8Array;
  /** 1 / the length of each row's int8 vector */
  inv: Float32Array;
  common: Float32Array;
}
let table: Table | null = null;

function load(): Table {
  const words = readWords();
  const bytes = readVectors();
  const data = new Int8Array(bytes.buffer, bytes.byteOffset, words.length * D);
  const rows = new Map<string, number>();
  const inv = new Float32Array(words.length);
  for (let r = 0; r < words.length; r++) {
    rows.set(words[r]!, r);
    let n = 0;
    for (let i = r * D; i < r * D + D; i++) n += data[i]! * data[i]!;
    inv[r] = n === 0 ? 0 : 1 / Math.sqrt(n);
  }
  return { rows, data, inv, common: Float32Array.from(COMMON) };
}

/** Loads the table now (the server can do it at start so the first answer is not slower). */
export function warmVectors(): void {
  vectors();
}

function vectors(): Table {
  table ??= load();
  return table;
}

/** Row of a word, trying the plain forms of an inflected one ("shelves" is there; "re-ran" is not). */
function rowOf(t: Table, w: string): number | undefined {
  const r = t.rows.get(w);
  if (r !== undefined) return r;
  const bare = w.replace(/['’]/g, '');
  return t.rows.get(bare) ?? (w.includes('-') ? undefined : t.rows.get(w.replace(/s$/, '')));
}

/** SIF weight of a row: rare words count, frequent ones barely. */
function weight(row: number): number {
  const p = 1 / ((row + 1) * ZIPF_H);
  return SIF_A / (SIF_A + p);
}

export interface VectorWords {
  rows: number[];
  weights: number[];
}

/** The distinct known content words of a text, as rows, minus `drop` (words that say how to answer). */
export function vectorWords(text: string, drop?: ReadonlySet<string>): VectorWords {
  const t = vectors();
  const seen = new Set<number>();
  const rows: number[] = [];
  const weights: number[] = [];
  for (const w of tokenize(text)) {
    if (STOPWORDS.has(w) || w.length < 2 || drop?.has(w)) continue;
    const r = rowOf(t, w);
    if (r === undefined || seen.has(r)) continue;
    seen.add(r);
    rows.push(r);
    weights.push(weight(r));
  }
  return { rows, weights };
}

/** Cosine of two rows. */
function rowCos(t: Table, a: number, b: number): number {
  if (a === b) return 1;
  let d = 0;
  const x = a * D;
  const y = b * D;
  for (let i = 0; i < D; i++) d += t.data[x + i]! * t.data[y + i]!;
  return d * t.inv[a]! * t.inv[b]!;
}

/** SIF sentence vector (weighted mean of unit word vectors, common component removed). */
export function sifVector(ws: VectorWords): Float32Array {
  const t = vectors();
  const s = new Float32Array(D);
  for (let k = 0; k < ws.rows.length; k++) {
    const r = ws.rows[k]!;
    const f = ws.weights[k]! * t.inv[r]!;
    for (let i = 0; i < D; i++) s[i]! += f * t.data[r * D + i]!;
  }
  let c = 0;
  for (let i = 0; i < D; i++) c += s[i]! * t.common[i]!;
  for (let i = 0; i < D; i++) s[i]! -= c * t.common[i]!;
  return s;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let d = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i]! * b[i]!;
    x += a[i]! * a[i]!;
    y += b[i]! * b[i]!;
  }
  return x === 0 || y === 0 ? 0 : d / Math.sqrt(x * y);
}

/** Each prompt word's best cosine among the text's words, weighted by SIF weight, averaged (0–1). */
export function alignment(prompt: VectorWords, text: VectorWords): number {
  const t = vectors();
  if (prompt.rows.length === 0 || text.rows.length === 0) return 0;
  let sum = 0;
  let total = 0;
  for (let k = 0; k < prompt.rows.length; k++) {
    let best = 0;
    for (const r of text.rows) {
      const c = rowCos(t, prompt.rows[k]!, r);
      if (c > best) best = c;
    }
    sum += prompt.weights[k]! * best;
    total += prompt.weights[k]!;
  }
  return sum / total;
}
