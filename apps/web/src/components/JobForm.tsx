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
}: {
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
  const errors = fieldErrorsOf(error);
  const formRef = useFocusOnFailure(error);
  const general = formMessage(error, errors, FIELDS);
  const set = (key: keyof JobFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      title: values.title.trim(),
      description: values.description.trim(),
      skills: values.skills.trim(),
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
        <Field label="Skills" hint="Comma separated, e.g. React, TypeScript, testing." error={errors.skills}>
          {(p) => (
            <input
              {...p}
              className="input"
              name={`${idPrefix}-skills`}
              maxLength={2000}
              value={values.skills}
              onChange={set('skills')}
              required
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
      <div className="form__actions">
        {onCancel && (
          <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy && <Spinner />}
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
