import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { plural, titleCase } from '../../lib/format.ts';
import type { SessionDetail } from '../../trpc.ts';
import type { useSessionActions } from './useSessionActions.ts';

/** A session that is set up but not started. */
export function PendingPanel({
  session,
  actions,
}: {
  session: SessionDetail;
  actions: ReturnType<typeof useSessionActions>;
}) {
  const { start } = actions;
  return (
    <section className="card hero-card">
      <h2>Ready when you are</h2>
      <p className="muted">
        {plural(session.question_count, 'question')} · {titleCase(session.focus)} focus. Take your time: there
        is no timer, and each answer is graded as soon as you submit it.
      </p>
      {start.error && <Alert>{errorMessage(start.error)}</Alert>}
      <button
        type="button"
        className="btn btn--primary btn--lg"
        onClick={() => start.mutate({ id: session.id })}
        disabled={start.isPending}
      >
        {start.isPending && <Spinner />}
        {start.isPending ? 'Preparing your questions…' : 'Start interview'}
      </button>
    </section>
  );
}
