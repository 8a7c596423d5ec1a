import { Link } from 'react-router';
import { StatusBadge } from '../../components/Badge.tsx';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { useDocumentTitle } from '../../components/PageHeader.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { titleCase } from '../../lib/format.ts';
import type { SessionDetail } from '../../trpc.ts';
import type { useSessionActions } from './useSessionActions.ts';

/** The job, the status, the progress bar and the way out (end early, cancel). */
export function RoomHeader({
  session,
  progressLabel,
  actions,
}: {
  session: SessionDetail;
  progressLabel: string;
  actions: ReturnType<typeof useSessionActions>;
}) {
  useDocumentTitle(`Interview: ${session.job_title}`);
  const { end, cancel } = actions;
  const answeredAny = session.progress.answered > 0 || session.questions.some((q) => q.answered);
  return (
    <header className="room-header">
      <div className="room-header__top">
        <div>
          <p className="page-header__eyebrow">
            {session.job_description_id ? (
              <Link to={`/jobs/${session.job_description_id}`}>Practice interview</Link>
            ) : (
              'Practice interview'
            )}{' '}
            · {titleCase(session.focus)} focus
          </p>
          <h1 className="room-header__title">{session.job_title}</h1>
        </div>
        <StatusBadge status={session.status} />
      </div>
      {session.status !== 'cancelled' && (
        <ProgressBar value={session.progress.answered} max={session.progress.planned} label={progressLabel} />
      )}
      {(session.status === 'ongoing' || session.status === 'pending') && (
        <div className="room-header__actions">
          {session.status === 'ongoing' && (
            <ConfirmAction
              label="End interview"
              question={
                session.progress.done
                  ? 'End now and get your score?'
                  : answeredAny
                    ? 'End early? Unanswered questions count as zero.'
                    : 'End without answering anything?'
              }
              confirmLabel="Yes, end it"
              cancelLabel="Keep going"
              tone="primary"
              size="sm"
              busy={end.isPending}
              onConfirm={() => end.mutate({ id: session.id })}
            />
          )}
          <ConfirmAction
            label="Cancel interview"
            question="Cancel this interview? It will not be scored."
            confirmLabel="Yes, cancel"
            cancelLabel="No"
            size="sm"
            busy={cancel.isPending}
            onConfirm={() => cancel.mutate({ id: session.id, status: 'cancelled' })}
          />
        </div>
      )}
    </header>
  );
}
