import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { JobForm } from '../../components/JobForm.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/States.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, plural } from '../../lib/format.ts';
import { type Job, trpc } from '../../trpc.ts';

const PAGE = 20;

/** The public catalogue: create, edit, delete job descriptions. */
export function AdminJobs() {
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const search = useDebouncedValue(q.trim(), 300);
  const utils = trpc.useUtils();
  const jobs = trpc.jobs.list.useQuery(
    { q: search || undefined, visibility: 'public', limit: PAGE, offset },
    { placeholderData: keepPreviousData },
  );
  const refresh = () => void utils.jobs.invalidate();
  const create = trpc.jobs.create.useMutation({
    onSuccess: () => {
      setCreating(false);
      refresh();
    },
  });
  const update = trpc.jobs.update.useMutation({
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });
  const remove = trpc.jobs.delete.useMutation({ onSuccess: refresh });

  return (
    <section className="stack" aria-label="Catalogue">
      <div className="toolbar">
        <div className="filters__field filters__field--grow">
          <label htmlFor="admin-job-q" className="field__label">
            Search the catalogue
          </label>
          <input
            id="admin-job-q"
            type="search"
            className="input"
            value={q}
            placeholder="Title, description or skill"
            onChange={(e) => {
              setQ(e.target.value);
              setOffset(0);
            }}
          />
        </div>
        {!creating && (
          <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
            New job description
          </button>
        )}
      </div>

      {creating && (
        <section className="card">
          <h2 className="card__title">New public job description</h2>
          <JobForm
            idPrefix="new-job"
            submitLabel="Publish to the catalogue"
            busyLabel="Publishing…"
            busy={create.isPending}
            error={create.error}
            onCancel={() => {
              setCreating(false);
              create.reset();
            }}
            onSubmit={(v) => create.mutate({ ...v, visibility: 'public' })}
          />
        </section>
      )}
      {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}

      {jobs.isLoading ? (
        <LoadingState />
      ) : jobs.error ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.data && jobs.data.items.length === 0 ? (
        <EmptyState title="The catalogue is empty">Create the first public job description.</EmptyState>
      ) : jobs.data ? (
        <>
          <p className="results-count">{plural(jobs.data.total, 'public job')}</p>
          <ul className="admin-list">
            {jobs.data.items.map((job) =>
              editing === job.id ? (
                <li key={job.id} className="card">
                  <h2 className="card__title">Edit “{job.title}”</h2>
                  <JobForm
                    idPrefix={`edit-${job.id}`}
                    initial={job}
                    submitLabel="Save changes"
                    busy={update.isPending}
                    error={update.error}
                    onCancel={() => {
                      setEditing(null);
                      update.reset();
                    }}
                    onSubmit={(v) => update.mutate({ id: job.id, ...v })}
                  />
                </li>
              ) : (
                <JobRow
                  key={job.id}
                  job={job}
                  onEdit={() => {
                    update.reset();
                    setEditing(job.id);
                  }}
                  onDelete={() => remove.mutate({ id: job.id })}
                  deleting={remove.isPending && remove.variables?.id === job.id}
                />
              ),
            )}
          </ul>
          <Pagination total={jobs.data.total} limit={PAGE} offset={offset} onChange={setOffset} />
        </>
      ) : null}
    </section>
  );
}

function JobRow({
  job,
  onEdit,
  onDelete,
  deleting,
}: {
  job: Job;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  return (
    <li className="card admin-row">
      <div className="admin-row__main">
        <Link to={`/jobs/${job.id}`} className="admin-row__title">
          {job.title}
        </Link>
        <p className="muted small">
          {job.experience || 'Any experience'} · updated {formatDate(job.updated_at)}
        </p>
        <p className="small clamp-1">{job.skills}</p>
      </div>
      <div className="row row--tight row--end">
        <button type="button" className="btn btn--secondary btn--sm" onClick={onEdit}>
          Edit
        </button>
        <ConfirmAction
          label="Delete"
          question="Delete this job? Interviews already taken keep their copy."
          confirmLabel="Delete"
          size="sm"
          busy={deleting}
          onConfirm={onDelete}
        />
      </div>
    </li>
  );
}
