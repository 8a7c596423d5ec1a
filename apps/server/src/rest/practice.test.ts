/**
 * The practice loop of issue #14 over REST, on a real database: a pasted posting read for its
 * skills, sessions on chosen skills with a difficulty and a time limit, "what a strong answer
 * covers" (offline, and by a model through the real OpenAI SDK), and redoing an answer.
 */
import { createOpenAIProvider } from '@ai-interviewer/core';
import {
  makeJob,
  makeUser,
  offlineInterviewer,
  STRONG_ANSWER,
  thinAnswer,
} from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chatCompletion,
  type FakeOpenAI,
  startFakeOpenAI,
} from '../../../../packages/core/src/engine/openai/fake-openai-server.ts';
import { type Client, hasStackTrace, startTestServer, type TestServer } from '../testing/test-server.ts';

const POSTING = `Site Reliability Engineer

Our checkout serves 300 stores, with Black Friday peaks of 40k requests per second.

What you'll do:
- Own the reliability of the checkout platform against a 99.99 % SLO
- Run our Kubernetes clusters on EKS

Requirements:
- 5+ years of experience with Kubernetes
- Terraform
- Incident response
- Excellent communication skills`;

let s: TestServer;
let me: Client;
let other: Client;
beforeAll(async () => {
  s = await startTestServer();
  me = s.as((await s.login((await makeUser(s.db)).user)).token);
  other = s.as((await s.login((await makeUser(s.db)).user)).token);
});
afterAll(async () => {
  await s?.close();
});

