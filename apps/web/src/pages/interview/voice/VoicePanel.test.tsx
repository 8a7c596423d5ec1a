import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { delivery } from '../../../test/fixtures.ts';
import type { QuestionSpeech, Transcription, VoiceStatus } from '../../../trpc.ts';
import { VoicePanel } from './VoicePanel.tsx';

/** A MediaRecorder that hands over a small blob when stopped (the e2e test records for real). */
class FakeRecorder {
  static last: FakeRecorder | null = null;
  static isTypeSupported = () => true;
  state: 'inactive' | 'recording' | 'paused' = 'inactive';
  mimeType: string;
  ondataavailable: ((e: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  constructor(_stream: unknown, opts?: { mimeType?: string }) {
    this.mimeType = opts?.mimeType ?? 'audio/webm';
    FakeRecorder.last = this;
  }
  start() {
    this.state = 'recording';
  }
  pause() {
    this.state = 'paused';
  }
  resume() {
    this.state = 'recording';
  }
  stop() {
    this.state = 'inactive';
    this.ondataavailable?.({ data: new Blob(['fake opus bytes'], { type: this.mimeType }) });
    this.onstop?.();
  }
}

const track = { stop: vi.fn() };
let getUserMedia: ReturnType<typeof vi.fn>;

beforeEach(() => {
  getUserMedia = vi.fn(async () => ({ getTracks: () => [track] }));
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
  vi.stubGlobal('MediaRecorder', FakeRecorder);
});
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const serverStatus: VoiceStatus = {
  transcription: 'openai',
  transcriber: 'openai:whisper-test',
  speech: 'browser',
  speaker: null,
  max_seconds: 180,
  max_bytes: 1_000_000,
};
const transcription = (text: string): Transcription => ({
  id: '00000000-0000-4000-8000-000000000001',
  session_id: '00000000-0000-4000-8000-000000000002',
  question_id: '00000000-0000-4000-8000-000000000003',
  transcript: text,
  words: null,
  duration_seconds: 3,
  delivery: delivery(),
  transcriber: 'openai:whisper-test',
});

function panel(over: Partial<Parameters<typeof VoicePanel>[0]> = {}) {
  const props = {
    status: serverStatus,
    question: 'Tell me about a slow query you fixed.',
    readAloud: false,
    fetchSpeech: vi.fn(async (): Promise<QuestionSpeech> => {
      throw new Error('no server voice in this test');
    }),
    transcribe: vi.fn(async () => transcription('I added an index.')),
    onTranscript: vi.fn(),
    ...over,
  };
  render(<VoicePanel {...props} />);
  return props as unknown as {
    transcribe: ReturnType<typeof vi.fn>;
    onTranscript: ReturnType<typeof vi.fn>;
    fetchSpeech: ReturnType<typeof vi.fn>;
  };
}

describe('VoicePanel', () => {
  it('asks for the microphone only when recording starts, shows the recording, and hands over the transcript', async () => {
    const p = panel();
    expect(getUserMedia).not.toHaveBeenCalled();
    expect(screen.getByText(/Transcription: openai:whisper-test/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Record your answer/ })));
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true });
    expect(screen.getByText('Recording')).toBeTruthy();
    expect(screen.getByTestId('voice-elapsed').textContent).toBe('0:00');
    expect(screen.getByRole('meter', { name: 'Microphone level' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByText('Paused')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Stop/ })));

    await waitFor(() => expect(p.onTranscript).toHaveBeenCalledWith('I added an index.', expect.anything()));
    const [audio, seconds] = p.transcribe.mock.calls[0] as unknown as [Blob, number];
    expect(audio.type).toBe('audio/webm;codecs=opus');
    expect(await audio.text()).toBe('fake opus bytes');
    expect(seconds).toBeGreaterThanOrEqual(0);
    expect(track.stop).toHaveBeenCalled(); // the microphone is released
    expect(screen.getByText(/Transcribed by openai:whisper-test: check it below/)).toBeTruthy();
  });

  it('explains a refused microphone', async () => {
    getUserMedia.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    panel();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Record your answer/ })));
    expect(screen.getByRole('alert').textContent).toMatch(/microphone was refused.*Allow it for this site/);
  });

  it('keeps the recording when transcription fails, and sends the same audio again', async () => {
    const transcribe = vi
      .fn()
      .mockRejectedValueOnce(new Error('Transcription failed (the model server answered 500). Try again.'))
      .mockResolvedValueOnce(transcription('Second time.'));
    const p = panel({ transcribe });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Record your answer/ })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Stop/ })));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/answered 500/));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Try again' })));
    await waitFor(() => expect(p.onTranscript).toHaveBeenCalledWith('Second time.', expect.anything()));
    expect(transcribe.mock.calls[1]![0]).toBe(transcribe.mock.calls[0]![0]);
  });

  it('stops by itself at the limit, after warning', async () => {
    const p = panel({ status: { ...serverStatus, max_seconds: 1 } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Record your answer/ })));
    expect(screen.getByText(/s left: recording stops at the limit/)).toBeTruthy();
    await waitFor(() => expect(p.transcribe).toHaveBeenCalled(), { timeout: 3000 });
    expect((p.transcribe.mock.calls[0] as unknown as [Blob, number])[1]).toBeLessThanOrEqual(1);
  });

  it('with neither server nor browser transcription, says so in one sentence', () => {
    panel({ status: { ...serverStatus, transcription: 'browser', transcriber: null } });
    expect(screen.getByRole('status').textContent).toBe(
      'Voice answers are not available here: this server does not transcribe and this browser has no speech recognition, so type your answer.',
    );
    expect(screen.queryByRole('button', { name: /Record/ })).toBeNull();
  });

  it('uses the browser’s recogniser when the server has none, and reports its failure rather than its presence', async () => {
    const instances: { onerror: ((e: { error: string }) => void) | null; stop: () => void }[] = [];
    vi.stubGlobal(
      'webkitSpeechRecognition',
      class {
        onerror: ((e: { error: string }) => void) | null = null;
        onresult = null;
        onend = null;
        constructor() {
          instances.push(this);
        }
        start() {}
        stop() {}
      },
    );
    (window as unknown as Record<string, unknown>).webkitSpeechRecognition = (
      globalThis as Record<string, unknown>
    ).webkitSpeechRecognition;
    panel({ status: { ...serverStatus, transcription: 'browser', transcriber: null } });
    expect(screen.getByText(/Transcription: your browser/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Record your answer/ })));
    await act(async () => instances[0]!.onerror?.({ error: 'audio-capture' }));
    expect(screen.getByRole('status').textContent).toMatch(
      /speech recognition failed \(audio-capture\).*type your answer/,
    );
    delete (window as unknown as Record<string, unknown>).webkitSpeechRecognition;
  });
});

