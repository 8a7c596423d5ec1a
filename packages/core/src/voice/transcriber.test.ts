import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '../engine/errors.ts';
import { apiError, type FakeOpenAI, scripted, startFakeOpenAI } from '../engine/openai/fake-openai-server.ts';
import { sniffAudio } from './audio.ts';
import { verboseTranscription, wavFile } from './testing.ts';
import { createOpenAITranscriber } from './transcriber.ts';

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const audio = wavFile(1.5);
const kind = sniffAudio(audio)!;
const transcriber = (url: string, o: { timeoutMs?: number; maxRetries?: number } = {}) =>
  createOpenAITranscriber({
    apiKey: 'test',
    baseURL: url,
    model: 'whisper-test',
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

describe('the openai transcriber against an OpenAI-compatible server', () => {
  it('sends the audio with the model and asks for word timings; returns the timed words', async () => {
    server = await startFakeOpenAI(
      scripted({ json: verboseTranscription('First, I measured the latency.') }),
    );
    const t = await transcriber(server.url).transcribe({ bytes: audio, kind });
    expect(t).toEqual({
      text: 'First, I measured the latency.',
      words: [
        { word: 'First', start: 0, end: 0.4 },
        { word: 'I', start: 0.4, end: 0.8 },
        { word: 'measured', start: 0.8, end: 1.2 },
        { word: 'the', start: 1.2, end: 1.6 },
        { word: 'latency', start: 1.6, end: 2 },
      ],
      durationSeconds: 2,
    });
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/audio/transcriptions');
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(req.raw).toContain('whisper-test');
    expect(req.raw).toContain('verbose_json');
    expect(req.raw).toMatch(/timestamp_granularities\[\]"\r\n\r\nword/);
    expect(req.raw).toContain('filename="answer.wav"');
    // the recording itself travels, byte for byte
    expect(req.bytes.includes(audio)).toBe(true);
  });

  it('accepts a server that gives only the text: a transcript without timings', async () => {
    server = await startFakeOpenAI(scripted({ json: { text: ' I led the migration. ' } }));
    const t = await transcriber(server.url).transcribe({ bytes: audio, kind });
    expect(t).toEqual({ text: 'I led the migration.', words: null, durationSeconds: null });
  });

  it('ignores malformed timings but keeps the text', async () => {
    server = await startFakeOpenAI(scripted({ json: { text: 'ok then', words: 'nope', duration: 'x' } }));
    const t = await transcriber(server.url).transcribe({ bytes: audio, kind });
    expect(t).toEqual({ text: 'ok then', words: null, durationSeconds: null });
  });

  it('retries a 500 (the SDK, the only retry layer) and then succeeds', async () => {
    server = await startFakeOpenAI(
      scripted({ status: 500, json: apiError('boom') }, { json: verboseTranscription('second time lucky') }),
    );
    const t = await transcriber(server.url, { maxRetries: 1 }).transcribe({ bytes: audio, kind });
    expect(t.text).toBe('second time lucky');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.bytes.includes(audio)).toBe(true); // the retry sent the audio again
  });

  it('reports a persistent 500 as an http error, retryable', async () => {
    server = await startFakeOpenAI(scripted({ status: 500, json: apiError('down') }));
    const e = await failure(transcriber(server.url).transcribe({ bytes: audio, kind }));
    expect(e.kind).toBe('http');
    expect(e.status).toBe(500);
    expect(e.retryable).toBe(true);
  });

  it('gives up on a server that hangs, after the timeout', async () => {
    server = await startFakeOpenAI(scripted({ hang: true }));
    const started = Date.now();
    const e = await failure(transcriber(server.url, { timeoutMs: 400 }).transcribe({ bytes: audio, kind }));
    expect(e.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses garbage: a body that is not a transcript is an error, never an empty answer', async () => {
    server = await startFakeOpenAI(scripted({ text: '<html>proxy error</html>' }, { json: { foo: 1 } }));
    const t = transcriber(server.url);
    expect((await failure(t.transcribe({ bytes: audio, kind }))).kind).toBe('invalid_reply');
    expect((await failure(t.transcribe({ bytes: audio, kind }))).kind).toBe('invalid_reply');
  });
});
