/**
 * What a candidate learns when the model server fails: what failed (and its HTTP status), never
 * the server's own words. An upstream error body can carry a masked API key, internal hosts and
 * ports, or a proxy's configuration (the security probe found OpenAI's "Incorrect API key
 * provided: sk-proj-AbC1****wxyz" in a 503 of `POST /sessions/{id}/start` and in `grading_error`).
 */
import {
  createOfflineProvider,
  createOpenAIProvider,
  createOpenAISpeaker,
  createOpenAITranscriber,
  SpeechCache,
} from '@ai-interviewer/core';
import {
  apiError,
  chatCompletion,
  type FakeOpenAI,
  type FakeReply,
  makeJob,
  makeUser,
  offlineInterviewer,
  STRONG_ANSWER,
  startFakeOpenAI,
  wavFile,
} from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, startTestServer, type TestServer } from '../testing/test-server.ts';

/** What an OpenAI-compatible server may say in an error: none of it is the candidate's business. */
const SECRET = 'Incorrect API key provided: sk-proj-AbC1****wxyz; upstream http://10.0.0.7:4000/v1';
const leaks = (text: string) => /sk-proj|Incorrect API key|10\.0\.0\.7/.test(text);

const PLAN = chatCompletion({
  questions: [{ text: 'How do you index a table?', category: 'technical', skill: 'SQL', talking_points: [] }],
});

let fake: FakeOpenAI;
/** The reply to each kind of call; a test sets the one that fails. */
let replies: { plan: FakeReply; grade: FakeReply; transcribe: FakeReply; speech: FakeReply };
const failing: FakeReply = { status: 401, json: apiError(SECRET, 'invalid_request_error') };

beforeAll(async () => {
  fake = await startFakeOpenAI((req) => {
    if (req.path.startsWith('/audio/transcriptions')) return replies.transcribe;
    if (req.path.startsWith('/audio/speech')) return replies.speech;
    return req.body.response_format.json_schema.name === 'interview_plan' ? replies.plan : replies.grade;
  });
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => {
  replies = {
    plan: { json: PLAN },
    grade: failing,
    transcribe: { json: { text: 'hello' } },
    speech: { bytes: wavFile(0.5), contentType: 'audio/wav' },
  };
});

const model = () =>
  createOpenAIProvider({ apiKey: 'k', baseURL: fake.url, model: 'judge', timeoutMs: 5000, maxRetries: 0 });
const sdk = { apiKey: 'k', timeoutMs: 5000, maxRetries: 0 };

async function serverWith(fallback: boolean) {
  const s = await startTestServer({
    interviewer: {
      ...offlineInterviewer(),
      provider: model(),
      fallback: fallback ? createOfflineProvider() : null,
    },
    voice: {
      transcriber: createOpenAITranscriber({ ...sdk, baseURL: fake.url, model: 'whisper' }),
      speech: {
        speaker: createOpenAISpeaker({ ...sdk, baseURL: fake.url, model: 'tts', voice: 'nova' }),
        cache: new SpeechCache(1024 * 1024),
      },
      limits: { maxBytes: 100_000, maxSeconds: 60 },
    },
  });
  const client = s.as((await s.login((await makeUser(s.db)).user)).token);
  const jobId = (await makeJob(s.db, null)).id;
  return { s, client, jobId };
}

async function started(client: Client, jobId: string): Promise<string> {
  const id = (await client.post('/api/sessions', { job_description_id: jobId, question_count: 1 })).json().id;
  const res = await client.post(`/api/sessions/${id}/start`);
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

describe('a failing model server: the candidate is told what failed, not what it said', () => {
  let s: TestServer;
  let client: Client;
  let jobId: string;
  beforeAll(async () => {
    ({ s, client, jobId } = await serverWith(false));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('planning (POST /sessions/{id}/start): 503 naming the status only', async () => {
    replies.plan = failing;
    const id = (await client.post('/api/sessions', { job_description_id: jobId, question_count: 1 })).json()
      .id;
    const res = await client.post(`/api/sessions/${id}/start`);
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json().error.message).toMatch(/could not plan questions.*answered 401/);
    expect(leaks(res.body), res.body).toBe(false);
  });

  it('grading: the stored grading_error names the status only, on submit and on read', async () => {
    const id = await started(client, jobId);
    const res = await client.post('/api/feedbacks', { session_id: id, answer: STRONG_ANSWER });
    expect(res.statusCode, res.body).toBe(201);
    const fb = res.json().feedback;
    expect(fb.grading_status).toBe('failed');
    expect(fb.grading_error).toMatch(/answered 401/);
    expect(leaks(res.body), res.body).toBe(false);
    expect(leaks((await client.get(`/api/feedbacks/${fb.id}`)).body)).toBe(false);
    expect(leaks((await client.get('/api/users/me/export')).body)).toBe(false);
  });

  it('a reply that is not JSON: the reply is not quoted back', async () => {
    replies.grade = { json: chatCompletion(`not json ${SECRET}`) };
    const id = await started(client, jobId);
    const res = await client.post('/api/feedbacks', { session_id: id, answer: STRONG_ANSWER });
    expect(res.json().feedback.grading_error).toMatch(/not in the expected form/);
    expect(leaks(res.body), res.body).toBe(false);
  });

  it('transcription and the question read aloud: 503 naming the status only', async () => {
    const id = await started(client, jobId);
    replies.transcribe = failing;
    const heard = await client.post(`/api/sessions/${id}/recordings`, wavFile(1), {
      headers: { 'content-type': 'audio/wav' },
    });
    expect(heard.statusCode, heard.body).toBe(503);
    expect(heard.json().error.message).toMatch(/Transcription failed.*answered 401/);
    expect(leaks(heard.body), heard.body).toBe(false);

    replies.speech = failing;
    const spoken = await client.get(`/api/sessions/${id}/speech`);
    expect(spoken.statusCode, spoken.body).toBe(503);
    expect(spoken.json().error.message).toMatch(/Reading the question aloud failed.*answered 401/);
    expect(leaks(spoken.body), spoken.body).toBe(false);
  });
});

describe('with the offline fallback', () => {
  it('says the model failed (its status), not what the model server said', async () => {
    const { s, client, jobId } = await serverWith(true);
    try {
      const id = await started(client, jobId);
      const res = await client.post('/api/feedbacks', { session_id: id, answer: STRONG_ANSWER });
      const fb = res.json().feedback;
      expect(fb.grading_status).toBe('graded');
      expect(fb.grading_error).toMatch(/configured model failed.*answered 401.*fallback/);
      expect(leaks(res.body), res.body).toBe(false);
    } finally {
      await s.close();
    }
  });
});
