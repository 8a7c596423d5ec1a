/**
 * SIGTERM under load, on the real entry point (`node apps/server/dist/main.js`, as deployed, in a child process):
 * answers in flight (held 1.5 s by a slow fake model) all complete with 2xx, the port stops
 * accepting new connections at once, background traffic sees no 5xx other than 503 and never
 * hangs, and the process exits 0 within SHUTDOWN_TIMEOUT_MS.
 */
import { connect } from 'node:net';
import { createDatabase, type DatabaseHandle, migrateToLatest, TokenAuth } from '@ai-interviewer/core';
import { makeJob, makeUser } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  chatCompletion,
  type FakeOpenAI,
  startFakeOpenAI,
} from '../../../packages/core/src/engine/openai/fake-openai-server.ts';
import { createLoadDatabase } from '../lib/databases.ts';
import { type ServerProcess, serverEnv, startServerProcess } from '../lib/server-process.ts';
import { call, sleep, Tally, waitFor } from './support.ts';

const SLOW_MODEL_MS = 1500;
const SHUTDOWN_TIMEOUT_MS = 8000;
const IN_FLIGHT = 20;

let db: Awaited<ReturnType<typeof createLoadDatabase>>;
let handle: DatabaseHandle;
let fake: FakeOpenAI;
let server: ServerProcess | undefined;

beforeAll(async () => {
  fake = await startFakeOpenAI(async (req) => {
    const name = req.body?.response_format?.json_schema?.name as string | undefined;
    if (name === 'interview_plan') {
      return {
        json: chatCompletion({
          questions: [1, 2, 3].map((i) => ({
            text: `Question ${i}: describe a hard bug you fixed.`,
            category: 'technical',
            skill: 'PostgreSQL',
          })),
        }),
      };
    }
    if (name === 'answer_evaluation') {
      await sleep(SLOW_MODEL_MS);
      return {
        json: chatCompletion({
          feedback: 'Good.',
          strengths: ['Clear'],
          improvements: [],
          skills_shown: [],
          follow_up: null,
          score: 8,
        }),
      };
    }
    return { json: chatCompletion({ summary: 'Fine.', skill_notes: [] }) };
  });
  db = await createLoadDatabase();
  handle = await createDatabase({ url: db.url, poolMax: 4 });
  await migrateToLatest(handle.db);
});

afterAll(async () => {
  await server?.stop(2000);
  await handle?.close();
  await fake?.close();
  await db?.drop();
});

/** Resolves with the connect error code (e.g. ECONNREFUSED), or 'connected'. */
const tryConnect = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });

test('SIGTERM: in-flight requests complete, new connections are refused, exit 0 in time', async () => {
  const job = await makeJob(handle.db, null);
  const auth = new TokenAuth(handle.db);
  const users = await Promise.all(Array.from({ length: IN_FLIGHT }, () => makeUser(handle.db)));
  const tokens = await Promise.all(users.map(async ({ user }) => (await auth.issue(user.id)).token));

  server = await startServerProcess({
    env: serverEnv(db.url, {
      AI_PROVIDER: 'openai',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: fake.url,
      OPENAI_MODEL: 'fake-model',
      OPENAI_TIMEOUT_MS: '10000',
      OPENAI_MAX_RETRIES: '0',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      LOG_LEVEL: 'info',
    }),
  });
  const base = server.url;
  const sessions = await Promise.all(
    tokens.map(async (token) => {
      const created = await call(base, 'POST', '/api/sessions', {
        token,
        body: { job_description_id: job.id, question_count: 3 },
      });
      expect(created.status).toBe(201);
      expect((await call(base, 'POST', `/api/sessions/${created.body.id}/start`, { token })).status).toBe(
        200,
      );
      return created.body.id as string;
    }),
  );

  // background traffic until the server is gone (bounded: 20 s, 20,000 requests)
  const background = new Tally();
  const afterSigterm = new Tally();
  let sigtermAt = 0;
  let stopBackground = false;
  const backgroundDone = Promise.all(
    Array.from({ length: 10 }, async () => {
      const until = Date.now() + 20_000;
      for (let i = 0; i < 2000 && !stopBackground && Date.now() < until; i++) {
        const r = await call(base, 'GET', '/api/jobs', { timeoutMs: 10_000 });
        (sigtermAt && performance.now() > sigtermAt ? afterSigterm : background).record(r, 'GET /api/jobs');
        if (r.status === 0) await sleep(20);
      }
    }),
  );

  // the answers that will be in flight when SIGTERM arrives
  const slowAnswers = Promise.all(
    sessions.map((id, i) =>
      call(base, 'POST', '/api/feedbacks', {
        token: tokens[i],
        body: { session_id: id, answer: 'I fixed a race with a row lock.' },
        timeoutMs: 15_000,
      }),
    ),
  );
  const gradingCalls = () =>
    fake.requests.filter((r) => r.body?.response_format?.json_schema?.name === 'answer_evaluation').length;
  expect(await waitFor(() => gradingCalls() >= IN_FLIGHT, 10_000, 20)).toBe(true);

  sigtermAt = performance.now();
  server.child.kill('SIGTERM');
  // the listening socket closes at once, while the answers are still waiting for the model
  expect(await waitFor(async () => (await tryConnect(server!.port)) === 'ECONNREFUSED', 1000, 25)).toBe(true);
  const refusedAfterMs = performance.now() - sigtermAt;

  const answers = await slowAnswers;
  const exit = await server.exited;
  const exitAfterMs = performance.now() - sigtermAt;
  stopBackground = true;
  await backgroundDone;
  console.log(
    `[sigterm] refused new connections after ${refusedAfterMs.toFixed(0)} ms; in-flight answers: ${answers.map((a) => a.status).join(',')}; ` +
      `exit ${JSON.stringify(exit)} after ${exitAfterMs.toFixed(0)} ms; background before: ${background.summary()}; after: ${afterSigterm.summary()}`,
  );

  for (const a of answers) {
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body.feedback.grading_status).toBe('graded');
  }
  expect(exit).toEqual({ code: 0, signal: null });
  expect(exitAfterMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
  expect(exitAfterMs).toBeGreaterThanOrEqual(SLOW_MODEL_MS * 0.5); // it did wait for them
  // background requests: served, or refused, or told 503 while closing; never a 500, never a hang
  expect(background.count((s) => s !== 200)).toBe(0);
  expect(afterSigterm.count((s) => ![200, 503, 0].includes(s))).toBe(0);
  expect(await tryConnect(server.port)).toBe('ECONNREFUSED');

  const stored = await handle.db
    .selectFrom('feedback')
    .select(['grading_status'])
    .where('session_id', 'in', sessions)
    .execute();
  expect(stored.map((s) => s.grading_status)).toEqual(Array(IN_FLIGHT).fill('graded'));
});
