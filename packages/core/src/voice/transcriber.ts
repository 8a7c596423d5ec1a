/**
 * Speech to text through any OpenAI-compatible server (OpenAI, a local faster-whisper or
 * whisper.cpp server, LocalAI, …) with the official SDK's `audio.transcriptions`. Word
 * timestamps are asked for (`verbose_json` + word granularity) and used when the server gives
 * them; a server that gives only text still yields a transcript, without the timing figures.
 *
 * Failure policy, as for the interviewer: one retry layer (the SDK's), a timeout, and a reply
 * that is not a transcript is an error, never an empty answer.
 */
import OpenAI, { toFile } from 'openai';
import { z } from 'zod';
import { EngineError } from '../engine/errors.ts';
import { toEngineError } from '../engine/openai/map-error.ts';
import type { TimedWord } from '../schemas/delivery.ts';
import type { AudioKind } from './audio.ts';

export interface Transcript {
  text: string;
  /** null when the server gave no word timings */
  words: TimedWord[] | null;
  /** the server's measure of the recording, when it gives one */
  durationSeconds: number | null;
}

export interface Transcriber {
  /** shown in /api/health and the room, e.g. "openai:whisper-1" */
  label: string;
  transcribe(audio: { bytes: Uint8Array; kind: AudioKind }, signal?: AbortSignal): Promise<Transcript>;
}

export interface OpenAITranscriberOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  /** a hint for the recogniser, e.g. "en" */
  language?: string;
}

/** What servers send back: OpenAI's verbose_json, or just `{ text }` from simpler servers. */
const replySchema = z.object({
  text: z.string(),
  duration: z.coerce.number().nonnegative().optional().catch(undefined),
  words: z
    .array(z.object({ word: z.string(), start: z.number().nonnegative(), end: z.number().nonnegative() }))
    .optional()
    .catch(undefined),
});

export function createOpenAITranscriber(opts: OpenAITranscriberOptions): Transcriber {
  const client = new OpenAI({
    apiKey: opts.apiKey,
    ...(opts.baseURL && { baseURL: opts.baseURL }),
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries,
  });
  return {
    label: `openai:${opts.model}`,
    async transcribe(audio, signal) {
      let reply: unknown;
      try {
        reply = await client.audio.transcriptions.create(
          {
            file: await toFile(audio.bytes, `answer.${audio.kind.ext}`, { type: audio.kind.mime }),
            model: opts.model,
            response_format: 'verbose_json',
            timestamp_granularities: ['word'],
            ...(opts.language && { language: opts.language }),
          },
          signal ? { signal } : {},
        );
      } catch (e) {
        throw toEngineError(e, signal);
      }
      const parsed = replySchema.safeParse(reply);
      if (!parsed.success) {
        throw new EngineError(
          'invalid_reply',
          'the transcription server sent something that is not a transcript',
        );
      }
      const { text, words, duration } = parsed.data;
      const timed = words?.filter((w) => w.word.trim() !== '' && w.end >= w.start) ?? [];
      return {
        text: text.replaceAll('\u0000', '').trim(),
        words:
          timed.length > 0 ? timed.map((w) => ({ word: w.word.trim(), start: w.start, end: w.end })) : null,
        durationSeconds: duration ?? null,
      };
    },
  };
}
