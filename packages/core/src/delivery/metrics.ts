/**
 * Delivery figures computed by code from what the candidate said: pace, fillers, hedges, long
 * pauses and talk time. Pure functions, no model: the same transcript always gives the same
 * figures, and a typed answer gets the text-only part (fillers, hedges, length).
 */

import { countWords } from '../engine/text.ts';
import type { QuestionCategory } from '../enums.ts';
import { FILLERS, HEDGES } from '../language/fillers-and-hedges.ts';
import type { Delivery, TimedWord } from '../schemas/delivery.ts';

/** Conversational interview pace: below ~110 words a minute sounds hesitant, above ~170 rushed. */
export const PACE_RANGE = { min: 110, max: 170 } as const;
/** A silence this long between two words reads as a lost thread, not a breath. */
export const LONG_PAUSE_SECONDS = 2;
/**
 * How long an answer should run, spoken. A story (situation, task, action, result) needs more
 * room than a technical explanation; all stay short enough to keep the listener.
 */
export const SUGGESTED_SECONDS: Record<QuestionCategory, { min: number; max: number }> = {
  technical: { min: 45, max: 120 },
  behavioural: { min: 60, max: 150 },
  situational: { min: 45, max: 120 },
};
/** A typed answer's talk time is estimated at the middle of the comfortable pace. */
const SPOKEN_WPM = (PACE_RANGE.min + PACE_RANGE.max) / 2;
const QUOTES_PER_PHRASE = 3;
const CONTEXT_WORDS = 3;

export interface DeliveryInput {
  /** What was said (the transcript) or typed. */
  text: string;
  category: QuestionCategory;
  /** Recognised words with their times; absent for typed answers or servers without timings. */
  words?: readonly TimedWord[] | null;
  /** The recording's length in seconds, when known; absent for typed answers. */
  durationSeconds?: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function bandOf(value: number, range: { min: number; max: number }): 'under' | 'within' | 'over' {
  if (value < range.min) return 'under';
  if (value > range.max) return 'over';
  return 'within';
}

/** A match with a few words either side, as the candidate said it: "…so um we decided…". */
function quote(text: string, index: number, length: number): string {
  const head = text.slice(0, index);
  const rest = text.slice(index + length);
  // Punctuation stuck to the match ("Um,") stays stuck; then CONTEXT_WORDS words either side.
  const before = head.match(new RegExp(`(?:\\S+\\s+){0,${CONTEXT_WORDS}}\\S*$`))?.[0] ?? '';
  const after = rest.match(new RegExp(`^\\S*(?:\\s+\\S+){0,${CONTEXT_WORDS}}`))?.[0] ?? '';
  const lead = before.length < head.length ? '…' : '';
  const trail = after.length < rest.trimEnd().length ? '…' : '';
  return `${lead}${before}${text.slice(index, index + length)}${after}${trail}`.replace(/\s+/g, ' ');
}

function tally(text: string, lexicon: readonly { phrase: string; re: RegExp }[], words: number) {
  const found: Delivery['fillers']['found'] = [];
  for (const { phrase, re } of lexicon) {
    const matches = [...text.matchAll(re)];
    if (matches.length === 0) continue;
    found.push({
      phrase,
      count: matches.length,
      quotes: matches.slice(0, QUOTES_PER_PHRASE).map((m) => quote(text, m.index, m[0].length)),
    });
  }
  found.sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase));
  const count = found.reduce((n, f) => n + f.count, 0);
  return { count, per_100_words: words > 0 ? round1((count * 100) / words) : 0, found };
}

/** Silences of at least LONG_PAUSE_SECONDS between consecutive words. */
export function longPauses(words: readonly TimedWord[]): NonNullable<Delivery['long_pauses']> {
  const sorted = [...words].sort((a, b) => a.start - b.start);
  const pauses: NonNullable<Delivery['long_pauses']> = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const gap = sorted[i]!.start - prev.end;
    if (gap >= LONG_PAUSE_SECONDS) {
      pauses.push({ after: prev.word, at_seconds: round1(prev.end), seconds: round1(gap) });
    }
  }
  return pauses;
}

/** The figures for one answer; voice figures (pace, pauses, talk time) only when there is audio. */
export function computeDelivery(input: DeliveryInput): Delivery {
  const text = input.text.trim();
  const timed = input.words && input.words.length > 0 ? input.words : null;
  const voice = timed !== null || (input.durationSeconds ?? 0) > 0;
  // With timings the recogniser's words are what was said; leading and trailing silence is not talk.
  const wordCount = timed ? timed.length : countWords(text);
  const talkSeconds = timed
    ? Math.max(0, Math.max(...timed.map((w) => w.end)) - Math.min(...timed.map((w) => w.start)))
    : voice
      ? (input.durationSeconds ?? 0)
      : null;
  const wpm = talkSeconds && talkSeconds > 0 ? Math.round((wordCount * 60) / talkSeconds) : null;
  const suggested = SUGGESTED_SECONDS[input.category];
  const lengthSeconds = talkSeconds ?? (wordCount * 60) / SPOKEN_WPM;
  return {
    source: voice ? 'voice' : 'text',
    word_count: wordCount,
    fillers: tally(text, FILLERS, wordCount),
    hedges: tally(text, HEDGES, wordCount),
    words_per_minute: wpm,
    pace: wpm === null ? null : bandOf(wpm, PACE_RANGE),
    pace_range: { ...PACE_RANGE },
    long_pauses: timed ? longPauses(timed) : null,
    long_pause_seconds: LONG_PAUSE_SECONDS,
    talk_seconds: talkSeconds === null ? null : round1(talkSeconds),
    suggested_seconds: { ...suggested },
    length: bandOf(lengthSeconds, suggested),
  };
}
