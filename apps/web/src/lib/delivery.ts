/** Words for the delivery figures the server measured, and their trend across interviews. */
import type { Delivery, Feedback } from '../trpc.ts';

export function paceText(d: Delivery): string | null {
  if (d.words_per_minute === null) return null;
  const verdict = d.pace === 'under' ? 'slow' : d.pace === 'over' ? 'fast' : 'comfortable';
  return `${d.words_per_minute} words a minute (${verdict}; ${d.pace_range.min}–${d.pace_range.max} is comfortable)`;
}

export const seconds = (s: number) =>
  s >= 60
    ? `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`
    : `${Math.round(s)} s`;

export function lengthText(d: Delivery): string {
  const { min, max } = d.suggested_seconds;
  const target = `suggested ${seconds(min)} – ${seconds(max)}`;
  const verdict = d.length === 'under' ? 'short' : d.length === 'over' ? 'long' : 'about right';
  if (d.talk_seconds !== null) return `${seconds(d.talk_seconds)} of talk: ${verdict} (${target})`;
  return `${d.word_count} words, ${verdict} for a spoken answer (${target})`;
}

export function phrasesText(t: Delivery['fillers']): string {
  if (t.count === 0) return 'none';
  return t.found.map((f) => `“${f.phrase}” ×${f.count}`).join(', ');
}

export interface DeliveryTrendRow {
  sessionId: string;
  label: string;
  date: string;
  answers: number;
  spoken: number;
  /** mean over spoken answers; null when none was spoken */
  wordsPerMinute: number | null;
  fillersPer100: number;
  hedgesPer100: number;
  longPauses: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One row per interview (oldest first), from the delivery figures of its answers; interviews without any are left out. */
export function deliveryTrend(
  sessions: { id: string; label: string; date: string; feedbacks: Pick<Feedback, 'delivery'>[] }[],
): DeliveryTrendRow[] {
  const rows: DeliveryTrendRow[] = [];
  for (const s of sessions) {
    const ds = s.feedbacks.map((f) => f.delivery).filter((d): d is Delivery => d !== null);
    if (ds.length === 0) continue;
    const spoken = ds.filter((d) => d.words_per_minute !== null);
    const words = ds.reduce((n, d) => n + d.word_count, 0);
    const per100 = (pick: (d: Delivery) => number) =>
      words > 0 ? round1((ds.reduce((n, d) => n + pick(d), 0) * 100) / words) : 0;
    rows.push({
      sessionId: s.id,
      label: s.label,
      date: s.date,
      answers: ds.length,
      spoken: spoken.length,
      wordsPerMinute:
        spoken.length > 0
          ? Math.round(spoken.reduce((n, d) => n + (d.words_per_minute ?? 0), 0) / spoken.length)
          : null,
      fillersPer100: per100((d) => d.fillers.count),
      hedgesPer100: per100((d) => d.hedges.count),
      longPauses: ds.reduce((n, d) => n + (d.long_pauses?.length ?? 0), 0),
    });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}