describe('the question read aloud', () => {
  const said: string[] = [];
  let play: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    said.length = 0;
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        constructor(readonly text: string) {}
      },
    );
    Object.defineProperty(window, 'speechSynthesis', {
      value: { speak: (u: { text: string }) => said.push(u.text), cancel: () => {} },
      configurable: true,
    });
    play = vi.fn(async () => {});
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(play as () => Promise<void>);
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => {});
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: () => 'blob:question', revokeObjectURL: () => {} }),
    );
  });
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>).speechSynthesis;
    vi.restoreAllMocks();
  });
  const speech: QuestionSpeech = {
    question_id: '00000000-0000-4000-8000-000000000003',
    audio_type: 'audio/wav',
    audio_base64: btoa('RIFF....WAVEfmt '),
    speaker: 'openai:tts-test/alloy',
  };
  const withServerVoice = { ...serverStatus, speech: 'openai' as const, speaker: 'openai:tts-test/alloy' };

  it('plays the server’s voice as the question appears; a replay plays it again without fetching it again', async () => {
    const fetchSpeech = vi.fn(async () => speech);
    panel({ status: withServerVoice, readAloud: true, fetchSpeech });
    await waitFor(() => expect(play).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('voice-options').textContent).toContain('Voice: openai:tts-test/alloy');
    expect((screen.getByTestId('question-audio') as HTMLAudioElement).src).toBe('blob:question');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Replay the question' })));
    expect(play).toHaveBeenCalledTimes(2);
    expect(fetchSpeech).toHaveBeenCalledTimes(1);
    expect(said).toEqual([]); // the browser did not read it as well
  });

  it('falls back to the browser’s voice when the server’s fails, and says so', async () => {
    const fetchSpeech = vi.fn(async (): Promise<QuestionSpeech> => {
      throw new Error('Reading the question aloud failed (the model server answered 500)');
    });
    panel({ status: withServerVoice, readAloud: true, fetchSpeech });
    await waitFor(() => expect(said).toEqual(['Tell me about a slow query you fixed.']));
    expect(play).not.toHaveBeenCalled();
    expect(
      screen.getByText(/server’s voice failed.*answered 500.*your browser reads the question/),
    ).toBeTruthy();
    expect(screen.getByTestId('voice-options').textContent).toContain('Voice: your browser');
    // the replay goes straight to the browser: the failed voice is not asked again
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Replay the question' })));
    expect(said).toHaveLength(2);
    expect(fetchSpeech).toHaveBeenCalledTimes(1);
  });

  it('without a server voice the browser reads; with reading aloud off, only the replay does', async () => {
    const p = panel({ readAloud: false });
    expect(said).toEqual([]);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Replay the question' })));
    expect(said).toEqual(['Tell me about a slow query you fixed.']);
    expect(p.fetchSpeech).not.toHaveBeenCalled();
    expect(screen.getByTestId('voice-options').textContent).toContain('Voice: your browser');
  });

  it('a browser that refuses to play before a click: asks for the click instead of falling back', async () => {
    play.mockRejectedValueOnce(new DOMException('no gesture', 'NotAllowedError'));
    panel({ status: withServerVoice, readAloud: true, fetchSpeech: vi.fn(async () => speech) });
    await waitFor(() => expect(screen.getByText(/Press “Replay the question” to hear it/)).toBeTruthy());
    expect(said).toEqual([]);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Replay the question' })));
    expect(play).toHaveBeenCalledTimes(2);
  });
});
