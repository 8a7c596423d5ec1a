import { formatPoints } from '../lib/format.ts';
import type { Feedback } from '../trpc.ts';

type Component = NonNullable<Feedback['rubric']>[number];

/**
 * Why a score: each rubric component with the points it earned (or took away) and the grader's
 * note. The interview room's card and the report share it. Nothing when there is no breakdown.
 */
export function RubricBreakdown({
  rubric,
  heading: Heading = 'h3',
}: {
  rubric: Feedback['rubric'];
  heading?: 'h3' | 'h5';
}) {
  if (!rubric || rubric.length === 0) return null;
  return (
    <div className="rubric">
      <Heading className="rubric__title">Why this score</Heading>
      <ul className="rubric__list" aria-label="Rubric components behind this score">
        {rubric.map((c, i) => (
          // Keys may repeat in a model's output; the position is stable for one grade.
          <li key={`${c.key}-${i}`} className={`rubric__item rubric__item--${pointsTone(c)}`}>
            <span className="rubric__label">{c.label}</span>
            <span className="rubric__points">{formatPoints(c.points, c.max)}</span>
            {c.note && <span className="rubric__note">{c.note}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Under this share of its points a component reads as missed: 0.1 / 3 is no gain. */
const MISS_BELOW = 0.25;

/** A cap or penalty reads as a loss; a component that earned (almost) none of its points as a miss. */
function pointsTone(c: Component): 'gain' | 'miss' | 'loss' {
  if (c.points < 0) return 'loss';
  if (c.max > 0 && c.points < c.max * MISS_BELOW) return 'miss';
  return 'gain';
}
