import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '../engine/errors.ts';
import { apiError, type FakeOpenAI, scripted, startFakeOpenAI } from '../engine/openai/fake-openai-server.ts';
import { createOpenAISpeaker, MAX_SPEECH_BYTES } from './speaker.ts';
import { wavFile } from './testing.ts';

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const speaker = (url: string, o: { timeoutMs?: number; maxRetries?: number } = {}) =>
  createOpenAISpeaker({
    apiKey: 'test',
    baseURL: url,
    model: 'tts-test',
    voice: 'nova',
    timeoutMs: o.timeoutMs ?? 5000,
    maxRetries: o.maxRetries ?? 0,
  });

async function failure(p: Promise<unknown>): Promise<EngineError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(EngineError);
  return e as EngineError;
}

describe('the openai speaker against an OpenAI-compatible server', () => {
  it('asks /audio/speech for the text in its model and voice; returns the audio, recognised by its bytes', async () => {
    const audio = wavFile(0.5);
    server = await startFakeOpenAI(scripted({ bytes: audio, contentType: 'audio/wav' }));
    const s = speaker(server.url);
    expect(s.label).toBe('openai:tts-test/nova');
    const speech = await s.speak('Tell me about a slow query you fixed.');
    expect(speech.kind).toEqual({ mime: 'audio/wav', ext: 'wav' });
    expect(speech.bytes.equals(audio)).toBe(true);
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/audio/speech');
    expect(req.body).toMatchObject({
      model: 'tts-test',
      voice: 'nova',
      input: 'Tell me about a slow query you fixed.',
    });
  });

  it('a 500 is an http error, after the SDK’s retries (the only retry layer)', async () => {
    server = await startFakeOpenAI(scripted({ status: 500, json: apiError('down') }));
    const e = await failure(speaker(server.url, { maxRetries: 1 }).speak('Hello?'));
    expect(e.kind).toBe('http');
    expect(e.status).toBe(500);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on a server that hangs, or stalls mid-audio, after the timeout', async () => {
    server = await startFakeOpenAI(
      scripted({ hang: true }, { stallAfterHeaders: true, partialBody: 'RIFF' }),
    );
    const s = speaker(server.url, { timeoutMs: 400 });
    const started = Date.now();
    expect((await failure(s.speak('Hello?'))).kind).toBe('timeout');
    expect((await failure(s.speak('Hello?'))).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a reply that is not audio, whatever its status and type say', async () => {
    server = await startFakeOpenAI(
      scripted(
        { text: '<html>proxy error</html>' },
        { json: { error: null, audio: 'here' } },
        { bytes: Buffer.from('%PDF-1.7 not audio at all'), contentType: 'audio/mpeg' },
      ),
    );
    const s = speaker(server.url);
    for (let i = 0; i < 3; i++) {
      const e = await failure(s.speak('Hello?'));
      expect(e.kind).toBe('invalid_reply');
      expect(e.message).toMatch(/not audio/);
    }
  });

  it('stops reading a reply far larger than a question read aloud', async () => {
    const huge = Buffer.concat([wavFile(0.1), Buffer.alloc(MAX_SPEECH_BYTES)]);
    server = await startFakeOpenAI(scripted({ bytes: huge, contentType: 'audio/wav' }));
    const e = await failure(speaker(server.url).speak('Hello?'));
    expect(e.kind).toBe('invalid_reply');
    expect(e.message).toContain(String(MAX_SPEECH_BYTES));
  });
});
