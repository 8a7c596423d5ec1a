import { formatScore, scoreTone } from '../lib/format.ts';

/** A score drawn as a ring filled in proportion, with the number in the middle. */
export function ScoreRing({
  score,
  max = 10,
  size = 'md',
  label,
}: {
  score: number | null;
  max?: 10 | 100;
  size?: 'sm' | 'md' | 'lg';
  label?: string;
}) {
  const r = 42;
  const circumference = 2 * Math.PI * r;
  const ratio = score === null ? 0 : Math.max(0, Math.min(1, score / max));
  const tone = scoreTone(score, max);
  const text = score === null ? '–' : String(Math.round(score));
  return (
    <div
      className={`score-ring score-ring--${size} tone--${tone}`}
      role="img"
      aria-label={label ?? `Score ${formatScore(score, max)}`}
    >
      <svg viewBox="0 0 100 100" aria-hidden="true">
        <circle className="score-ring__track" cx="50" cy="50" r={r} />
        <circle
          className="score-ring__value"
          cx="50"
          cy="50"
          r={r}
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - ratio)}
          transform="rotate(-90 50 50)"
        />
      </svg>
      <span className="score-ring__text" aria-hidden="true">
        <span className="score-ring__number">{text}</span>
        <span className="score-ring__max">/{max}</span>
      </span>
    </div>
  );
}
