import { useEffect, useRef } from 'react';
import { Badge } from '../../components/Badge.tsx';
import { titleCase } from '../../lib/format.ts';
import type { Question } from '../../trpc.ts';

/** The question being asked, with its category and the skill it targets. */
export function QuestionCard({
  question,
  label,
  focusOnMount = false,
}: {
  question: Pick<Question, 'text' | 'category' | 'skill' | 'is_follow_up'>;
  label: string;
  focusOnMount?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <section className="card question-card" aria-labelledby="question-label">
      <div className="question-card__meta">
        <span id="question-label" className="question-card__label">
          {label}
        </span>
        <span className="row row--tight">
          {question.is_follow_up && <Badge tone="accent">Follow-up</Badge>}
          <Badge tone="info">{titleCase(question.category)}</Badge>
          {question.skill && <Badge>{question.skill}</Badge>}
        </span>
      </div>
      <h2 className="question-card__text" ref={ref} tabIndex={-1} data-testid="question-text">
        {question.text}
      </h2>
    </section>
  );
}
