import { type FormEvent, type KeyboardEvent, useMemo } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useFocusOnFailure } from '../../hooks/useFocusOnFailure.ts';
import { errorMessage, fieldErrorsOf } from '../../lib/errors.ts';

export const MAX_ANSWER = 8000;

export function isMacLike(): boolean {
  return (
    typeof navigator !== 'undefined' && /Mac|iPhone|iPad/i.test(navigator.platform || navigator.userAgent)
  );
}

/** A touch screen (coarse main pointer) has no keyboard to press a shortcut on. */
export function isTouchFirst(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}

/** The answer box: character count, Ctrl/Cmd+Enter to submit, locked with "Grading…" while it is graded. */
export function AnswerForm({
  value,
  onChange,
  onSubmit,
  submitting,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  onSubmit: (answer: string) => void;
  submitting: boolean;
  error: unknown;
}) {
  const shortcut = useMemo(() => (isTouchFirst() ? null : isMacLike() ? '⌘ + Enter' : 'Ctrl + Enter'), []);
  const length = value.length;
  const tooLong = length > MAX_ANSWER;
  const empty = value.trim().length === 0;
  const errors = fieldErrorsOf(error);
  const formRef = useFocusOnFailure(error);

  const submit = () => {
    if (submitting || empty || tooLong) return;
    onSubmit(value.trim());
  };
  const onFormSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="card answer-form"
      onSubmit={onFormSubmit}
      aria-busy={submitting}
      noValidate
      ref={formRef}
    >
      <fieldset className="fieldset" disabled={submitting}>
        <Field
          label="Your answer"
          hint={`Answer as you would out loud.${shortcut ? ` Press ${shortcut} to submit.` : ''}`}
          error={errors.answer ?? (tooLong ? `At most ${MAX_ANSWER.toLocaleString()} characters` : undefined)}
          aside={
            <span className={`counter${tooLong ? ' counter--over' : ''}`} aria-live="polite">
              {length.toLocaleString()} / {MAX_ANSWER.toLocaleString()}
            </span>
          }
        >
          {(p) => (
            <textarea
              {...p}
              className="input textarea answer-form__textarea"
              name="answer"
              rows={8}
              value={value}
              onChange={(e) => onChange(e.target.value)}
              onKeyDown={onKeyDown}
              placeholder="Structure helps: situation, what you did, the result, what you learned."
            />
          )}
        </Field>
      </fieldset>
      {error && !errors.answer ? <Alert>{errorMessage(error)}</Alert> : null}
      <div className="answer-form__footer">
        {submitting ? (
          <p className="grading" role="status" aria-live="polite">
            <Spinner /> Grading your answer…
          </p>
        ) : (
          <span className="muted small">Your answer is saved before it is graded.</span>
        )}
        <button type="submit" className="btn btn--primary" disabled={submitting || empty || tooLong}>
          {submitting && <Spinner />}
          {submitting ? 'Grading…' : 'Submit answer'}
        </button>
      </div>
    </form>
  );
}
