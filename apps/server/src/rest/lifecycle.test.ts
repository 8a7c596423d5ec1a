/** The session lifecycle of SPEC §4, through REST only, as a program would drive it. */
import { makeJob, makeUser, STRONG_ANSWER, thinAnswer } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, hasStackTrace, startTestServer, type TestServer } from '../testing/test-server.ts';

let s: TestServer;
let me: Client;
let jobId: string;
beforeAll(async () => {
  s = await startTestServer();
  const { user } = await makeUser(s.db);
  me = s.as((await s.login(user)).token);
  jobId = (await makeJob(s.db, null)).id; // a catalogue entry
});
afterAll(async () => {
  await s?.close();
});

interface Question {
  id: string;
  text: string;
  is_follow_up: boolean;
  skill: string;
}

async function create(questionCount = 2): Promise<string> {
  const res = await me.post('/api/sessions', { job_description_id: jobId, question_count: questionCount });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const start = (id: string) => me.post(`/api/sessions/${id}/start`);
const end = (id: string) => me.post(`/api/sessions/${id}/end`);
const answer = (id: string, text = STRONG_ANSWER) =>
  me.post('/api/feedbacks', { session_id: id, answer: text });
const cancel = (id: string) => me.patch(`/api/sessions/${id}`, { status: 'cancelled' });

function expectConflict(res: Awaited<ReturnType<typeof start>>, status: string) {
  expect(res.statusCode, res.body).toBe(409);
  const { error } = res.json();
  expect(error.code).toBe('CONFLICT');
  expect(error.message).toContain(status);
  expect(hasStackTrace(res.body)).toBe(false);
}

describe('create → start → answer → end', () => {
  it('runs a whole interview and refuses every step out of order', async () => {
    const id = await create(2);
    const created = (await me.get(`/api/sessions/${id}`)).json();
    expect(created).toMatchObject({
      status: 'pending',
      started_at: null,
      current_question: null,
      score: null,
    });

    expectConflict(await answer(id), 'pending');
    expectConflict(await end(id), 'pending');

    const started = await start(id);
    expect(started.statusCode, started.body).toBe(200);
    const s1 = started.json();
    expect(s1.status).toBe('ongoing');
    expect(s1.started_at).toEqual(expect.any(String));
    expect(s1.questions.length).toBe(2);
    expect(s1.current_question).toMatchObject({ id: s1.questions[0].id, answered: false });
    expectConflict(await start(id), 'ongoing');

    // answer until the plan is done; each answer gets its feedback and the next question at once
    let current: Question | null = s1.current_question;
    const asked: string[] = [];
    for (let i = 0; current && i < 10; i++) {
      asked.push(current.text);
      const res = await answer(id);
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body.feedback).toMatchObject({
        session_id: id,
        question: current.text,
        answer: STRONG_ANSWER,
        grading_status: 'graded',
        evaluator: expect.stringMatching(/^offline:/),
      });
      expect(body.feedback.score).toBeGreaterThanOrEqual(0);
      expect(body.feedback.score).toBeLessThanOrEqual(10);
      expect(body.feedback.ai_feedback).toEqual(expect.any(String));
      expect(Array.isArray(body.feedback.strengths)).toBe(true);
      expect(body.done).toBe(body.next_question === null);
      current = body.next_question;
    }
    expect(current).toBeNull();
    expectConflict(await answer(id), 'answered');

    const list = (await me.get(`/api/sessions/${id}/feedbacks`)).json();
    expect(list.items.map((f: { question: string }) => f.question)).toEqual(asked);

    const ended = await end(id);
    expect(ended.statusCode, ended.body).toBe(200);
    const done = ended.json();
    expect(done.status).toBe('completed');
    expect(Number.isInteger(done.score)).toBe(true);
    expect(done.score).toBeGreaterThanOrEqual(0);
    expect(done.score).toBeLessThanOrEqual(100);
    expect(done.ended_at).toEqual(expect.any(String));
    expect(done.summary).toEqual(expect.any(String));
    for (const q of asked) expect(done.transcript).toContain(q);
    expect(done.transcript).toContain(STRONG_ANSWER);

    expectConflict(await end(id), 'completed');
    expectConflict(await start(id), 'completed');
    expectConflict(await cancel(id), 'completed');
    expectConflict(await answer(id), 'completed');

    // history: the completed session with its score
    const history = (await me.get(`/api/users/${done.user_id}/sessions`)).json();
    expect(history.items.find((x: { id: string }) => x.id === id)).toMatchObject({
      status: 'completed',
      score: done.score,
    });
  });

  it('a thin answer gets a follow-up question before the plan moves on', async () => {
    const id = await create(1);
    const { current_question } = (await start(id)).json();
    const res = await answer(id, thinAnswer(current_question.skill));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.feedback.follow_up).toEqual(expect.any(String));
    expect(body.next_question).toMatchObject({ is_follow_up: true, text: body.feedback.follow_up });
    expect(body.done).toBe(false);
  });

  it('ending early scores what was answered', async () => {
    const id = await create(3);
    await start(id);
    expect((await answer(id)).statusCode).toBe(201);
    const ended = await end(id);
    expect(ended.statusCode).toBe(200);
    expect(ended.json().transcript).toContain('(not answered)');
  });
});

