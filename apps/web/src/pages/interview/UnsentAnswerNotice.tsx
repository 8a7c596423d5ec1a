import { useEffect, useRef } from 'react';
import { Alert } from '../../components/Alert.tsx';

export interface UnsentAnswer {
  questionId: string;
  question: string;
  answer: string;
}

/**
 * An answer the server refused because its question was no longer current (answered in another
 * tab or window, the interview ended): the room has moved on, so the answer box it was typed in
 * is gone. Its text stays here, to copy, until the next answer is in or the notice is dismissed.
 */
export function UnsentAnswerNotice({
  unsent,
  ongoing,
  onDismiss,
}: {
  unsent: UnsentAnswer;
  /** false: the interview itself was ended or cancelled elsewhere */
  ongoing: boolean;
  onDismiss: () => void;
}) {
  // the answer box that had the focus is gone: the notice takes it, so it is read first
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="unsent-notice">
      <Alert tone="warning" title="Your answer was not sent">
        <p>
          {ongoing
            ? `“${unsent.question}” was already answered, in another tab or window, so the interview has moved on.`
            : 'The interview was closed in another tab or window.'}{' '}
          Here is what you wrote, to copy if you need it:
        </p>
        <blockquote className="unsent-answer pre-wrap">{unsent.answer}</blockquote>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onDismiss}>
          Dismiss
        </button>
      </Alert>
    </div>
  );
}
