import { useEffect, useRef } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { Chips } from '../../components/Chips.tsx';
import { FeedbackLists } from '../../components/FeedbackLists.tsx';
import { RubricBreakdown } from '../../components/RubricBreakdown.tsx';
import { ScoreRing } from '../../components/ScoreRing.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { evaluatorLabel, scoreVerdict } from '../../lib/format.ts';
import type { Feedback } from '../../trpc.ts';

/** The grade of one answer: score ring, feedback, why the score (rubric), strengths, improvements, skills shown, who graded it. */
export function FeedbackCard({
  feedback,
  onRetry,
  retrying = false,
  retryError,
  focusOnMount = false,
}: {
  feedback: Feedback;
  onRetry?: () => void;
  retrying?: boolean;
  retryError?: string | null;
  focusOnMount?: boolean;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  const graded = feedback.grading_status === 'graded';

  return (
    <section
      className="card feedback-card"
      aria-labelledby={`feedback-${feedback.id}`}
      data-testid="feedback-card"
    >
      <header className="feedback-card__head">
        <ScoreRing
          score={graded ? feedback.score : null}
          label={graded ? `Score ${feedback.score} out of 10` : 'Not graded'}
        />
        <div>
          <h2 id={`feedback-${feedback.id}`} ref={headingRef} tabIndex={-1} className="feedback-card__title">
            {graded
              ? scoreVerdict(feedback.score)
              : feedback.grading_status === 'failed'
                ? 'Grading failed'
                : 'Grading…'}
          </h2>
          <p className="muted small" data-testid="evaluator">
            {graded ? evaluatorLabel(feedback.evaluator) : 'Your answer is saved.'}
          </p>
        </div>
      </header>

      {feedback.grading_status === 'failed' && (
        <Alert tone="warning" title="We could not grade this answer">
          <p>{feedback.grading_error ?? 'The grader did not answer.'}</p>
          {retryError && <p className="field__error">{retryError}</p>}
          {onRetry && (
            <button
              type="button"
              className="btn btn--secondary btn--sm"
              onClick={onRetry}
              disabled={retrying}
            >
              {retrying && <Spinner />}
              {retrying ? 'Retrying…' : 'Retry grading'}
            </button>
          )}
        </Alert>
      )}
      {feedback.grading_status === 'pending' && (
        <p className="grading" role="status">
          <Spinner /> Grading in progress…
        </p>
      )}

      {graded && (
        <>
          {feedback.ai_feedback && <p className="feedback-card__text pre-wrap">{feedback.ai_feedback}</p>}
          <RubricBreakdown rubric={feedback.rubric} />
          <FeedbackLists strengths={feedback.strengths} improvements={feedback.improvements} />
          {feedback.skills_shown.length > 0 && (
            <div className="feedback-card__skills">
              <h3>Skills shown</h3>
              <Chips items={feedback.skills_shown} label="Skills shown in this answer" />
            </div>
          )}
          {feedback.grading_error && <p className="muted small">{feedback.grading_error}</p>}
        </>
      )}
    </section>
  );
}
