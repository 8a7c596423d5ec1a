import { Link, useNavigate } from 'react-router';
import { useMe } from '../../auth/useMe.ts';
import { JobForm } from '../../components/JobForm.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDate } from '../../lib/format.ts';
import { trpc } from '../../trpc.ts';

/** Paste the job you are applying for: it becomes a private job description, then the setup. */
export function OwnJobPage() {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const { user } = useMe();
  const create = trpc.jobs.create.useMutation({
    onSuccess: async (job) => {
      utils.jobs.get.setData({ id: job.id }, job);
      void utils.jobs.list.invalidate();
      await navigate(`/jobs/${job.id}/practise`);
    },
  });
  const extract = trpc.practice.extractSkills.useMutation();
  const mine = trpc.jobs.list.useQuery({ visibility: 'private', limit: 50 });
  const saved = (mine.data?.items ?? []).filter((j) => j.created_by === user?.id);

  return (
    <div className="page">
      <PageHeader
        title="Practise for your own job"
        eyebrow="Private job description"
        lead="Paste the advert you are applying for. Its skills are found for you, it stays private to you, and the interviewer asks about what it says: responsibilities, scale, tools and numbers."
      />
      <div className="job-layout">
        <section className="card">
          <JobForm
            submitLabel="Continue to setup"
            busyLabel="Saving…"
            busy={create.isPending}
            error={create.error}
            onSubmit={(v) => create.mutate({ ...v, visibility: 'private' })}
            onFindSkills={async (description) => (await extract.mutateAsync({ description })).skills}
          />
        </section>
        <aside className="card">
          <h2 className="card__title">Your saved jobs</h2>
          {saved.length === 0 ? (
            <p className="muted small">Jobs you paste are kept here so you can practise again.</p>
          ) : (
            <ul className="link-list">
              {saved.map((j) => (
                <li key={j.id}>
                  <Link to={`/jobs/${j.id}`}>{j.title}</Link>
                  <span className="muted small">{formatDate(j.created_at)}</span>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </div>
  );
}
