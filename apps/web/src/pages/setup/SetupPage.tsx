import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { ErrorState, LoadingState } from '../../components/States.tsx';
import { useFocusOnFailure } from '../../hooks/useFocusOnFailure.ts';
import { domainCodeOf, errorMessage, fieldErrorsOf } from '../../lib/errors.ts';
import { splitSkills } from '../../lib/skills.ts';
import { type Focus, trpc } from '../../trpc.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';

export const FOCUS_OPTIONS: { value: Focus; label: string; text: string }[] = [
  { value: 'mixed', label: 'Mixed', text: 'A realistic blend of all three kinds.' },
  { value: 'technical', label: 'Technical', text: 'Depth on the skills the job lists.' },
  { value: 'behavioural', label: 'Behavioural', text: '“Tell me about a time…” questions.' },
  { value: 'situational', label: 'Situational', text: '“What would you do if…” scenarios.' },
];

/** Choose the number of questions and the focus, then the session is created and started. */
export function SetupPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const job = trpc.jobs.get.useQuery({ id });
  const [count, setCount] = useState('5');
  const [focus, setFocus] = useState<Focus>('mixed');
  const create = trpc.sessions.create.useMutation();
  const start = trpc.sessions.start.useMutation();
  const busy = create.isPending || start.isPending;
  const formRef = useFocusOnFailure(create.error);

  if (job.isLoading) return <LoadingState />;
  if (job.error) {
    if (domainCodeOf(job.error) === 'NOT_FOUND') return <NotFoundPage what="job" />;
    return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  }
  if (!job.data) return null;
  const j = job.data;

  const n = Number(count);
  const countError =
    count.trim() === '' || !Number.isInteger(n) || n < 1 || n > 20
      ? 'Choose a whole number from 1 to 20'
      : undefined;
  const serverErrors = fieldErrorsOf(create.error);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (countError) return;
    try {
      const session = await create.mutateAsync({ job_description_id: j.id, question_count: n, focus });
      utils.sessions.get.setData({ id: session.id }, session);
      try {
        const started = await start.mutateAsync({ id: session.id });
        utils.sessions.get.setData({ id: session.id }, started);
      } catch {
        // the session exists (pending): the room offers Start again
      }
      void utils.users.sessions.invalidate();
      await navigate(`/sessions/${session.id}`);
    } catch {
      // shown below from create.error
    }
  };

  return (
    <div className="page page--narrow">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/">Catalogue</Link>
        <span aria-hidden="true">/</span>
        <Link to={`/jobs/${j.id}`}>{j.title}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">Set up</span>
      </nav>
      <PageHeader
        title="Set up your interview"
        eyebrow={j.title}
        lead={`The interviewer will draw on: ${splitSkills(j.skills).slice(0, 6).join(', ')}.`}
      />
      <form className="card form" onSubmit={onSubmit} noValidate ref={formRef}>
        {create.error && Object.keys(serverErrors).length === 0 && (
          <Alert>{errorMessage(create.error)}</Alert>
        )}
        <Field
          label="Number of questions"
          hint="Between 1 and 20. Five takes about 15 minutes."
          error={countError && count !== '' ? countError : serverErrors.question_count}
        >
          {(p) => (
            <div className="count-input">
              <input
                type="range"
                min={1}
                max={20}
                value={Number.isInteger(n) && n >= 1 && n <= 20 ? n : 5}
                onChange={(e) => setCount(e.target.value)}
                aria-hidden="true"
                tabIndex={-1}
                className="count-input__range"
              />
              <input
                {...p}
                className="input count-input__number"
                type="number"
                inputMode="numeric"
                min={1}
                max={20}
                step={1}
                name="question_count"
                value={count}
                onChange={(e) => setCount(e.target.value)}
                required
              />
            </div>
          )}
        </Field>
        <fieldset className="fieldset">
          <legend className="field__label">Focus</legend>
          <div className="choice-grid">
            {FOCUS_OPTIONS.map((o) => (
              <label key={o.value} className={`choice${focus === o.value ? ' choice--selected' : ''}`}>
                <input
                  type="radio"
                  name="focus"
                  value={o.value}
                  checked={focus === o.value}
                  onChange={() => setFocus(o.value)}
                />
                <span className="choice__label">{o.label}</span>
                <span className="choice__text">{o.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form__actions">
          <Link to={`/jobs/${j.id}`} className="btn btn--ghost">
            Back
          </Link>
          <button type="submit" className="btn btn--primary btn--lg" disabled={busy || Boolean(countError)}>
            {busy && <Spinner />}
            {create.isPending
              ? 'Creating…'
              : start.isPending
                ? 'Preparing your questions…'
                : 'Start interview'}
          </button>
        </div>
      </form>
    </div>
  );
}
