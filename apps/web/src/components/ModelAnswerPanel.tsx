import { useState } from 'react';
import { errorMessage } from '../lib/errors.ts';
import { trpc } from '../trpc.ts';
import { Spinner } from './Spinner.tsx';

/** Who wrote the example, in words a candidate understands. */
export function writtenByLabel(writtenBy: string): string {
  return writtenBy.startsWith('offline:')
    ? 'An outline built from the talking points by the built-in interviewer.'
    : 'Written by the AI interviewer as an example.';
}

/**
 * "What a strong answer covers" for one answered question: loaded when first opened (it may
 * cost a model call, once; the server keeps it). The example is labelled as an example: it
 * is never someone's real answer.
 */
export function ModelAnswerPanel({
  feedbackId,
  heading = 'h3',
}: {
  feedbackId: string;
  heading?: 'h3' | 'h5';
}) {
  const [open, setOpen] = useState(false);
  const model = trpc.practice.modelAnswer.useQuery({ id: feedbackId }, { enabled: open, retry: false });
  const Heading = heading;
  return (
    <details
      className="card model-answer no-print"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>What a strong answer covers</summary>
      {model.isLoading && (
        <p className="grading" role="status">
          <Spinner /> Writing it…
        </p>
      )}
      {model.error && (
        <p role="alert" className="field__error">
          {errorMessage(model.error)}
        </p>
      )}
      {model.data && (
        <div className="stack" data-testid="model-answer">
          <Heading>Talking points</Heading>
          <ul>
            {model.data.talking_points.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          <Heading>
            {model.data.written_by.startsWith('offline:')
              ? 'Example outline (not a real candidate’s answer)'
              : 'Example answer (not a real candidate’s)'}
          </Heading>
          <p className="pre-wrap model-answer__example">{model.data.example}</p>
          <p className="muted small">{writtenByLabel(model.data.written_by)}</p>
        </div>
      )}
    </details>
  );
}
