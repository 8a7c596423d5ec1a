import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../auth/useMe.ts';
import { StatusBadge } from '../../components/Badge.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PractiseSkills } from '../../components/PractiseSkills.tsx';
import { ScoreBar } from '../../components/ScoreBar.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { deliveryTrend } from '../../lib/delivery.ts';
import { formatDate, plural } from '../../lib/format.ts';
import {
  averageBySkill,
  type HistoryStats,
  historyStats,
  practiceTargets,
  scoresOverTime,
} from '../../lib/history.ts';
import { trpc } from '../../trpc.ts';

import { DeliveryTrend } from './DeliveryTrend.tsx';

const HistoryCharts = lazy(() => import('./HistoryCharts.tsx'));

/** Every interview of the user, with progress charts. */
export function HistoryPage() {
  const { user } = useMe();
  const userId = user?.id ?? '';
  const sessions = trpc.users.sessions.useQuery(
    { user_id: userId, limit: 100 },
    { enabled: Boolean(userId) },
  );
  // one query for the per-skill and delivery figures of recent completed interviews
  const stats = trpc.sessions.stats.useQuery({}, { enabled: Boolean(userId) });
  const items = sessions.data?.items ?? [];
  const points = useMemo(() => scoresOverTime(items), [items]);
  const headline = historyStats(points);
  const recent = stats.data?.sessions;
  const skills = useMemo(() => (recent ? averageBySkill(recent) : []), [recent]);
  const targets = useMemo(() => (recent ? practiceTargets(recent, skills) : []), [recent, skills]);
  const delivery = useMemo(
    () =>
      recent
        ? deliveryTrend(
            recent.map((s) => ({
              id: s.id,
              label: s.job_title,
              date: s.ended_at ?? '',
              feedbacks: s.deliveries.map((delivery) => ({ delivery })),
            })),
          )
        : [],
    [recent],
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
              <dd>{headline.completed}</dd>
            </div>
            <div className="card stat">
              <dt>Average score</dt>
              <dd>{headline.average ?? '–'}</dd>
            </div>
            <div className="card stat">
              <dt>Best score</dt>
              <dd>{headline.best ?? '–'}</dd>
            </div>
            <div className="card stat">
              <dt>Last change</dt>
              <dd
                className={headline.trend === null ? '' : headline.trend >= 0 ? 'trend-up' : 'trend-down'}
                data-testid="last-change"
              >
                {headline.trend === null ? '–' : `${headline.trend > 0 ? '+' : ''}${headline.trend}`}
                <span className="stat__note">{trendNote(headline)}</span>
              </dd>
            </div>
          </dl>

          <Suspense fallback={<LoadingState label="Loading charts…" />}>
            <HistoryCharts points={points} skills={skills} />
          </Suspense>

          {targets.length > 0 && (
            <section className="card" aria-labelledby="weakest-title">
              <h2 className="card__title" id="weakest-title">
                Your weakest skills
              </h2>
              <PractiseSkills
                items={targets.map((t) => ({
                  skill: t.skill,
                  note: `${t.average}/10 on average · ${t.jobTitle}`,
                  jobId: t.jobId,
                }))}
              />
            </section>
          )}

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
                  <StatusBadge
                    status={s.status}
                    progress={{ answered: s.answered, planned: s.question_count, done: false }}
                  />
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

/** What "Last change" compares: the same job's previous interview, never a different job's. */
export function trendNote(h: HistoryStats): string {
  if (h.completed === 0) return '';
  if (h.trend === null) return `first interview for ${h.trendJob}`;
  return h.mixesJobs
    ? `vs your previous ${h.trendJob} interview (other jobs in between)`
    : `vs your previous ${h.trendJob} interview`;
}
