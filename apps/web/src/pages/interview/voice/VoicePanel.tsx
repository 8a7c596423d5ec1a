import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '../../../components/Alert.tsx';
import { Spinner } from '../../../components/Spinner.tsx';
import type { QuestionSpeech, Transcription, VoiceStatus } from '../../../trpc.ts';
import { useQuestionVoice } from './questionVoice.ts';
import { type Recognition, recognitionConstructor } from './speech.ts';
import { useRecorder, WARN_BEFORE_SECONDS } from './useRecorder.ts';

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/**
 * Speaking an answer: the question read aloud (by the server's voice or the browser's; with
 * replay), a recording with its state, time,
 * level and limit, then the transcript handed to the answer box for correction. Transcribed by
 * the server when it has a transcriber, else by the browser's own recogniser where that works;
 * with neither, one sentence says so and the answer box stays.
 */
export function VoicePanel({
  status,
  question,
  readAloud,
  fetchSpeech,
  transcribe,
  onTranscript,
}: {
  status: VoiceStatus;
  question: string;
  /** read the question aloud as it appears */
  readAloud: boolean;
  fetchSpeech: () => Promise<QuestionSpeech>;
  transcribe: (audio: Blob, seconds: number) => Promise<Transcription>;
  onTranscript: (text: string, transcription: Transcription | null) => void;
}) {
  const server = status.transcription === 'openai';
  const [browserFailure, setBrowserFailure] = useState<string | null>(null);
  const browserCan = !server && recognitionConstructor() !== null && browserFailure === null;
  const [pending, setPending] = useState<{ blob: Blob; seconds: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const recognition = useRef<{ r: Recognition; text: string[] } | null>(null);

  const reader = useQuestionVoice({ question, status, readAloud, fetchSpeech });

  const send = useCallback(
    async (blob: Blob, seconds: number) => {
      setBusy(true);
      setFailure(null);
      try {
        const t = await transcribe(blob, seconds);
        setPending(null);
        setDone(t.transcript ? `Transcribed by ${t.transcriber}: check it below, then submit.` : null);
        if (!t.transcript)
          setFailure('Nothing was heard in that recording. Try again closer to the microphone.');
        else onTranscript(t.transcript, t);
      } catch (e) {
        // the recording is kept in memory: "Try again" sends the same audio
        setPending({ blob, seconds });
        setFailure(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [transcribe, onTranscript],
  );

  const startRecognition = useCallback(() => {
    if (server) return;
    const Ctor = recognitionConstructor();
    if (!Ctor) return;
    const r = new Ctor();
    const text: string[] = [];
    r.continuous = true;
    r.interimResults = false;
    r.lang = navigator.language || 'en-US';
    r.onresult = (e) => {
      for (let i = e.resultIndex; i < e.results.length; i++) {
        const result = e.results[i];
        if (result?.isFinal && result[0]) text.push(result[0].transcript.trim());
      }
    };
    r.onerror = (e) => {
      if (e.error === 'no-speech' || e.error === 'aborted') return;
      setBrowserFailure(
        `Your browser’s speech recognition failed (${e.error}), and this server does not transcribe: type your answer.`,
      );
    };
    recognition.current = { r, text };
    try {
      r.start();
    } catch (e) {
      setBrowserFailure(
        `Your browser’s speech recognition could not start (${String(e)}): type your answer.`,
      );
    }
  }, [server]);

  const recorder = useRecorder({
    maxSeconds: status.max_seconds,
    onStart: startRecognition,
    onRecorded: (blob, seconds) => {
      if (server) {
        void send(blob, seconds);
        return;
      }
      const rec = recognition.current;
      recognition.current = null;
      if (!rec) return;
      rec.r.onend = () => {
        const said = rec.text.join(' ').trim();
        if (said) {
          setDone('Transcribed by your browser: check it below, then submit.');
          onTranscript(said, null);
        }
      };
      rec.r.stop();
    },
  });

  // a recogniser that failed mid-recording: stop, nothing more can come of it
  useEffect(() => {
    if (browserFailure && recorder.state.kind === 'recording') recorder.stop();
  }, [browserFailure, recorder]);

  // the server's voice plays here; hidden: the replay button is its control
  const questionAudio = (
    // biome-ignore lint/a11y/useMediaCaption: the question's text is on the page above
    <audio ref={reader.audio} data-testid="question-audio" hidden />
  );

  if (!server && !browserCan) {
    // the question is still read aloud; only the answer has to be typed
    return (
      <>
        <p className="card voice voice--unavailable" role="status">
          {browserFailure ??
            'Voice answers are not available here: this server does not transcribe and this browser has no speech recognition, so type your answer.'}
        </p>
        {questionAudio}
      </>
    );
  }

  const { state, elapsed, level } = recorder;
  const recording = state.kind === 'recording';
  const left = status.max_seconds - elapsed;
  return (
    <section className="card voice" aria-label="Voice answer">
      <div className="row voice__bar">
        {reader.voice && (
          <button type="button" className="btn btn--ghost" onClick={() => void reader.play()}>
            Replay the question
          </button>
        )}
        <span className="muted small" data-testid="voice-options">
          Voice: {reader.voice ?? 'none in this browser'} ·{' '}
          {server ? `Transcription: ${status.transcriber ?? 'server'}` : 'Transcription: your browser'} · up
          to {clock(status.max_seconds)}
        </span>
        {questionAudio}
      </div>
      {reader.failure && <p className="muted small">{reader.failure}</p>}
      {reader.hint && <p className="muted small">{reader.hint}</p>}

      {recording ? (
        <div className="voice__recording" role="status" aria-live="polite">
          <span className={`voice__dot${state.paused ? ' voice__dot--paused' : ''}`} aria-hidden="true" />
          <strong>{state.paused ? 'Paused' : 'Recording'}</strong>
          <span data-testid="voice-elapsed">{clock(elapsed)}</span>
          <meter
            className="voice__level"
            aria-label="Microphone level"
            min={0}
            max={1}
            value={state.paused ? 0 : level}
          />
          {left <= WARN_BEFORE_SECONDS && (
            <span className="voice__warning">
              {Math.max(0, Math.ceil(left))} s left: recording stops at the limit
            </span>
          )}
          <div className="row">
            {state.paused ? (
              <button type="button" className="btn" onClick={recorder.resume}>
                Resume
              </button>
            ) : (
              <button type="button" className="btn" onClick={recorder.pause}>
                Pause
              </button>
            )}
            <button type="button" className="btn btn--primary" onClick={recorder.stop}>
              ■ Stop
            </button>
          </div>
        </div>
      ) : busy ? (
        <p className="grading" role="status">
          <Spinner /> Transcribing your answer…
        </p>
      ) : (
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => {
            reader.stop();
            setDone(null);
            void recorder.start();
          }}
          disabled={state.kind === 'asking'}
        >
          ● {state.kind === 'asking' ? 'Waiting for the microphone…' : 'Record your answer'}
        </button>
      )}

      {state.kind === 'refused' && <Alert>{state.message}</Alert>}
      {failure && (
        <Alert>
          {failure}{' '}
          {pending && (
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => void send(pending.blob, pending.seconds)}
            >
              Try again
            </button>
          )}
        </Alert>
      )}
      {done && (
        <p className="muted small" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
