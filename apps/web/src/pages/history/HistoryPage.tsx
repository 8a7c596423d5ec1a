import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../auth/useMe.ts';
import { StatusBadge } from '../../components/Badge.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScoreBar } from '../../components/ScoreBar.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { deliveryTrend } from '../../lib/delivery.ts';
import { formatDate, plural } from '../../lib/format.ts';
import { averageBySkill, historyStats, scoresOverTime } from '../../lib/history.ts';
import { trpc } from '../../trpc.ts';

import { DeliveryTrend } from './DeliveryTrend.tsx';

const HistoryCharts = lazy(() => import('./HistoryCharts.tsx'));

/** How many recent completed sessions feed the per-skill chart. */
const SKILL_CHART_SESSIONS = 12;

/** Every interview of the user, with progress charts. */
export function HistoryPage() {
  const { user } = useMe();
  const userId = user?.id ?? '';
  const sessions = trpc.users.sessions.useQuery(
    { user_id: userId, limit: 100 },
    { enabled: Boolean(userId) },
  );
  const items = sessions.data?.items ?? [];
  const recentCompleted = useMemo(
    () =>
      items
        .filter((s) => s.status === 'completed')
        .sort((a, b) => (b.ended_at ?? '').localeCompare(a.ended_at ?? ''))
        .slice(0, SKILL_CHART_SESSIONS),
    [items],
  );
  const details = trpc.useQueries((t) => recentCompleted.map((s) => t.sessions.get({ id: s.id })));
  const feedbacks = trpc.useQueries((t) =>
    recentCompleted.map((s) => t.sessions.feedbacks({ session_id: s.id, limit: 100 })),
  );
  const points = useMemo(() => scoresOverTime(items), [items]);
  const stats = historyStats(points);
  const skillsReady = details.every((d) => d.data) && feedbacks.every((f) => f.data);
  const skills = useMemo(
    () =>
      skillsReady
        ? averageBySkill(
            recentCompleted.map((_, i) => ({
              questions: details[i]?.data?.questions ?? [],
              feedbacks: feedbacks[i]?.data?.items ?? [],
            })),
          )
        : [],
    [skillsReady, recentCompleted, details, feedbacks],
  );
  const delivery = useMemo(
    () =>
      skillsReady
        ? deliveryTrend(
            recentCompleted.map((s, i) => ({
              id: s.id,
              label: s.job_title,
              date: s.ended_at ?? s.created_at,
              feedbacks: feedbacks[i]?.data?.items ?? [],
            })),
          )
        : [],
    [skillsReady, recentCompleted, feedbacks],
  );

  return (
    <div className="page">
      <PageHeader
        title="Your history"
        lead="Every interview you have started, and how your scores are moving."
        actions={
          <Link to="/" className="btn btn--primary">
            New interview
          </Link>
        }
      />
      {sessions.isLoading ? (
        <LoadingState label="Loading your interviews…" />
      ) : sessions.error ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title="No interviews yet"
          action={
            <Link to="/" className="btn btn--primary">
              Browse the catalogue
            </Link>
          }
        >
          Pick a job and practise: your scores will show up here.
        </EmptyState>
      ) : (
        <>
          <dl className="stats">
            <div className="card stat">
              <dt>Completed</dt>
              <dd>{stats.completed}</dd>
            </div>
            <div className="card stat">
              <dt>Average score</dt>
              <dd>{stats.average ?? '–'}</dd>
            </div>
            <div className="card stat">
              <dt>Best score</dt>
              <dd>{stats.best ?? '–'}</dd>
            </div>
            <div className="card stat">
              <dt>Last change</dt>
              <dd className={stats.trend === null ? '' : stats.trend >= 0 ? 'trend-up' : 'trend-down'}>
                {stats.trend === null ? '–' : `${stats.trend > 0 ? '+' : ''}${stats.trend}`}
              </dd>
            </div>
          </dl>

          <Suspense fallback={<LoadingState label="Loading charts…" />}>
            <HistoryCharts points={points} skills={skills} />
          </Suspense>

          <DeliveryTrend rows={delivery} />

          <section className="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title" className="card__title">
              All interviews{' '}
              <span className="muted">({plural(sessions.data?.total ?? items.length, 'interview')})</span>
            </h2>
            <ul className="session-list">
              {items.map((s) => (
                <li key={s.id} className="session-row">
                  <Link
                    to={
                      s.status === 'completed' || s.status === 'cancelled'
                        ? `/sessions/${s.id}/report`
                        : `/sessions/${s.id}`
                    }
                    className="session-row__title"
                  >
                    {s.job_title}
                  </Link>
                  <span className="session-row__date">{formatDate(s.started_at ?? s.created_at)}</span>
                  <StatusBadge status={s.status} />
                  <span className="session-row__score">
                    {s.status === 'completed' ? (
                      <ScoreBar score={s.score} max={100} labelled />
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
