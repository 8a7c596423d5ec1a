/**
 * Text to speech through any OpenAI-compatible server (OpenAI, a local Kokoro / Piper /
 * openedai-speech server, LocalAI, …) with the official SDK's `audio.speech.create`: the
 * question, read aloud by the server's voice. The browser's own speech synthesis is the
 * fallback, so every failure here is an error the room can fall back from, never silence
 * passed off as audio.
 *
 * The reply is checked by its bytes (the same containers a recording may be in): a proxy's
 * HTML page or a JSON error sent with status 200 is an error, not something to play.
 */
import OpenAI from 'openai';
import { EngineError } from '../engine/errors.ts';
import { withBodyIdleTimeout } from '../engine/openai/idle-timeout-fetch.ts';
import { toEngineError } from '../engine/openai/map-error.ts';
import { type AudioKind, sniffAudio } from './audio.ts';

/**
 * A question read aloud runs ~10-30 s: a few hundred kB of MP3, ~1.5 MB of 24 kHz WAV. A reply
 * far past that is not a question read aloud; reading stops there rather than filling memory.
 */
export const MAX_SPEECH_BYTES = 8 * 1024 * 1024;
/** OpenAI's own bound on `input`; questions are far shorter. */
const MAX_INPUT_CHARS = 4096;

export interface Speech {
  bytes: Buffer;
  kind: AudioKind;
}

export interface Speaker {
  /** shown in /api/health and the room, e.g. "openai:tts-1/alloy" */
  label: string;
  speak(text: string, signal?: AbortSignal): Promise<Speech>;
}

export interface OpenAISpeakerOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  voice: string;
  timeoutMs: number;
  maxRetries: number;
}

async function readBounded(res: Response, limit: number): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new EngineError('invalid_reply', `the speech server sent more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function createOpenAISpeaker(opts: OpenAISpeakerOptions): Speaker {
  const client = new OpenAI({
    apiKey: opts.apiKey,
    ...(opts.baseURL && { baseURL: opts.baseURL }),
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries,
    // the SDK's timeout ends when the headers arrive; the audio itself must keep coming too
    fetch: withBodyIdleTimeout(fetch, opts.timeoutMs),
  });
  return {
    label: `openai:${opts.model}/${opts.voice}`,
    async speak(text, signal) {
      let bytes: Buffer;
      try {
        const res = await client.audio.speech.create(
          {
            model: opts.model,
            voice: opts.voice,
            input: text.slice(0, MAX_INPUT_CHARS),
            // small, and every browser plays it; a server that sends another container is fine too
            response_format: 'mp3',
          },
          signal ? { signal } : {},
        );
        bytes = await readBounded(res, MAX_SPEECH_BYTES);
      } catch (e) {
        throw toEngineError(e, signal);
      }
      const kind = sniffAudio(bytes);
      if (!kind) {
        throw new EngineError('invalid_reply', 'the speech server sent something that is not audio');
      }
      return { bytes, kind };
    },
  };
}
