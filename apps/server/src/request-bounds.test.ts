/**
 * What one request may cost: a tRPC batch names at most MAX_BATCH_CALLS calls (on the fast path
 * for queries and on tRPC's own handler alike), and the largest batch of the most expensive call
 * with the worst text each field accepts still costs milliseconds, not seconds (issue #12: one
 * batch of 100 answers held the event loop for 6.3 s).
 */
import { MAX_ANSWER_LENGTH, MAX_BATCH_CALLS } from '@ai-interviewer/core';
import { makeJob, makeSession, makeUser, STRONG_ANSWER } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let s: TestServer;
let token: string;
beforeAll(async () => {
  s = await startTestServer();
  token = (await s.login((await makeUser(s.db)).user)).token;
});
afterAll(async () => {
  await s?.close();
});

const q = (input: unknown) => encodeURIComponent(JSON.stringify(input));
const paths = (name: string, n: number) => Array.from({ length: n }, () => name).join(',');

describe('a tRPC batch has at most MAX_BATCH_CALLS calls', () => {
  it('answers a full batch of queries', async () => {
    const input = Object.fromEntries(Array.from({ length: MAX_BATCH_CALLS }, (_, i) => [i, {}]));
    const res = await s
      .as(token)
      .get(`/trpc/${paths('jobs.list', MAX_BATCH_CALLS)}?batch=1&input=${q(input)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toHaveLength(MAX_BATCH_CALLS);
  });

  it('refuses one more, naming the batch, on the fast path for queries and on tRPC’s handler', async () => {
    const requests = [
      () => s.as(token).get(`/trpc/${paths('jobs.list', MAX_BATCH_CALLS + 1)}?batch=1`),
      // a percent-encoded comma is still a separator once the router decodes the path
      () =>
        s.as(token).get(`/trpc/${paths('jobs.list', MAX_BATCH_CALLS + 1).replaceAll(',', '%2C')}?batch=1`),
      // and so is a doubly encoded one: tRPC decodes the routed path once more before it splits it
      () =>
        s.as(token).get(`/trpc/${paths('jobs.list', MAX_BATCH_CALLS + 1).replaceAll(',', '%252C')}?batch=1`),
      () => s.as(token).post(`/trpc/${paths('jobs.create', 100)}?batch=1`, {}),
    ];
    for (const send of requests) {
      const res = await send();
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.data).toMatchObject({
        domainCode: 'VALIDATION',
        issues: [{ path: ['batch'], message: `at most ${MAX_BATCH_CALLS} calls per request` }],
      });
    }
  });

  it('grades a full batch of the longest answers, on the longest jobs, in well under a second', async () => {
    const user = await makeUser(s.db);
    const client = s.as((await s.login(user.user)).token);
    const fill = (text: string, length: number) =>
      text.repeat(Math.ceil(length / text.length)).slice(0, length);
    // What costs the grader most: text that matches its lexicon everywhere, and text built to
    // defeat backtracking regexes; each at the longest length its field accepts.
    const texts = [fill(`${STRONG_ANSWER} `, 20_000), `a${'.'.repeat(19_998)}b`];
    const sessions: { id: string }[] = [];
    for (let i = 0; i < MAX_BATCH_CALLS + 1; i++) {
      const description = texts[i % 2] as string;
      const job = await makeJob(s.db, user.actor, {
        visibility: 'private',
        description,
        skills: description.slice(0, 2000),
      });
      sessions.push(await makeSession(s.services, user.actor, { job_description_id: job.id, start: true }));
    }
    const answer = (i: number) => (texts[i % 2] as string).slice(0, MAX_ANSWER_LENGTH);
    const submit = (from: number, count: number) =>
      client.post(
        `/trpc/${paths('feedback.submit', count)}?batch=1`,
        Object.fromEntries(
          sessions.slice(from, from + count).map((x, i) => [i, { session_id: x.id, answer: answer(i) }]),
        ),
      );
    await submit(MAX_BATCH_CALLS, 1); // the first grading builds the grader's tables
    const started = performance.now();
    const res = await submit(0, MAX_BATCH_CALLS);
    const ms = performance.now() - started;
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(
      res
        .json()
        .map(
          (r: { result?: { data: { feedback: { grading_status: string } } } }) =>
            r.result?.data.feedback.grading_status,
        ),
    ).toEqual(sessions.slice(0, MAX_BATCH_CALLS).map(() => 'graded'));
    // ~25 ms of grading each and three database writes: a few hundred ms, whatever the text
    expect(ms).toBeLessThan(1500);
  });
});
