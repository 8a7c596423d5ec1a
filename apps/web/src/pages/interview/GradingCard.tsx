import { Spinner } from '../../components/Spinner.tsx';

/**
 * The feedback while it is being written: the text so far, as plain text, in a polite live
 * region (present from the start, so screen readers announce what arrives). The full feedback
 * card (score, lists, skills) replaces it once grading has finished.
 */
export function GradingCard({ text }: { text: string }) {
  return (
    <section
      className="card feedback-card grading-card"
      aria-labelledby="grading-title"
      data-testid="grading-card"
    >
      <header className="feedback-card__head">
        <Spinner size="md" />
        <div>
          <h2 id="grading-title" className="feedback-card__title">
            Grading…
          </h2>
          <p className="muted small">The interviewer is writing your feedback.</p>
        </div>
      </header>
      <p
        className="feedback-card__text pre-wrap grading-card__text"
        aria-live="polite"
        data-testid="live-feedback"
      >
        {text}
      </p>
    </section>
  );
}
