/**
 * The question read aloud by the server's voice (a real SDK against a fake speech server on
 * 127.0.0.1), and the voice preferences stored with the user.
 */
import { createOpenAISpeaker, SpeechCache } from '@ai-interviewer/core';
import {
  apiError,
  type FakeOpenAI,
  type FakeReply,
  makeJob,
  makeUser,
  offlineInterviewer,
  startFakeOpenAI,
  wavFile,
} from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Client,
  hasStackTrace,
  type Response,
  startTestServer,
  type TestServer,
} from '../testing/test-server.ts';

const QUOTA = 4;
const SPOKEN = wavFile(0.5);

let s: TestServer;
let fake: FakeOpenAI;
let reply: FakeReply;
let me: Client;
let jobId: string;

beforeAll(async () => {
  fake = await startFakeOpenAI(() => reply);
  s = await startTestServer({
    interviewer: offlineInterviewer({ hourlyModelCalls: QUOTA }),
    voice: {
      transcriber: null,
      speech: {
        speaker: createOpenAISpeaker({
          apiKey: 'test',
          baseURL: fake.url,
          model: 'tts-test',
          voice: 'nova',
          timeoutMs: 500,
          maxRetries: 0,
        }),
        cache: new SpeechCache(1024 * 1024),
      },
      limits: { maxBytes: 100_000, maxSeconds: 60 },
    },
  });
  me = await newUser();
  jobId = (await makeJob(s.db, null)).id;
});
afterAll(async () => {
  await s?.close();
  await fake?.close();
});
beforeEach(() => {
  reply = { bytes: SPOKEN, contentType: 'audio/wav' };
});

async function newUser(): Promise<Client> {
  const { user } = await makeUser(s.db);
  return s.as((await s.login(user)).token);
}

async function session(client = me, start = true): Promise<string> {
  const res = await client.post('/api/sessions', { job_description_id: jobId, question_count: 2 });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (start) expect((await client.post(`/api/sessions/${id}/start`)).statusCode).toBe(200);
  return id;
}

function expectError(res: Response, status: number, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(hasStackTrace(res.body)).toBe(false);
  if (field)
    expect(res.json().error.issues.map((i: { path: string[] }) => i.path.join('.'))).toContain(field);
}

