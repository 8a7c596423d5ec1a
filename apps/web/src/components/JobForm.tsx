import { type FormEvent, useState } from 'react';
import { useFocusOnFailure } from '../hooks/useFocusOnFailure.ts';
import { errorMessage, fieldErrorsOf, formMessage } from '../lib/errors.ts';
import type { Job } from '../trpc.ts';
import { Alert } from './Alert.tsx';
import { Field } from './Field.tsx';
import { Spinner } from './Spinner.tsx';

export interface JobFormValues {
  title: string;
  description: string;
  skills: string;
  experience: string;
}

const FIELDS = ['title', 'description', 'skills', 'experience'] as const;
const DESCRIPTION_MAX = 20_000;

/** Title, description, skills and experience of a job description, for candidates and admins alike. */
export function JobForm({
  initial,
  submitLabel,
  busyLabel = 'Saving…',
  onSubmit,
  onCancel,
  busy,
  error,
  idPrefix = 'job',
  onFindSkills,
}: {
  /**
   * Reads the skills out of the pasted description (the "My own job" form): a "Find skills"
   * button, and an empty skills field is filled this way on submit instead of being refused.
   */
  onFindSkills?: (description: string) => Promise<string[]>;
  initial?: Pick<Job, 'title' | 'description' | 'skills' | 'experience'>;
  submitLabel: string;
  busyLabel?: string;
  onSubmit: (values: JobFormValues) => void;
  onCancel?: () => void;
  busy: boolean;
  error: unknown;
  idPrefix?: string;
}) {
  const [values, setValues] = useState<JobFormValues>({
    title: initial?.title ?? '',
    description: initial?.description ?? '',
    skills: initial?.skills ?? '',
    experience: initial?.experience ?? '',
  });
  const [finding, setFinding] = useState(false);
  const [found, setFound] = useState<string | null>(null);
  const errors = fieldErrorsOf(error);
  const formRef = useFocusOnFailure(error);
  const general = formMessage(error, errors, FIELDS);
  const set = (key: keyof JobFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  /** Adds the posting's skills to those already typed (the candidate's own edits are kept). */
  const findSkills = async (): Promise<string> => {
    if (!onFindSkills || !values.description.trim()) return values.skills;
    setFinding(true);
    try {
      const skills = await onFindSkills(values.description);
      const typed = values.skills
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const known = new Set(typed.map((x) => x.toLowerCase()));
      const merged = [...typed, ...skills.filter((x) => !known.has(x.toLowerCase()))].join(', ');
      setValues((v) => ({ ...v, skills: merged }));
      setFound(
        skills.length > 0
          ? `Found ${skills.length} skill${skills.length === 1 ? '' : 's'} in the posting. Adjust them as you like.`
          : 'No skills found in the posting: type the skills the job asks for.',
      );
      return merged;
    } catch {
      setFound('Could not read the posting just now: type the skills the job asks for.');
      return values.skills;
    } finally {
      setFinding(false);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const skills = !values.skills.trim() && onFindSkills ? await findSkills() : values.skills;
    onSubmit({
      title: values.title.trim(),
      description: values.description.trim(),
      skills: skills.trim(),
      experience: values.experience.trim(),
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={submitLabel} ref={formRef}>
      {general && <Alert>{error ? errorMessage(error) : general}</Alert>}
      <Field label="Job title" error={errors.title}>
        {(p) => (
          <input
            {...p}
            className="input"
            name={`${idPrefix}-title`}
            maxLength={200}
            value={values.title}
            onChange={set('title')}
            placeholder="e.g. Frontend Engineer"
            required
          />
        )}
      </Field>
      <Field
        label="Job description"
        hint="Paste the whole advert: responsibilities, team, what they look for."
        error={errors.description}
        aside={
          <span className="counter">
            {values.description.length.toLocaleString()} / {DESCRIPTION_MAX.toLocaleString()}
          </span>
        }
      >
        {(p) => (
          <textarea
            {...p}
            className="input textarea"
            name={`${idPrefix}-description`}
            rows={8}
            maxLength={DESCRIPTION_MAX}
            value={values.description}
            onChange={set('description')}
            required
          />
        )}
      </Field>
      <div className="form__row">
        <Field
          label="Skills"
          hint={
            onFindSkills
              ? 'Found in the posting for you, or type them: comma separated.'
              : 'Comma separated, e.g. React, TypeScript, testing.'
          }
          error={errors.skills}
        >
          {(p) => (
            <input
              {...p}
              className="input"
              name={`${idPrefix}-skills`}
              maxLength={2000}
              value={values.skills}
              onChange={set('skills')}
              required={!onFindSkills}
            />
          )}
        </Field>
        <Field label="Experience" hint="Optional, e.g. 2–4 yrs." error={errors.experience}>
          {(p) => (
            <input
              {...p}
              className="input"
              name={`${idPrefix}-experience`}
              maxLength={100}
              value={values.experience}
              onChange={set('experience')}
            />
          )}
        </Field>
      </div>
      {onFindSkills && (
        <div className="row">
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => void findSkills()}
            disabled={finding || busy || !values.description.trim()}
          >
            {finding && <Spinner />}
            {finding ? 'Reading the posting…' : 'Find skills in the posting'}
          </button>
          <p className="muted small" role="status">
            {found}
          </p>
        </div>
      )}
      <div className="form__actions">
        {onCancel && (
          <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy || finding}>
          {busy && <Spinner />}
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