describe('cancel (PATCH status=cancelled)', () => {
  it('cancels a pending session; then nothing else is allowed', async () => {
    const id = await create();
    const res = await cancel(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('cancelled');
    expectConflict(await start(id), 'cancelled');
    expectConflict(await cancel(id), 'cancelled');
    expectConflict(await answer(id), 'cancelled');
  });

  it('cancels an ongoing session; answers and end are refused after', async () => {
    const id = await create();
    await start(id);
    const res = await cancel(id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      ended_at: expect.any(String),
      current_question: null,
    });
    expectConflict(await answer(id), 'cancelled');
    expectConflict(await end(id), 'cancelled');
  });

  // SPEC §4: any transition but cancel is refused with 409 naming the current status
  it.each(['ongoing', 'completed', 'pending'])(
    'PATCH status=%j → 409 naming the current status, nothing changed',
    async (status) => {
      const id = await create();
      const res = await me.patch(`/api/sessions/${id}`, { status });
      expectConflict(res, 'pending');
      expect(res.json().error.details).toEqual({ state: 'pending' });
      expect((await me.get(`/api/sessions/${id}`)).json().status).toBe('pending');
      await start(id);
      expectConflict(await me.patch(`/api/sessions/${id}`, { status }), 'ongoing');
      expect((await me.get(`/api/sessions/${id}`)).json().status).toBe('ongoing');
    },
  );

  it.each(['CANCELLED', '', 'archived'])(
    'PATCH status=%j (no status of the lifecycle) → 400 naming status',
    async (status) => {
      const id = await create();
      const res = await me.patch(`/api/sessions/${id}`, { status });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues.map((i: { path: string[] }) => i.path.join('.'))).toContain('status');
      expect((await me.get(`/api/sessions/${id}`)).json().status).toBe('pending');
    },
  );

  it('PATCH without a status → 400', async () => {
    const id = await create();
    const res = await me.patch(`/api/sessions/${id}`, {});
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('status');
  });
});

describe('answers are checked against the current question', () => {
  it('a question_id that is not the current one → 409, nothing stored', async () => {
    const id = await create(2);
    const started = (await start(id)).json();
    const second = started.questions[1].id;
    const res = await me.post('/api/feedbacks', {
      session_id: id,
      answer: STRONG_ANSWER,
      question_id: second,
    });
    expect(res.statusCode).toBe(409);
    expect((await me.get(`/api/sessions/${id}/feedbacks`)).json().total).toBe(0);
  });

  it('the current question_id is accepted', async () => {
    const id = await create(2);
    const started = (await start(id)).json();
    const res = await me.post('/api/feedbacks', {
      session_id: id,
      answer: STRONG_ANSWER,
      question_id: started.current_question.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().feedback.question_id).toBe(started.current_question.id);
  });

  it('an empty or whitespace answer → 400 naming answer', async () => {
    const id = await create();
    await start(id);
    for (const text of ['', '   \n ']) {
      const res = await answer(id, text);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues[0].path).toEqual(['answer']);
    }
  });
});
