import { Link, useParams } from 'react-router';
import { useMe } from '../../auth/useMe.ts';
import { Badge } from '../../components/Badge.tsx';
import { Chips } from '../../components/Chips.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { domainCodeOf } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { splitSkills } from '../../lib/skills.ts';
import { trpc } from '../../trpc.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';

/** One job description: what it asks for, and the way into a practice interview. */
export function JobPage() {
  const { id = '' } = useParams();
  const { user } = useMe();
  const job = trpc.jobs.get.useQuery({ id });

  if (job.isLoading) return <LoadingState label="Loading the job…" />;
  if (job.error) {
    const code = domainCodeOf(job.error);
    if (code === 'NOT_FOUND' || code === 'VALIDATION') return <NotFoundPage what="job" />;
    return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  }
  if (!job.data) return null;
  const j = job.data;
  const practise = `/jobs/${j.id}/practise`;

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/">Catalogue</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{j.title}</span>
      </nav>
      <PageHeader
        title={j.title}
        eyebrow={
          <span className="row row--tight">
            {j.experience && <Badge tone="accent">Experience: {j.experience}</Badge>}
            {j.visibility === 'private' && <Badge>Private to you</Badge>}
          </span>
        }
        actions={
          <Link
            to={user ? practise : `/login?next=${encodeURIComponent(practise)}`}
            className="btn btn--primary btn--lg"
          >
            Practise for this job
          </Link>
        }
      />
      <div className="job-layout">
        <article className="card prose">
          <h2 className="card__title">About the role</h2>
          <p className="pre-wrap">{j.description}</p>
        </article>
        <aside className="stack">
          <section className="card">
            <h2 className="card__title">Skills</h2>
            <Chips items={splitSkills(j.skills)} label="Required skills" />
          </section>
          <section className="card">
            <h2 className="card__title">Experience</h2>
            <p>{j.experience || 'Not specified'}</p>
            <p className="muted small">Updated {formatDate(j.updated_at)}</p>
          </section>
          <section className="card card--accent">
            <h2 className="card__title">How it works</h2>
            <ol className="steps">
              <li>Choose how many questions and the focus.</li>
              <li>Answer each question in your own words.</li>
              <li>Get a score out of 10 and feedback at once.</li>
              <li>Finish for an overall score out of 100.</li>
            </ol>
            {!user && (
              <p className="small">
                <Link to={`/register?next=${encodeURIComponent(practise)}`}>Create a free account</Link> to
                start.
              </p>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
