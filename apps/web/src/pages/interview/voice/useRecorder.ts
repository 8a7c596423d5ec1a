import { useCallback, useEffect, useRef, useState } from 'react';

export type RecorderState =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'refused'; message: string }
  | { kind: 'recording'; paused: boolean };

/** How long before the limit the candidate is warned. */
export const WARN_BEFORE_SECONDS = 15;
const PREFERRED_TYPE = 'audio/webm;codecs=opus';

function refusal(e: unknown): string {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return 'The microphone was refused, so the room cannot hear you. Allow it for this site (the icon beside the address bar) and try again, or type your answer.';
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return 'No microphone was found. Connect one and try again, or type your answer.';
  }
  return `The microphone could not be opened (${name || 'unknown error'}). Type your answer, or try again.`;
}

/**
 * The microphone: permission asked on start (never before), MediaRecorder for the audio, an
 * input level from an AnalyserNode, elapsed time that stops while paused, and an automatic stop
 * at `maxSeconds`. `onRecorded` gets the audio and its length when recording stops.
 */
export function useRecorder({
  maxSeconds,
  onRecorded,
  onStart,
}: {
  maxSeconds: number;
  onRecorded: (blob: Blob, seconds: number) => void;
  /** called with the live stream once the microphone is open (the browser recogniser listens alongside) */
  onStart?: () => void;
}) {
  const [state, setState] = useState<RecorderState>({ kind: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const [level, setLevel] = useState(0);
  const live = useRef<{
    stream: MediaStream;
    recorder: MediaRecorder;
    chunks: Blob[];
    startedAt: number;
    pausedAt: number | null;
    pausedTotal: number;
    timer: ReturnType<typeof setInterval>;
    frame: number;
    audio: AudioContext | null;
  } | null>(null);
  const recordedRef = useRef(onRecorded);
  recordedRef.current = onRecorded;

  const seconds = () => {
    const l = live.current;
    if (!l) return 0;
    const now = l.pausedAt ?? performance.now();
    return Math.max(0, (now - l.startedAt - l.pausedTotal) / 1000);
  };

  const release = useCallback(() => {
    const l = live.current;
    if (!l) return;
    clearInterval(l.timer);
    cancelAnimationFrame(l.frame);
    for (const t of l.stream.getTracks()) t.stop();
    void l.audio?.close().catch(() => {});
    live.current = null;
    setLevel(0);
  }, []);

  const stop = useCallback(() => {
    const l = live.current;
    if (!l || l.recorder.state === 'inactive') return;
    l.recorder.stop(); // onstop hands the audio over
  }, []);

  const start = useCallback(async () => {
    if (live.current) return;
    setState({ kind: 'asking' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (e) {
      setState({ kind: 'refused', message: refusal(e) });
      return;
    }
    const type =
      typeof MediaRecorder.isTypeSupported === 'function' && MediaRecorder.isTypeSupported(PREFERRED_TYPE)
        ? PREFERRED_TYPE
        : '';
    const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    recorder.onstop = () => {
      const took = Math.min(seconds(), maxSeconds);
      const blob = new Blob(chunks, { type: recorder.mimeType || type || 'audio/webm' });
      release();
      setState({ kind: 'idle' });
      recordedRef.current(blob, took);
    };

    let audio: AudioContext | null = null;
    let frame = 0;
    if (typeof AudioContext !== 'undefined') {
      // the input level: how loud the microphone is, so a silent one is noticed at once
      audio = new AudioContext();
      const analyser = audio.createAnalyser();
      analyser.fftSize = 512;
      audio.createMediaStreamSource(stream).connect(analyser);
      const data = new Uint8Array(analyser.fftSize);
      const tick = () => {
        analyser.getByteTimeDomainData(data);
        let sum = 0;
        for (const v of data) sum += ((v - 128) / 128) ** 2;
        setLevel(Math.min(1, Math.sqrt(sum / data.length) * 3));
        if (live.current) live.current.frame = requestAnimationFrame(tick);
      };
      frame = requestAnimationFrame(tick);
    }

    const timer = setInterval(() => {
      const s = seconds();
      setElapsed(s);
      if (s >= maxSeconds) stop();
    }, 200);
    live.current = {
      stream,
      recorder,
      chunks,
      startedAt: performance.now(),
      pausedAt: null,
      pausedTotal: 0,
      timer,
      frame,
      audio,
    };
    setElapsed(0);
    recorder.start(1000); // a chunk a second: a crash mid-answer loses at most a second
    setState({ kind: 'recording', paused: false });
    onStart?.();
  }, [maxSeconds, release, stop, onStart]);

  const pause = useCallback(() => {
    const l = live.current;
    if (l?.recorder.state !== 'recording') return;
    l.recorder.pause();
    l.pausedAt = performance.now();
    setState({ kind: 'recording', paused: true });
  }, []);

  const resume = useCallback(() => {
    const l = live.current;
    if (l?.recorder.state !== 'paused' || l.pausedAt === null) return;
    l.pausedTotal += performance.now() - l.pausedAt;
    l.pausedAt = null;
    l.recorder.resume();
    setState({ kind: 'recording', paused: false });
  }, []);

  // leaving the room mid-recording turns the microphone off
  useEffect(() => release, [release]);

  return { state, elapsed, level, start, stop, pause, resume };
}
