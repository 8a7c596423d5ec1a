import { useEffect, useState } from 'react';
import { clock } from '../../lib/practice.ts';

/**
 * The session's time limit per answer as a countdown. Advisory: at zero the candidate is told
 * (once, politely, through a live region) and can still submit; nothing is cut off.
 */
export function AnswerTimer({ seconds }: { seconds: number }) {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const left = seconds - (now - started) / 1000;
  const over = left <= 0;
  useEffect(() => {
    if (over) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [over]);
  return (
    <p className={`answer-timer${over ? ' answer-timer--over' : ''}`} data-testid="answer-timer">
      {/* the ticking figure is not announced every second; the end is, once */}
      <span aria-hidden="true">
        {over ? 'Time is up' : `Time left ${clock(left)}`}
        {over && <span className="muted small"> · you can still finish and submit your answer.</span>}
      </span>
      <span className="sr-only" role="status">
        {over
          ? 'Time is up. You can still finish and submit your answer.'
          : `Time limit for this answer: ${clock(seconds)}`}
      </span>
    </p>
  );
}
