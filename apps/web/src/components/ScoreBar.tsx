import { formatScore, scoreTone } from '../lib/format.ts';

/** A horizontal bar for a score in a list. */
export function ScoreBar({ score, max = 10 }: { score: number | null; max?: 10 | 100 }) {
  const pct = score === null ? 0 : Math.max(0, Math.min(100, (score / max) * 100));
  return (
    <div className={`score-bar tone--${scoreTone(score, max)}`}>
      <div className="score-bar__track" aria-hidden="true">
        <div className="score-bar__fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="score-bar__text">{formatScore(score, max)}</span>
    </div>
  );
}