describe('GET /api/sessions/{id}/speech', () => {
  it('reads the current question aloud; a replay is served from memory, without the speech server or the quota', async () => {
    const client = await newUser();
    const id = await session(client);
    const current = (await client.get(`/api/sessions/${id}`)).json().current_question;
    const before = fake.requests.length;
    const res = await client.get(`/api/sessions/${id}/speech`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      question_id: current.id,
      audio_type: 'audio/wav',
      speaker: 'openai:tts-test/nova',
    });
    expect(Buffer.from(res.json().audio_base64, 'base64').equals(SPOKEN)).toBe(true);
    expect(fake.requests).toHaveLength(before + 1);
    expect(fake.requests.at(-1)!.body).toMatchObject({ input: current.text, voice: 'nova' });

    for (let i = 0; i < QUOTA + 1; i++) {
      expect((await client.get(`/api/sessions/${id}/speech`)).statusCode).toBe(200);
    }
    expect(fake.requests).toHaveLength(before + 1);

    // the next question is read anew
    await client.post('/api/feedbacks', { session_id: id, answer: 'I added an index and measured it.' });
    const next = await client.get(`/api/sessions/${id}/speech`);
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().question_id).not.toBe(current.id);
    expect(fake.requests).toHaveLength(before + 2);
  });

  it('over tRPC too', async () => {
    const id = await session();
    const res = await me.get(
      `/trpc/voice.speech?input=${encodeURIComponent(JSON.stringify({ session_id: id }))}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result.data.audio_type).toBe('audio/wav');
  });

  it('someone else’s session: 404 and the speech server is not called; anonymous: 401', async () => {
    const theirs = await session(await newUser());
    const before = fake.requests.length;
    expectError(await me.get(`/api/sessions/${theirs}/speech`), 404);
    expectError(await s.as(null).get(`/api/sessions/${theirs}/speech`), 401);
    expectError(await me.get('/api/sessions/not-an-id/speech'), 400, 'session_id');
    expect(fake.requests).toHaveLength(before);
  });

  it('a session that is not ongoing: 409', async () => {
    expectError(await me.get(`/api/sessions/${await session(me, false)}/speech`), 409);
  });

  it('a failing speech server: 503 that says so (the room falls back to the browser), and a retry can succeed', async () => {
    const client = await newUser();
    const id = await session(client);
    for (const bad of [
      { status: 500, json: apiError('overloaded') },
      { text: '<html>proxy error</html>' },
      { hang: true },
    ] as FakeReply[]) {
      reply = bad;
      const res = await client.get(`/api/sessions/${id}/speech`);
      expectError(res, 503);
      expect(res.json().error.message).toMatch(/Reading the question aloud failed/);
    }
    reply = { bytes: SPOKEN, contentType: 'audio/wav' };
    expect((await client.get(`/api/sessions/${id}/speech`)).statusCode).toBe(200);
  });

  it('a new reading shares the hourly quota with the model: 429 once used up', async () => {
    const { user } = await makeUser(s.db);
    const client = s.as((await s.login(user)).token);
    const a = await session(client);
    expect((await client.get(`/api/sessions/${a}/speech`)).statusCode).toBe(200);
    const b = await session(client);
    const used = await s.db.selectFrom('ai_usage').select(['kind']).where('user_id', '=', user.id).execute();
    expect(used.map((u) => u.kind)).toContain('speech');
    // the rest of the hour's calls spent elsewhere
    for (let i = used.length; i < QUOTA; i++) {
      await s.db.insertInto('ai_usage').values({ user_id: user.id, kind: 'grade' }).execute();
    }
    const before = fake.requests.length;
    expectError(await client.get(`/api/sessions/${b}/speech`), 429);
    expect(fake.requests).toHaveLength(before);
    // what is already read stays available
    expect((await client.get(`/api/sessions/${a}/speech`)).statusCode).toBe(200);
  });

  it('GET /api/voice and /api/health say which voice reads', async () => {
    expect((await me.get('/api/voice')).json()).toMatchObject({
      speech: 'openai',
      speaker: 'openai:tts-test/nova',
      transcription: 'browser',
    });
    expect((await s.as(null).get('/api/health')).json()).toMatchObject({
      speech: 'openai:tts-test/nova',
      transcription: 'browser',
    });
  });

  it('without a server voice: 409 saying the browser reads, and status and health say browser', async () => {
    const plain = await startTestServer({ handle: s.handle });
    try {
      expect((await plain.as(null).get('/api/voice')).json()).toMatchObject({
        speech: 'browser',
        speaker: null,
      });
      expect((await plain.as(null).get('/api/health')).json().speech).toBe('browser');
      const { user } = await makeUser(s.db);
      const client = plain.as((await plain.login(user)).token);
      const created = await client.post('/api/sessions', { job_description_id: jobId, question_count: 1 });
      await client.post(`/api/sessions/${created.json().id}/start`);
      const res = await client.get(`/api/sessions/${created.json().id}/speech`);
      expectError(res, 409);
      expect(res.json().error.message).toMatch(/the browser reads the question aloud/);
    } finally {
      await plain.close();
    }
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await s.as(null).get('/api/openapi.json')).json();
    const op = doc.paths['/sessions/{session_id}/speech'].get;
    expect(op.responses['200'].content['application/json'].schema.properties).toHaveProperty('audio_base64');
    const put = doc.paths['/voice/preferences'].put;
    expect(Object.keys(put.requestBody.content['application/json'].schema.properties).sort()).toEqual([
      'answer_mode',
      'keep_recordings',
      'read_aloud',
    ]);
  });
});

describe('voice preferences, stored with the user', () => {
  it('start at the defaults', async () => {
    const client = await newUser();
    const defaults = { keep_recordings: false, answer_mode: 'type', read_aloud: true };
    expect((await client.get('/api/voice/preferences')).json()).toEqual(defaults);
  });

  it('change one at a time; the others keep their value; another login (another browser) sees them', async () => {
    const { user } = await makeUser(s.db);
    const first = s.as((await s.login(user)).token);
    const set = await first.put('/api/voice/preferences', { answer_mode: 'voice' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ keep_recordings: false, answer_mode: 'voice', read_aloud: true });
    expect((await first.put('/api/voice/preferences', { read_aloud: false })).json()).toEqual({
      keep_recordings: false,
      answer_mode: 'voice',
      read_aloud: false,
    });
    const second = s.as((await s.login(user)).token);
    expect((await second.get('/api/voice/preferences')).json()).toEqual({
      keep_recordings: false,
      answer_mode: 'voice',
      read_aloud: false,
    });
    // over tRPC, as the web app sets them
    const trpc = await second.post('/trpc/voice.setPreferences', { answer_mode: 'type' });
    expect(trpc.statusCode, trpc.body).toBe(200);
    expect((await first.get('/api/voice/preferences')).json().answer_mode).toBe('type');
  });

  it('refuses bad values, naming the field; an empty change is a 400 too', async () => {
    expectError(await me.put('/api/voice/preferences', { answer_mode: 'sing' }), 400, 'answer_mode');
    expectError(await me.put('/api/voice/preferences', { read_aloud: 'yes' }), 400, 'read_aloud');
    expectError(await me.put('/api/voice/preferences', {}), 400);
    const empty = await me.post('/trpc/voice.setPreferences', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/keep_recordings, answer_mode, read_aloud/);
    expectError(await s.as(null).put('/api/voice/preferences', { read_aloud: true }), 401);
  });
});
