/**
 * Answer limits cannot be reset, and creating sessions and jobs has a per-user hourly quota
 * (issue #12, finding 6).
 */
import { feedback } from '@ai-interviewer/core';
import {
  makeAdmin,
  makeJob,
  makeSession,
  makeUser,
  offlineInterviewer,
  STRONG_ANSWER,
} from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ interviewer: offlineInterviewer({ sessionsPerHour: 2, jobsPerHour: 2 }) });
});
afterAll(async () => {
  await s?.close();
});

const job = { title: 'A job', description: 'Build things.', skills: 'SQL' };

describe('an answer of an ongoing session cannot be deleted by its owner', () => {
  it('answer, delete, answer again is refused: the question stays answered once', async () => {
    const u = await makeUser(s.db);
    const client = s.as((await s.login(u.user)).token);
    const session = await makeSession(s.services, u.actor, { start: true, question_count: 2 });
    const first = await client.post('/api/feedbacks', { session_id: session.id, answer: STRONG_ANSWER });
    expect(first.statusCode, first.body).toBe(201);
    const id = first.json().feedback.id;

    const del = await client.delete(`/api/feedbacks/${id}`);
    expect(del.statusCode, del.body).toBe(409);
    expect(del.json().error.message).toMatch(/ongoing.*edit it instead/);
    const page = (await client.get(`/api/sessions/${session.id}/feedbacks`)).json();
    expect(page.total).toBe(1);
    // the next answer goes to the next question, not again to the first
    const second = await client.post('/api/feedbacks', { session_id: session.id, answer: STRONG_ANSWER });
    expect(second.json().feedback.question_id).not.toBe(first.json().feedback.question_id);
  });

  it('once the session is over the owner may delete; an admin may at any time', async () => {
    const u = await makeUser(s.db);
    const client = s.as((await s.login(u.user)).token);
    const admin = s.as((await s.login((await makeAdmin(s.db)).user)).token);
    const session = await makeSession(s.services, u.actor, { start: true, question_count: 3 });
    const answer = () =>
      feedback.submitAnswer(s.services, u.actor, { session_id: session.id, answer: STRONG_ANSWER });
    const a = await answer();
    expect((await admin.delete(`/api/feedbacks/${a.feedback.id}`)).statusCode).toBe(204);
    const b = await answer();
    expect((await client.post(`/api/sessions/${session.id}/end`)).statusCode).toBe(200);
    expect((await client.delete(`/api/feedbacks/${b.feedback.id}`)).statusCode).toBe(204);
  });
});

describe('creating sessions and jobs: a per-user hourly quota (here 2)', () => {
  it('the 3rd session in an hour is a 429 with Retry-After; another user is not affected', async () => {
    const u = await makeUser(s.db);
    const client = s.as((await s.login(u.user)).token);
    const jobId = (await makeJob(s.db, null)).id;
    const create = () => client.post('/api/sessions', { job_description_id: jobId });
    expect((await create()).statusCode).toBe(201);
    expect((await create()).statusCode).toBe(201);
    const refused = await create();
    expect(refused.statusCode, refused.body).toBe(429);
    expect(refused.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/at most 2 interview sessions per hour; try again in \d+ s/),
    });
    const retry = Number(refused.headers['retry-after']);
    expect(retry).toBeGreaterThan(3500);
    expect(retry).toBeLessThanOrEqual(3600);
    // the same figure as a field of the body, so a client never parses the message
    expect(refused.json().error.details).toEqual({ retry_after: retry });
    const other = s.as((await s.login((await makeUser(s.db)).user)).token);
    expect((await other.post('/api/sessions', { job_description_id: jobId })).statusCode).toBe(201);
  });

  it('deleting a job does not give its creation back; tRPC says when to retry too', async () => {
    const u = await makeUser(s.db);
    const client = s.as((await s.login(u.user)).token);
    const a = await client.post('/api/jobs', job);
    expect(a.statusCode).toBe(201);
    expect((await client.delete(`/api/jobs/${a.json().id}`)).statusCode).toBe(204);
    expect((await client.post('/api/jobs', job)).statusCode).toBe(201);
    const refused = await client.post('/trpc/jobs.create', job);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.data.details.retry_after).toBeGreaterThan(3500);
  });

  it('concurrent creations cannot overshoot the quota', async () => {
    const u = await makeUser(s.db);
    const client = s.as((await s.login(u.user)).token);
    const codes = await Promise.all(Array.from({ length: 6 }, () => client.post('/api/jobs', job)));
    expect(codes.map((r) => r.statusCode).sort()).toEqual([201, 201, 429, 429, 429, 429]);
  });

  it('admins are not counted', async () => {
    const admin = s.as((await s.login((await makeAdmin(s.db)).user)).token);
    for (let i = 0; i < 3; i++) expect((await admin.post('/api/jobs', job)).statusCode).toBe(201);
  });
});
