import { formatScore, scoreTone, scoreVerdict } from '../lib/format.ts';

/** A horizontal bar for a score in a list; `labelled` adds the band in words ("Good progress"). */
export function ScoreBar({
  score,
  max = 10,
  labelled = false,
}: {
  score: number | null;
  max?: 10 | 100;
  labelled?: boolean;
}) {
  const pct = score === null ? 0 : Math.max(0, Math.min(100, (score / max) * 100));
  return (
    <div className={`score-bar tone--${scoreTone(score, max)}`} title={scoreVerdict(score, max)}>
      <div className="score-bar__track" aria-hidden="true">
        <div className="score-bar__fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="score-bar__text">{formatScore(score, max)}</span>
      {labelled && score !== null && <span className="score-bar__label">{scoreVerdict(score, max)}</span>}
    </div>
  );
}
