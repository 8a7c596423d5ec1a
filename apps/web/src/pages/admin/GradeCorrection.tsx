import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useFocusOnFailure } from '../../hooks/useFocusOnFailure.ts';
import { fieldErrorsOf, formMessage } from '../../lib/errors.ts';
import { type Feedback, trpc } from '../../trpc.ts';

const FIELDS = ['score', 'ai_feedback'] as const;

/**
 * An admin corrects the grade of one answer (score 0–10, and optionally the feedback text). The
 * server keeps the interviewer's breakdown, adds the admin's adjustment, and labels the grade
 * as the admin's ("Graded by an admin").
 */
export function GradeCorrection({ feedback }: { feedback: Feedback }) {
  const utils = trpc.useUtils();
  const [open, setOpen] = useState(false);
  const [score, setScore] = useState(String(feedback.score ?? ''));
  const [text, setText] = useState(feedback.ai_feedback ?? '');
  const update = trpc.feedback.update.useMutation({
    onSuccess: async () => {
      setOpen(false);
      // the answer's score, and its session's: the server rescores a completed interview
      await Promise.all([
        utils.sessions.feedbacks.invalidate({ session_id: feedback.session_id }),
        utils.sessions.get.invalidate({ id: feedback.session_id }),
        utils.sessions.list.invalidate(),
      ]);
    },
  });
  const errors = fieldErrorsOf(update.error);
  const formRef = useFocusOnFailure(update.error);
  const general = formMessage(update.error, errors, FIELDS);
  if (!open)
    return (
      <div className="no-print">
        {update.isSuccess && <Alert tone="success">Grade corrected.</Alert>}
        <button type="button" className="btn btn--secondary btn--sm" onClick={() => setOpen(true)}>
          Correct the grade
        </button>
      </div>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    update.mutate({
      id: feedback.id,
      // the server names a bad score; an empty box is "no number", sent as such
      score: score.trim() === '' ? Number.NaN : Number(score),
      ...(trimmed && trimmed !== (feedback.ai_feedback ?? '') && { ai_feedback: trimmed }),
    });
  };
  return (
    <form className="form card card--inset no-print" onSubmit={submit} noValidate ref={formRef}>
      <h5 className="card__title">Correct the grade</h5>
      {general && <Alert>{general}</Alert>}
      <Field label="Score (0–10)" error={errors.score}>
        {(p) => (
          <input
            {...p}
            className="input input--inline"
            type="number"
            inputMode="numeric"
            min={0}
            max={10}
            step={1}
            name="score"
            value={score}
            onChange={(e) => setScore(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Feedback for the candidate"
        hint="Leave as is to keep the interviewer's words."
        error={errors.ai_feedback}
      >
        {(p) => (
          <textarea
            {...p}
            className="input"
            rows={3}
            name="ai_feedback"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={update.isPending}>
          {update.isPending && <Spinner />}
          Save the grade
        </button>
      </div>
    </form>
  );
}
