import { useCallback, useEffect, useRef, useState } from 'react';
import type { QuestionSpeech, VoiceStatus } from '../../../trpc.ts';
import { canSpeak, speak, stopSpeaking } from './speech.ts';

const bytesOf = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const isAutoplayRefusal = (e: unknown) => e instanceof DOMException && e.name === 'NotAllowedError';

/**
 * Reading the question aloud: with the server's voice when it has one (fetched once, then
 * replayed from memory), else — or once that voice has failed — with the browser's own speech
 * synthesis. `readAloud` plays it as the question appears; `play` is the replay.
 */
export function useQuestionVoice({
  question,
  status,
  readAloud,
  fetchSpeech,
}: {
  question: string;
  status: Pick<VoiceStatus, 'speech' | 'speaker'>;
  readAloud: boolean;
  fetchSpeech: () => Promise<QuestionSpeech>;
}) {
  const audio = useRef<HTMLAudioElement>(null);
  const url = useRef<string | null>(null);
  const [serverFailure, setServerFailure] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const useServer = status.speech === 'openai' && serverFailure === null;

  const stop = useCallback(() => {
    stopSpeaking();
    audio.current?.pause();
  }, []);

  const play = useCallback(async () => {
    stop();
    setHint(null);
    if (useServer) {
      try {
        if (!url.current) {
          const s = await fetchSpeech();
          url.current = URL.createObjectURL(new Blob([bytesOf(s.audio_base64)], { type: s.audio_type }));
        }
        const el = audio.current;
        if (!el) return;
        if (el.src !== url.current) el.src = url.current;
        el.currentTime = 0;
        await el.play();
        return;
      } catch (e) {
        // the browser wants a click before it plays sound: the replay button is that click
        if (isAutoplayRefusal(e)) {
          setHint('Press “Replay the question” to hear it.');
          return;
        }
        setServerFailure(
          `The server’s voice failed (${e instanceof Error ? e.message : String(e)})${canSpeak() ? ': your browser reads the question instead.' : '.'}`,
        );
      }
    }
    speak(question);
  }, [useServer, fetchSpeech, question, stop]);

  // read aloud as the question appears (once: a failure above falls back without asking again)
  const played = useRef(false);
  useEffect(() => {
    if (readAloud && !played.current) {
      played.current = true;
      void play();
    }
  }, [readAloud, play]);

  useEffect(
    () => () => {
      stopSpeaking();
      audio.current?.pause();
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [],
  );

  return {
    audio,
    play,
    stop,
    /** who reads: the server's voice (its name), the browser, or nobody */
    voice: useServer ? (status.speaker ?? 'the server') : canSpeak() ? 'your browser' : null,
    failure: serverFailure,
    hint,
  };
}
