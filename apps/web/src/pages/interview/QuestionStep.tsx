import { useState } from 'react';
import { useDraft } from '../../hooks/useDraft.ts';
import { domainCodeOf } from '../../lib/errors.ts';
import { type Question, type SubmitResult, type Transcription, trpc } from '../../trpc.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { AnswerTimer } from './AnswerTimer.tsx';
import { GradingCard } from './GradingCard.tsx';
import { QuestionCard } from './QuestionCard.tsx';
import type { UnsentAnswer } from './UnsentAnswerNotice.tsx';
import { useSubmitAnswer } from './useSubmitAnswer.ts';
import { KeepRecordings, ReadAloud } from './voice/KeepRecordings.tsx';
import { ModeChoice } from './voice/ModeChoice.tsx';
import { useVoicePreferences } from './voice/preferences.ts';
import { uploadRecording } from './voice/upload.ts';
import { VoicePanel } from './voice/VoicePanel.tsx';

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
  onRefused,
  timeLimitSeconds = null,
}: {
  /** the session's advisory countdown per answer */
  timeLimitSeconds?: number | null;
  sessionId: string;
  question: Question;
  label: string;
  focusOnMount: boolean;
  onAnswered: (result: SubmitResult) => void;
  /** the answer was refused because the session moved on elsewhere (another tab answered, ended…) */
  onRefused: (unsent: UnsentAnswer) => void;
}) {
  const utils = trpc.useUtils();
  const [draft, setDraft, clearDraft] = useDraft(`answer-draft:${question.id}`);
  // typing or speaking, and reading aloud: the user's choices, stored with them on the server
  const { preferences, update } = useVoicePreferences();
  const mode = preferences?.answer_mode ?? 'type';
  const voice = trpc.voice.status.useQuery(undefined, {
    enabled: mode === 'voice',
    staleTime: Number.POSITIVE_INFINITY,
  });
  // the transcription the answer came from, if any: its delivery figures go with the answer
  const [transcription, setTranscription] = useState<Transcription | null>(null);
  const submit = useSubmitAnswer({
    onSuccess: (result) => {
      clearDraft();
      onAnswered(result);
    },
    onError: (error, input) => {
      // answered elsewhere (another tab) or the session changed: show where things stand, and
      // keep what was written (this step unmounts if the room moves to another question)
      if (domainCodeOf(error) === 'CONFLICT') {
        onRefused({ questionId: question.id, question: question.text, answer: input.answer });
        void utils.sessions.get.invalidate({ id: sessionId });
      }
    },
  });
  return (
    <div className="stack">
      <QuestionCard question={question} label={label} focusOnMount={focusOnMount} />
      {timeLimitSeconds && <AnswerTimer key={question.id} seconds={timeLimitSeconds} />}
      {preferences && <ModeChoice mode={mode} onChange={(m) => update({ answer_mode: m })} />}
      {mode === 'voice' && preferences && (
        <div className="row">
          <ReadAloud preferences={preferences} onChange={update} />
          {voice.data?.transcription === 'openai' && (
            <KeepRecordings preferences={preferences} onChange={update} />
          )}
        </div>
      )}
      {mode === 'voice' && voice.data && preferences && (
        <VoicePanel
          key={question.id}
          status={voice.data}
          question={question.text}
          readAloud={preferences.read_aloud}
          fetchSpeech={() => utils.client.voice.speech.query({ session_id: sessionId })}
          transcribe={(audio, seconds) => uploadRecording(sessionId, audio, seconds)}
          onTranscript={(text, t) => {
            setDraft(draft.trim() ? `${draft.trim()}\n\n${text}` : text);
            if (t) setTranscription(t);
          }}
        />
      )}
      <AnswerForm
        value={draft}
        onChange={setDraft}
        submitting={submit.isPending}
        error={submit.error}
        onSubmit={(answer) =>
          submit.mutate({
            session_id: sessionId,
            question_id: question.id,
            answer,
            ...(transcription?.question_id === question.id && { transcript_id: transcription.id }),
          })
        }
      />
      {submit.isPending && <GradingCard text={submit.liveText} />}
    </div>
  );
}
