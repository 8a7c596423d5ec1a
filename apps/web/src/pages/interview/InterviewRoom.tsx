import { useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { domainCodeOf, errorMessage } from '../../lib/errors.ts';
import { progressText } from '../../lib/format.ts';
import { type SubmitResult, trpc } from '../../trpc.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { AnsweredStep } from './AnsweredStep.tsx';
import { PendingPanel } from './PendingPanel.tsx';
import { QuestionStep } from './QuestionStep.tsx';
import { RoomHeader } from './RoomHeader.tsx';
import { type UnsentAnswer, UnsentAnswerNotice } from './UnsentAnswerNotice.tsx';
import { useSessionActions } from './useSessionActions.ts';

/**
 * The interview room. Everything comes from sessions.get, so a reload lands on the same
 * question; the feedback being read is in the URL (?feedback=id), so it survives a reload too.
 */
export function InterviewRoom() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const feedbackId = params.get('feedback');
  const utils = trpc.useUtils();
  const session = trpc.sessions.get.useQuery({ id });
  const actions = useSessionActions(id);
  // focus the question heading only when arriving from feedback, not on first load
  const [movedOn, setMovedOn] = useState(false);
  // an answer the server refused because the interview moved on elsewhere (another tab)
  const [unsent, setUnsent] = useState<UnsentAnswer | null>(null);

  if (session.isLoading) return <LoadingState label="Loading your interview…" />;
  if (session.error) {
    const code = domainCodeOf(session.error);
    if (code === 'NOT_FOUND' || code === 'VALIDATION') return <NotFoundPage what="interview" />;
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  }
  const s = session.data;
  if (!s) return null;
  if (s.status === 'completed') return <Navigate to={`/sessions/${s.id}/report`} replace />;

  const onAnswered = (result: SubmitResult) => {
    setUnsent(null);
    utils.feedback.get.setData({ id: result.feedback.id }, result.feedback);
    setParams({ feedback: result.feedback.id }, { replace: true });
    void utils.sessions.get.invalidate({ id });
    void utils.users.sessions.invalidate();
  };
  const onNext = () => {
    setMovedOn(true);
    setParams({}, { replace: true });
  };

  const showingFeedback = s.status === 'ongoing' && feedbackId;
  const label = progressText(s.progress, showingFeedback ? null : s.current_question);

  return (
    <div className="page page--room">
      <RoomHeader session={s} progressLabel={label} actions={actions} />
      {(actions.cancel.error || (actions.end.error && !showingFeedback)) && (
        <Alert>{errorMessage(actions.cancel.error ?? actions.end.error)}</Alert>
      )}

      {unsent && s.current_question?.id !== unsent.questionId && (
        <UnsentAnswerNotice
          unsent={unsent}
          ongoing={s.status === 'ongoing'}
          onDismiss={() => setUnsent(null)}
        />
      )}

      {s.status === 'pending' && <PendingPanel session={s} actions={actions} />}

      {s.status === 'cancelled' && (
        <section className="card hero-card">
          <h2>This interview was cancelled</h2>
          <p className="muted">Cancelled interviews are not scored. You can start a fresh one any time.</p>
          <div className="row">
            {s.job_description_id && (
              <Link to={`/jobs/${s.job_description_id}/practise`} className="btn btn--primary">
                Practise again
              </Link>
            )}
            {s.questions.some((q) => q.answered) && (
              <Link to={`/sessions/${s.id}/report`} className="btn btn--secondary">
                See your answers
              </Link>
            )}
            <Link to="/history" className="btn btn--ghost">
              Your history
            </Link>
          </div>
        </section>
      )}

      {s.status === 'ongoing' &&
        (feedbackId ? (
          <AnsweredStep
            session={s}
            feedbackId={feedbackId}
            sessionFetching={session.isFetching}
            onNext={onNext}
            actions={actions}
          />
        ) : s.current_question ? (
          <QuestionStep
            key={s.current_question.id}
            sessionId={s.id}
            question={s.current_question}
            label={
              s.current_question.is_follow_up
                ? `Follow-up · question ${s.current_question.plan_index}`
                : `Question ${s.current_question.plan_index}`
            }
            focusOnMount={movedOn}
            onAnswered={onAnswered}
            onRefused={setUnsent}
            timeLimitSeconds={s.time_limit_seconds}
          />
        ) : (
          <section className="card hero-card">
            <h2>You have answered every question</h2>
            <p className="muted">
              Finish the interview to get your overall score, a summary and the transcript.
            </p>
            <button
              type="button"
              className="btn btn--primary btn--lg"
              onClick={() => actions.end.mutate({ id: s.id })}
              disabled={actions.end.isPending}
            >
              {actions.end.isPending && <Spinner />}
              {actions.end.isPending ? 'Scoring your interview…' : 'Finish and see my score'}
            </button>
          </section>
        ))}
    </div>
  );
}
