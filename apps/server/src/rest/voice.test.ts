/** Voice answers through REST (and once through tRPC): a real recording, a real SDK, a fake transcription server. */
import { createOpenAITranscriber } from '@ai-interviewer/core';
import {
  apiError,
  type FakeOpenAI,
  type FakeReply,
  makeJob,
  makeUser,
  offlineInterviewer,
  startFakeOpenAI,
  verboseTranscription,
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

const MAX_BYTES = 200_000;
const MAX_SECONDS = 10;
const QUOTA = 5;
const SAID = 'Um, so I think I first profiled the slow query and then, uh, added an index.';

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
      transcriber: createOpenAITranscriber({
        apiKey: 'test',
        baseURL: fake.url,
        model: 'whisper-test',
        timeoutMs: 3000,
        maxRetries: 0,
      }),
      limits: { maxBytes: MAX_BYTES, maxSeconds: MAX_SECONDS },
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
  reply = { json: verboseTranscription(SAID, { each: 0.4 }) };
});

async function newUser(): Promise<Client> {
  const { user } = await makeUser(s.db);
  return s.as((await s.login(user)).token);
}

async function ongoingSession(client = me, start = true): Promise<string> {
  const res = await client.post('/api/sessions', { job_description_id: jobId, question_count: 2 });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (start) expect((await client.post(`/api/sessions/${id}/start`)).statusCode).toBe(200);
  return id;
}

