import { type FormEvent, useState } from 'react';
import { Spinner } from '../../components/Spinner.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { evaluatorLabel } from '../../lib/format.ts';
import { type Feedback, trpc } from '../../trpc.ts';

/**
 * Redo an answer while the interview is ongoing: the new answer is graded again, and the
 * earlier attempts stay listed with their scores (the server keeps them).
 */
export function RedoPanel({ feedback, onRedone }: { feedback: Feedback; onRedone: (fb: Feedback) => void }) {
  const utils = trpc.useUtils();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(feedback.answer);
  const attempts = trpc.practice.attempts.useQuery({ id: feedback.id });
  const redo = trpc.feedback.update.useMutation({
    onSuccess: (fb) => {
      utils.feedback.get.setData({ id: fb.id }, fb);
      void utils.practice.attempts.invalidate({ id: fb.id });
      setEditing(false);
      onRedone(fb);
    },
  });
  const earlier = attempts.data?.attempts ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() && text.trim() !== feedback.answer) redo.mutate({ id: feedback.id, answer: text.trim() });
  };

  return (
    <section className="card stack" aria-labelledby={`redo-${feedback.id}`}>
      <h2 className="card__title" id={`redo-${feedback.id}`}>
        Try this answer again
      </h2>
      {earlier.length > 0 && (
        <div>
          <h3 className="small">All attempts</h3>
          <ol className="attempts" data-testid="attempts">
            {earlier.map((a, i) => (
              <li key={a.id}>
                Attempt {i + 1}: <strong>{a.score === null ? 'not graded' : `${a.score}/10`}</strong>
                <span className="muted small"> · {evaluatorLabel(a.evaluator)}</span>
              </li>
            ))}
            <li>
              Attempt {earlier.length + 1} (this one):{' '}
              <strong>{feedback.score === null ? 'not graded' : `${feedback.score}/10`}</strong>
            </li>
          </ol>
        </div>
      )}
      {editing ? (
        <form className="form" onSubmit={submit} aria-label="Redo your answer">
          <label className="field__label" htmlFor={`redo-text-${feedback.id}`}>
            Your new answer
          </label>
          <textarea
            id={`redo-text-${feedback.id}`}
            className="input textarea"
            rows={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {redo.error && (
            <p className="field__error" role="alert">
              {errorMessage(redo.error)}
            </p>
          )}
          <div className="form__actions">
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => setEditing(false)}
              disabled={redo.isPending}
            >
              Keep the current answer
            </button>
            <button
              type="submit"
              className="btn btn--primary"
              disabled={redo.isPending || !text.trim() || text.trim() === feedback.answer}
            >
              {redo.isPending && <Spinner />}
              {redo.isPending ? 'Grading your new answer…' : 'Submit the new answer'}
            </button>
          </div>
        </form>
      ) : (
        <div className="row">
          <p className="muted small">Not happy with it? Answer again: both scores stay visible here.</p>
          <button type="button" className="btn btn--secondary" onClick={() => setEditing(true)}>
            Redo this answer
          </button>
        </div>
      )}
    </section>
  );
}