async function ownJob(skills: string) {
  const res = await me.post('/api/jobs', {
    title: 'Site Reliability Engineer',
    description: POSTING,
    skills,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function startedSession(body: Record<string, unknown>) {
  const created = await me.post('/api/sessions', body);
  expect(created.statusCode, created.body).toBe(201);
  const started = await me.post(`/api/sessions/${created.json().id}/start`);
  expect(started.statusCode, started.body).toBe(200);
  return started.json();
}

describe('POST /api/jobs/extract-skills', () => {
  it('reads the skills and the facts of a pasted posting', async () => {
    const res = await me.post('/api/jobs/extract-skills', { description: POSTING });
    expect(res.statusCode, res.body).toBe(200);
    const facts = res.json();
    expect(facts.skills).toEqual(
      expect.arrayContaining(['Kubernetes', 'Terraform', 'Incident response', 'Communication', 'EKS']),
    );
    expect(facts.figures).toEqual(expect.arrayContaining(['a 99.99 % SLO', 'Black Friday peaks']));
    expect(facts.responsibilities).toContain('Run our Kubernetes clusters on EKS');
  });

  it('refuses an empty or too long description with a 400 naming the field', async () => {
    for (const body of [{ description: '' }, { description: 'x'.repeat(20_001) }]) {
      const res = await me.post('/api/jobs/extract-skills', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues.map((d: { path: string[] }) => d.path.join('.'))).toContain(
        'description',
      );
      expect(hasStackTrace(res.body)).toBe(false);
    }
  });
});

describe('a session on chosen skills, difficulty and time limit', () => {
  it('asks only about the chosen skills, at the chosen level, and returns the time limit', async () => {
    const jobId = await ownJob('Kubernetes, Terraform, incident response, communication');
    const session = await startedSession({
      job_description_id: jobId,
      question_count: 3,
      focus: 'technical',
      skills: ['terraform'],
      difficulty: 'junior',
      time_limit_seconds: 90,
    });
    expect(session).toMatchObject({ difficulty: 'junior', time_limit_seconds: 90, job_skills: 'Terraform' });
    expect(new Set(session.questions.map((q: { skill: string }) => q.skill))).toEqual(new Set(['Terraform']));
  });

  it('draws questions from the posting: the SLO and Black Friday peaks', async () => {
    const jobId = await ownJob('Kubernetes, Terraform, incident response');
    const session = await startedSession({ job_description_id: jobId, question_count: 5 });
    const texts = session.questions.map((q: { text: string }) => q.text).join('\n');
    expect(texts).toMatch(/99\.99 % SLO/);
    expect(texts).toMatch(/Black Friday peaks/);
  });

  it('refuses a skill the job does not list, a bad difficulty and an out-of-range limit: 400 naming the field', async () => {
    const jobId = await ownJob('Kubernetes, Terraform');
    const cases: [Record<string, unknown>, string][] = [
      [{ skills: ['Kubernetes', 'Cobol'] }, 'skills.1'],
      [{ skills: [] }, 'skills'],
      [{ difficulty: 'expert' }, 'difficulty'],
      [{ time_limit_seconds: 5 }, 'time_limit_seconds'],
      [{ time_limit_seconds: 100_000 }, 'time_limit_seconds'],
    ];
    for (const [extra, field] of cases) {
      const res = await me.post('/api/sessions', { job_description_id: jobId, ...extra });
      expect(res.statusCode, `${JSON.stringify(extra)}: ${res.body}`).toBe(400);
      const paths = res.json().error.issues.map((d: { path: (string | number)[] }) => d.path.join('.'));
      expect(paths, JSON.stringify(extra)).toContain(field);
      expect(hasStackTrace(res.body)).toBe(false);
    }
    const named = await me.post('/api/sessions', { job_description_id: jobId, skills: ['Cobol'] });
    expect(named.json().error.message).toMatch(/skills: "Cobol" is not one of this job's skills/);
  });
});

describe('model answers and redo', () => {
  it('shows what a strong answer covers, once written, to the owner only', async () => {
    const jobId = (await makeJob(s.db, null)).id;
    const session = await startedSession({ job_description_id: jobId, question_count: 2 });
    const answered = await me.post('/api/feedbacks', { session_id: session.id, answer: STRONG_ANSWER });
    expect(answered.statusCode, answered.body).toBe(201);
    const id = answered.json().feedback.id;

    const res = await me.get(`/api/feedbacks/${id}/model-answer`);
    expect(res.statusCode, res.body).toBe(200);
    const model = res.json();
    expect(model.written_by).toBe('offline:rubric-v2');
    expect(model.talking_points.length).toBeGreaterThanOrEqual(2);
    expect(model.example).toContain(model.talking_points[0]);
    // kept: the same text again, from the database
    expect((await me.get(`/api/feedbacks/${id}/model-answer`)).json()).toEqual(model);
    const stored = await s.db
      .selectFrom('feedback')
      .select('model_answer')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(stored?.model_answer?.example).toBe(model.example);
    expect((await other.get(`/api/feedbacks/${id}/model-answer`)).statusCode).toBe(404);
  });

  it('redoes an answer: the earlier attempt keeps its score, the new one is graded again', async () => {
    const jobId = (await makeJob(s.db, null)).id;
    const session = await startedSession({ job_description_id: jobId, question_count: 2 });
    const first = await me.post('/api/feedbacks', {
      session_id: session.id,
      answer: thinAnswer('PostgreSQL'),
    });
    const f = first.json().feedback;
    expect(f.grading_status).toBe('graded');

    const redo = await me.patch(`/api/feedbacks/${f.id}`, { answer: STRONG_ANSWER });
    expect(redo.statusCode, redo.body).toBe(200);
    expect(redo.json()).toMatchObject({ answer: STRONG_ANSWER, grading_status: 'graded' });
    expect(redo.json().score).toEqual(expect.any(Number));

    const attempts = await me.get(`/api/feedbacks/${f.id}/attempts`);
    expect(attempts.statusCode, attempts.body).toBe(200);
    expect(attempts.json().attempts).toEqual([
      expect.objectContaining({ answer: f.answer, score: f.score, ai_feedback: f.ai_feedback }),
    ]);
    expect((await other.get(`/api/feedbacks/${f.id}/attempts`)).statusCode).toBe(404);

    // at most MAX_ANSWER_ATTEMPTS attempts in all: then 409
    let last = redo;
    for (let i = 0; i < 4 && last.statusCode === 200; i++)
      last = await me.patch(`/api/feedbacks/${f.id}`, { answer: `${STRONG_ANSWER} (take ${i + 3})` });
    expect(last.statusCode, last.body).toBe(409);
    expect((await me.get(`/api/feedbacks/${f.id}/attempts`)).json().attempts).toHaveLength(4);
  });
});

describe('model answer written by a model (the real OpenAI SDK against the fake server)', () => {
  let model: FakeOpenAI;
  let ms: TestServer;
  afterAll(async () => {
    await ms?.close();
    await model?.close();
  });

  it('stores and returns the model’s talking points and example, labelled with the model', async () => {
    const reply = {
      talking_points: ['capacity before the peak', 'what to watch'],
      example: 'An example answer…',
    };
    model = await startFakeOpenAI(() => ({ json: chatCompletion(reply) }));
    const provider = createOpenAIProvider({
      apiKey: 'k',
      baseURL: model.url,
      model: 'coach',
      timeoutMs: 5000,
    });
    // planning and grading stay offline here; only the model answer asks the model
    const offline = offlineInterviewer();
    ms = await startTestServer({
      interviewer: {
        ...offline,
        provider: { ...offline.provider, evaluator: 'openai:coach', modelAnswer: provider.modelAnswer! },
      },
    });
    const client = ms.as((await ms.login((await makeUser(ms.db)).user)).token);
    const jobId = (await makeJob(ms.db, null)).id;
    const created = (
      await client.post('/api/sessions', { job_description_id: jobId, question_count: 1 })
    ).json();
    await client.post(`/api/sessions/${created.id}/start`);
    const f = (await client.post('/api/feedbacks', { session_id: created.id, answer: STRONG_ANSWER })).json()
      .feedback;

    const res = await client.get(`/api/feedbacks/${f.id}/model-answer`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: f.id, ...reply, written_by: 'openai:coach' });
    const asked = model.requests.filter((r) => r.body.response_format.json_schema.name === 'model_answer');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.body.messages[1].content).toContain(f.question);
    // kept: a second read does not ask the model again
    await client.get(`/api/feedbacks/${f.id}/model-answer`);
    expect(
      model.requests.filter((r) => r.body.response_format.json_schema.name === 'model_answer'),
    ).toHaveLength(1);
  });
});
