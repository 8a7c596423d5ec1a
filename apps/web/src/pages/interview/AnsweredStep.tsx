import { Alert } from '../../components/Alert.tsx';
import { DeliveryCard } from '../../components/DeliveryCard.tsx';
import { ModelAnswerPanel } from '../../components/ModelAnswerPanel.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { type SessionDetail, trpc } from '../../trpc.ts';
import { FeedbackCard } from './FeedbackCard.tsx';
import { RedoPanel } from './RedoPanel.tsx';
import type { useSessionActions } from './useSessionActions.ts';

/** After an answer: its feedback, then the way on (next question, follow-up, or finish). */
export function AnsweredStep({
  session,
  feedbackId,
  sessionFetching,
  onNext,
  actions,
}: {
  session: SessionDetail;
  feedbackId: string;
  sessionFetching: boolean;
  onNext: () => void;
  actions: ReturnType<typeof useSessionActions>;
}) {
  const utils = trpc.useUtils();
  const feedback = trpc.feedback.get.useQuery({ id: feedbackId });
  const regrade = trpc.feedback.regrade.useMutation({
    onSuccess: (fb) => {
      utils.feedback.get.setData({ id: fb.id }, fb);
      void utils.sessions.get.invalidate({ id: session.id });
    },
  });

  if (feedback.isLoading) return <LoadingState label="Loading your feedback…" />;
  if (feedback.error) return <ErrorState error={feedback.error} onRetry={() => void feedback.refetch()} />;
  if (!feedback.data) return null;
  const fb = feedback.data;
  const question = session.questions.find((q) => q.id === fb.question_id) ?? null;
  const next = session.current_question;
  // the cached session may still show the question just answered until it is refetched
  const stale = (next && next.id === fb.question_id) || (sessionFetching && !next);

  return (
    <div className="stack">
      <section className="card answered" aria-label="The question you answered">
        <p className="question-card__label">
          {question
            ? question.is_follow_up
              ? `Follow-up to question ${question.plan_index}`
              : `Question ${question.plan_index}`
            : 'Your answer'}
        </p>
        <p className="answered__question">{fb.question}</p>
        <details className="answered__answer">
          <summary>Your answer</summary>
          <p className="pre-wrap" data-testid="answer-text">
            {fb.answer}
          </p>
        </details>
      </section>

      <FeedbackCard
        feedback={fb}
        focusOnMount
        onRetry={() => regrade.mutate({ id: fb.id })}
        retrying={regrade.isPending}
        retryError={regrade.error ? errorMessage(regrade.error) : null}
      />
      {fb.delivery && <DeliveryCard delivery={fb.delivery} />}
      {fb.grading_status === 'graded' && <ModelAnswerPanel feedbackId={fb.id} />}
      {session.status === 'ongoing' && fb.grading_status !== 'pending' && (
        <RedoPanel
          key={fb.id}
          feedback={fb}
          onRedone={() => {
            void utils.sessions.get.invalidate({ id: session.id });
          }}
        />
      )}

      <div className="card next-step">
        {stale ? (
          <p className="grading" role="status">
            <Spinner /> Preparing the next question…
          </p>
        ) : next ? (
          <>
            <p className="next-step__text">
              {next.is_follow_up ? (
                <>
                  <strong>Up next: a follow-up.</strong> The interviewer wants to dig a little deeper.
                </>
              ) : (
                <>
                  <strong>Up next:</strong> question {next.plan_index} of {session.progress.planned}.
                </>
              )}
            </p>
            <button type="button" className="btn btn--primary" onClick={onNext}>
              {next.is_follow_up ? 'Answer the follow-up' : 'Next question'} →
            </button>
          </>
        ) : (
          <>
            <p className="next-step__text">
              <strong>That was the last question.</strong> Finish to get your overall score and summary.
            </p>
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => actions.end.mutate({ id: session.id })}
              disabled={actions.end.isPending}
            >
              {actions.end.isPending && <Spinner />}
              {actions.end.isPending ? 'Scoring your interview…' : 'Finish and see my score'}
            </button>
          </>
        )}
      </div>
      {actions.end.error && <Alert>{errorMessage(actions.end.error)}</Alert>}
    </div>
  );
}
