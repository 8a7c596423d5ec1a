import { SESSION_STATUSES } from '@ai-interviewer/core/enums';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { StatusBadge } from '../../components/Badge.tsx';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime, formatScore, plural, statusLabel } from '../../lib/format.ts';
import { type SessionStatus, trpc } from '../../trpc.ts';

const PAGE = 20;

/** Every session of every user, with a link to its detail and feedback. */
export function AdminSessions() {
  const [status, setStatus] = useState<SessionStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const utils = trpc.useUtils();
  const sessions = trpc.sessions.list.useQuery(
    { status: status || undefined, limit: PAGE, offset },
    { placeholderData: keepPreviousData },
  );
  // usernames for the table (the session carries only user_id)
  const users = trpc.users.list.useQuery({ limit: 100 });
  const nameOf = useMemo(
    () => new Map((users.data?.items ?? []).map((u) => [u.id, u.username])),
    [users.data],
  );
  const remove = trpc.sessions.delete.useMutation({ onSuccess: () => utils.sessions.list.invalidate() });

  return (
    <section className="stack" aria-label="Sessions">
      <div className="toolbar">
        <div className="filters__field">
          <label htmlFor="admin-session-status" className="field__label">
            Status
          </label>
          <select
            id="admin-session-status"
            className="input"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as SessionStatus | '');
              setOffset(0);
            }}
          >
            <option value="">All statuses</option>
            {SESSION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
      {sessions.isLoading ? (
        <LoadingState />
      ) : sessions.error ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data && sessions.data.items.length === 0 ? (
        <EmptyState title="No sessions" />
      ) : sessions.data ? (
        <>
          <p className="results-count">{plural(sessions.data.total, 'session')}</p>
          <div className="table-wrap card card--flush">
            <table className="table table--sticky-first">
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">User</th>
                  <th scope="col">Status</th>
                  <th scope="col">Score</th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/sessions/${s.id}/report`}>{s.job_title}</Link>
                      <div className="muted small">
                        {s.question_count} questions · {s.focus}
                      </div>
                    </td>
                    <td>{nameOf.get(s.user_id) ?? <code title={s.user_id}>{s.user_id.slice(0, 8)}</code>}</td>
                    <td>
                      <StatusBadge
                        status={s.status}
                        progress={{ answered: s.answered, planned: s.question_count, done: false }}
                      />
                    </td>
                    <td className="nowrap">{formatScore(s.score, 100)}</td>
                    <td className="nowrap">{formatDateTime(s.created_at)}</td>
                    <td>
                      <div className="row row--tight row--end">
                        <Link to={`/sessions/${s.id}/report`} className="btn btn--secondary btn--sm">
                          Detail &amp; feedback
                        </Link>
                        <ConfirmAction
                          label="Delete"
                          question="Delete this session and its feedback?"
                          confirmLabel="Delete"
                          size="sm"
                          busy={remove.isPending && remove.variables?.id === s.id}
                          onConfirm={() => remove.mutate({ id: s.id })}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination total={sessions.data.total} limit={PAGE} offset={offset} onChange={setOffset} />
        </>
      ) : null}
    </section>
  );
}
