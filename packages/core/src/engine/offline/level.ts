/**
 * Seniority from the job's experience text (and title as a fallback), used to pick and phrase
 * questions: a junior gets "how would you…", a senior gets trade-offs, scale and leading others.
 */

import type { Difficulty } from '../../enums.ts';

export type Level = Difficulty;

const SENIOR_WORDS = /\b(senior|sr\.?|lead|staff|principal|head of|director|architect|expert|vp)\b/i;
const JUNIOR_WORDS =
  /\b(junior|jr\.?|entry[- ]level|entry|graduate|grad|intern(ship)?|trainee|apprentice|no experience)\b/i;
const MID_WORDS = /\b(mid[- ]?level|mid|intermediate|experienced)\b/i;

/**
 * "0-2 yrs" → junior, "2-4 yrs" → mid, "5+ years" → senior, "Senior" → senior.
 * Years: the midpoint of a range (or the number given) decides: < 2 junior, < 5 mid, else senior.
 */
export function parseLevel(experience: string, title = ''): Level {
  const fromText = levelFromText(experience);
  if (fromText) return fromText;
  return levelFromText(title) ?? 'mid';
}

function levelFromText(text: string): Level | null {
  if (!text.trim()) return null;
  const years = yearsFrom(text);
  if (years !== null) {
    if (years < 2) return 'junior';
    if (years < 5) return 'mid';
    return 'senior';
  }
  if (SENIOR_WORDS.test(text)) return 'senior';
  if (JUNIOR_WORDS.test(text)) return 'junior';
  if (MID_WORDS.test(text)) return 'mid';
  return null;
}

function yearsFrom(text: string): number | null {
  const t = text.toLowerCase();
  // "2-4 yrs", "2 to 4 years", "2–4". A number is matched from its first digit only ((?<![\d.])):
  // trying every digit of "000…" as a start made a long run of digits cost O(n²).
  const range = t.match(
    /(?<![\d.])(\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)\s*\+?\s*(?:years?|yrs?|y\b)?/,
  );
  if (range) return (Number(range[1]) + Number(range[2])) / 2;
  // "5+ years", "at least 3 years", "10 yrs", "min. 4 years"
  const single =
    t.match(/(?<![\d.])(\d+(?:\.\d+)?)\s*\+?\s*(?:years?|yrs?|y\b)/) ??
    t.match(/^\s*(\d+(?:\.\d+)?)\s*\+?\s*$/);
  if (single) return Number(single[1]);
  return null;
}
