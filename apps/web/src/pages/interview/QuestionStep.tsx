import { useDraft } from '../../hooks/useDraft.ts';
import { domainCodeOf } from '../../lib/errors.ts';
import { type Question, type SubmitResult, trpc } from '../../trpc.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { QuestionCard } from './QuestionCard.tsx';

/** The current question and the answer box; the draft survives a reload. */
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
  const submit = trpc.feedback.submit.useMutation({
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
    </div>
  );
}