const record = (client: Client, sessionId: string, audio: Buffer, type = 'audio/wav', query = '') =>
  client.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/recordings${query}`,
    headers: { 'content-type': type },
    payload: audio,
  });

function expectError(res: Response, status: number, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(hasStackTrace(res.body)).toBe(false);
  if (field)
    expect(res.json().error.issues.map((i: { path: string[] }) => i.path.join('.'))).toContain(field);
}

describe('POST /api/sessions/{id}/recordings', () => {
  it('transcribes the recording, and the corrected answer keeps the delivery figures of what was said', async () => {
    const session = await ongoingSession();
    const audio = wavFile(2);
    const before = fake.requests.length;
    const res = await record(me, session, audio, 'audio/wav', '?duration_seconds=2');
    expect(res.statusCode, res.body).toBe(201);
    const t = res.json();
    expect(t.transcript).toBe(SAID);
    expect(t.transcriber).toBe('openai:whisper-test');
    expect(t.words).toHaveLength(SAID.split(' ').length);
    expect(t.delivery).toMatchObject({ source: 'voice', words_per_minute: 150, pace: 'within' });
    expect(t.delivery.fillers.found.map((f: { phrase: string }) => f.phrase).sort()).toEqual(['uh', 'um']);
    expect(t.delivery.hedges.found[0].phrase).toBe('I think');
    // the transcription server got the very bytes the candidate recorded
    expect(fake.requests).toHaveLength(before + 1);
    expect(fake.requests.at(-1)!.bytes.includes(audio)).toBe(true);

    const corrected =
      'I first profiled the slow query with EXPLAIN ANALYZE and then added a composite index.';
    const answered = await me.post('/api/feedbacks', {
      session_id: session,
      answer: corrected,
      transcript_id: t.id,
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const fb = answered.json().feedback;
    expect(fb.answer).toBe(corrected);
    expect(fb.grading_status).toBe('graded');
    expect(fb.score).toEqual(expect.any(Number));
    expect(fb.delivery).toEqual(t.delivery); // measured on what was said, not on the correction
    expect((await me.get(`/api/feedbacks/${fb.id}`)).json().delivery).toEqual(t.delivery);
  });

  it('a typed answer gets the text-only figures', async () => {
    const session = await ongoingSession();
    const res = await me.post('/api/feedbacks', {
      session_id: session,
      answer: 'I guess I would, um, ask the team.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().feedback.delivery).toMatchObject({
      source: 'text',
      words_per_minute: null,
      long_pauses: null,
      fillers: { count: 1 },
      hedges: { count: 1 },
      length: 'under',
    });
  });

  it('editing an answer: a typed one is measured again, a spoken one keeps the figures of what was said', async () => {
    const client = await newUser();
    const typedSession = await ongoingSession(client);
    const typed = (
      await client.post('/api/feedbacks', { session_id: typedSession, answer: 'Maybe I would ask.' })
    ).json().feedback;
    expect(typed.delivery.hedges.count).toBe(1);
    const edited = await client.patch(`/api/feedbacks/${typed.id}`, {
      answer: 'I would ask the team lead first.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().delivery).toMatchObject({ source: 'text', hedges: { count: 0 } });

    const spokenSession = await ongoingSession(client);
    const t = (await record(client, spokenSession, wavFile(1))).json();
    const spoken = (
      await client.post('/api/feedbacks', {
        session_id: spokenSession,
        answer: 'As said.',
        transcript_id: t.id,
      })
    ).json().feedback;
    const rewritten = await client.patch(`/api/feedbacks/${spoken.id}`, {
      answer: 'Rewritten without fillers.',
    });
    expect(rewritten.statusCode, rewritten.body).toBe(200);
    expect(rewritten.json().delivery).toEqual(t.delivery);
  });

  it('a transcript of another question (or another session) is refused, naming transcript_id', async () => {
    const a = await ongoingSession();
    const b = await ongoingSession();
    const t = (await record(me, a, wavFile(1))).json();
    const res = await me.post('/api/feedbacks', { session_id: b, answer: 'An answer.', transcript_id: t.id });
    expectError(res, 400, 'transcript_id');
  });

  it("someone else's session: 404, and nothing is sent to the transcription server", async () => {
    const session = await ongoingSession(await newUser());
    const before = fake.requests.length;
    expectError(await record(me, session, wavFile(1)), 404);
    expect(fake.requests).toHaveLength(before);
  });

  it('a session that is not ongoing: 409', async () => {
    const session = await ongoingSession(me, false);
    expectError(await record(me, session, wavFile(1)), 409);
  });

  it('not audio, whatever the Content-Type says: 400 naming audio', async () => {
    const session = await ongoingSession();
    const before = fake.requests.length;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100)]);
    expectError(await record(me, session, pdf, 'audio/webm'), 400, 'audio');
    expectError(await record(me, session, Buffer.alloc(0), 'audio/webm'), 400, 'audio_base64');
    expect(fake.requests).toHaveLength(before);
  });

  it('too large: 413 naming the limit', async () => {
    const session = await ongoingSession();
    const big = Buffer.concat([wavFile(1), Buffer.alloc(MAX_BYTES)]);
    const res = await record(me, session, big);
    expectError(res, 413);
    expect(res.json().error.message).toContain(String(MAX_BYTES));
    // past the room the route leaves for measuring, the 413 names the route's own limit, not JSON's 1 MiB
    const huge = await record(me, session, Buffer.concat([wavFile(1), Buffer.alloc(3 * MAX_BYTES)]));
    expectError(huge, 413);
    expect(huge.json().error.message).toMatch(/max \d+(\.\d)? KiB/);
    expect(huge.json().error.message).not.toContain('1 MiB');
  });

  it('too long: by the WAV header, by the declared length, or by the server’s measure: 400', async () => {
    const session = await ongoingSession();
    expectError(await record(me, session, wavFile(MAX_SECONDS + 2)), 400, 'audio');
    expectError(
      await record(me, session, wavFile(1), 'audio/wav', '?duration_seconds=99'),
      400,
      'duration_seconds',
    );
    expectError(
      await record(me, session, wavFile(1), 'audio/wav', '?duration_seconds=soon'),
      400,
      'duration_seconds',
    );
    reply = { json: { text: 'a very long story', duration: MAX_SECONDS + 30 } };
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(200)]);
    expectError(await record(me, session, webm, 'audio/webm;codecs=opus'), 400, 'audio');
  });

  it('a failing transcription server: 503 that says so, and the same recording can be sent again', async () => {
    const session = await ongoingSession();
    reply = { status: 500, json: apiError('model overloaded') };
    const failed = await record(me, session, wavFile(1));
    expectError(failed, 503);
    expect(failed.json().error.message).toMatch(/Transcription failed.*try again/i);
    reply = { json: verboseTranscription('Second try works.') };
    const ok = await record(me, session, wavFile(1));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().transcript).toBe('Second try works.');
  });

  it('shares the hourly quota with the model: 429 once used up', async () => {
    const fresh = await newUser();
    const session = await ongoingSession(fresh);
    for (let i = 0; i < QUOTA; i++) expect((await record(fresh, session, wavFile(1))).statusCode).toBe(201);
    const before = fake.requests.length;
    expectError(await record(fresh, session, wavFile(1)), 429);
    expect(fake.requests).toHaveLength(before);
  });

  it('anonymous: 401', async () => {
    const session = await ongoingSession();
    expectError(await record(s.as(null), session, wavFile(1)), 401);
  });
});

describe('keep my recordings', () => {
  async function answerByVoice(client: Client, session: string, audio: Buffer) {
    const t = (await record(client, session, audio)).json();
    const res = await client.post('/api/feedbacks', {
      session_id: session,
      answer: 'As I said.',
      transcript_id: t.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().feedback.id as string;
  }
  const storedAudio = async (userId: string) =>
    (
      await s.db.selectFrom('voice_transcripts').select(['audio']).where('user_id', '=', userId).execute()
    ).filter((r) => r.audio !== null).length;

  it('is off by default: the audio is transcribed, then dropped', async () => {
    const { user } = await makeUser(s.db);
    const client = s.as((await s.login(user)).token);
    expect((await client.get('/api/voice/preferences')).json()).toMatchObject({ keep_recordings: false });
    const session = await ongoingSession(client);
    const fb = await answerByVoice(client, session, wavFile(1));
    expect((await client.get(`/api/sessions/${session}/recordings`)).json()).toEqual([]);
    expectError(await client.get(`/api/feedbacks/${fb}/recording`), 404);
    expect(await storedAudio(user.id)).toBe(0);
  });

  it('when on: kept with the answer, downloadable by its owner only, unused takes dropped, deleted with the account', async () => {
    const { user } = await makeUser(s.db);
    const client = s.as((await s.login(user)).token);
    expect((await client.put('/api/voice/preferences', { keep_recordings: true })).json()).toMatchObject({
      keep_recordings: true,
    });
    const session = await ongoingSession(client);
    const firstTake = wavFile(1);
    const secondTake = wavFile(1.5);
    expect((await record(client, session, firstTake)).statusCode).toBe(201);
    const fb = await answerByVoice(client, session, secondTake);

    expect((await client.get(`/api/sessions/${session}/recordings`)).json()).toEqual([
      { feedback_id: fb, audio_type: 'audio/wav', bytes: secondTake.length },
    ]);
    const got = await client.get(`/api/feedbacks/${fb}/recording`);
    expect(got.statusCode, got.body).toBe(200);
    expect(Buffer.from(got.json().audio_base64, 'base64').equals(secondTake)).toBe(true);
    expectError(await me.get(`/api/feedbacks/${fb}/recording`), 404);
    expectError(await me.get(`/api/sessions/${session}/recordings`), 404);
    expect(await storedAudio(user.id)).toBe(1); // the first take went when the question was answered

    expect((await client.delete(`/api/users/${user.id}`)).statusCode).toBe(204);
    expect(
      await s.db.selectFrom('voice_transcripts').select('id').where('user_id', '=', user.id).execute(),
    ).toEqual([]);
  });

  it('refuses a bad preference, naming the field', async () => {
    expectError(await me.put('/api/voice/preferences', { keep_recordings: 'yes' }), 400, 'keep_recordings');
    expectError(await me.put('/api/voice/preferences', { keep_recordings: true, audio: 1 }), 400);
  });
});

describe('the same procedure over tRPC, and its documentation', () => {
  it('voice.transcribe takes the recording base64-encoded', async () => {
    const fresh = await newUser(); // `me` has spent its quota by now
    const session = await ongoingSession(fresh);
    const res = await fresh.post('/trpc/voice.transcribe', {
      session_id: session,
      audio_base64: wavFile(1).toString('base64'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result.data.transcript).toBe(SAID);
  });

  it('GET /api/voice and /api/health say the server transcribes, with which model', async () => {
    expect((await me.get('/api/voice')).json()).toEqual({
      transcription: 'openai',
      transcriber: 'openai:whisper-test',
      speech: 'browser',
      speaker: null,
      max_seconds: MAX_SECONDS,
      max_bytes: MAX_BYTES,
    });
    expect((await s.as(null).get('/api/health')).json()).toMatchObject({
      transcription: 'openai:whisper-test',
    });
  });

  it('OpenAPI documents the recording route with an audio body and its errors', async () => {
    const doc = (await s.as(null).get('/api/openapi.json')).json();
    const op = doc.paths['/sessions/{session_id}/recordings'].post;
    expect(Object.keys(op.requestBody.content)).toContain('audio/webm');
    expect(op.requestBody.content['audio/webm'].schema).toMatchObject({ type: 'string', format: 'binary' });
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'duration_seconds',
      'session_id',
    ]);
    expect(Object.keys(op.responses)).toEqual(
      expect.arrayContaining(['201', '400', '404', '409', '413', '429']),
    );
    expect(doc.paths['/sessions/{session_id}/recordings'].post.responses['201'].content).toBeDefined();
  });
});

describe('without a transcription server', () => {
  it('the browser transcribes: status says so, and a recording is refused with a sentence', async () => {
    const plain = await startTestServer({ handle: s.handle });
    try {
      expect((await plain.as(null).get('/api/voice')).json().transcription).toBe('browser');
      expect((await plain.as(null).get('/api/health')).json().transcription).toBe('browser');
      const { user } = await makeUser(s.db);
      const client = plain.as((await plain.login(user)).token);
      const res = await client.post('/api/sessions', { job_description_id: jobId, question_count: 1 });
      await client.post(`/api/sessions/${res.json().id}/start`);
      const rec = await client.inject({
        method: 'POST',
        url: `/api/sessions/${res.json().id}/recordings`,
        headers: { 'content-type': 'audio/wav' },
        payload: wavFile(1),
      });
      expectError(rec, 409);
      expect(rec.json().error.message).toMatch(/does not transcribe/);
    } finally {
      await plain.close();
    }
  });
});
