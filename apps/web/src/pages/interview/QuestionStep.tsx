import { useDraft } from '../../hooks/useDraft.ts';
import { domainCodeOf } from '../../lib/errors.ts';
import { type Question, type SubmitResult, trpc } from '../../trpc.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { GradingCard } from './GradingCard.tsx';
import { QuestionCard } from './QuestionCard.tsx';
import { useSubmitAnswer } from './useSubmitAnswer.ts';

/**
 * The current question and the answer box; the draft survives a reload. While the answer is
 * graded, the feedback text streams into a "Grading…" card; the full feedback follows.
 */
export function QuestionStep({
  sessionId,
  question,
  label,
  focusOnMount,
  onAnswered,
}: {
  sessionId: string;
  question: Question;
  label: string;
  focusOnMount: boolean;
  onAnswered: (result: SubmitResult) => void;
}) {
  const utils = trpc.useUtils();
  const [draft, setDraft, clearDraft] = useDraft(`answer-draft:${question.id}`);
  const submit = useSubmitAnswer({
    onSuccess: (result) => {
      clearDraft();
      onAnswered(result);
    },
    onError: (error) => {
      // answered elsewhere (another tab) or the session changed: show where things stand
      if (domainCodeOf(error) === 'CONFLICT') void utils.sessions.get.invalidate({ id: sessionId });
    },
  });
  return (
    <div className="stack">
      <QuestionCard question={question} label={label} focusOnMount={focusOnMount} />
      <AnswerForm
        value={draft}
        onChange={setDraft}
        submitting={submit.isPending}
        error={submit.error}
        onSubmit={(answer) => submit.mutate({ session_id: sessionId, question_id: question.id, answer })}
      />
      {submit.isPending && <GradingCard text={submit.liveText} />}
    </div>
  );
}
