/**
 * The model provider hangs or answers 500 while candidates answer (AI_PROVIDER=openai against a
 * fake OpenAI server, a 1 s timeout, no retries): every answer is still acknowledged and kept,
 * with grading_status "failed", latency stays bounded by the timeout, and once the fake answers
 * well `POST /api/feedbacks/{id}/regrade` grades every one of them.
 */
import { createProvider } from '@ai-interviewer/core';
import { makeJob, makeUser } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  chatCompletion,
  type FakeOpenAI,
  startFakeOpenAI,
} from '../../../packages/core/src/engine/openai/fake-openai-server.ts';
import { createLoadDatabase } from '../lib/databases.ts';
import { call, type InProcessServer, offlineInterviewer, startInProcessServer, Tally } from './support.ts';

const TIMEOUT_MS = 1000;
/** Bounded means: the model timeout plus our own work, with room for a busy 2-core machine. */
const MARGIN_MS = 2500;
const CANDIDATES = 20;
const QUESTIONS = 3;

type Mode = 'failing' | 'good';
let mode: Mode = 'failing';
let fake: FakeOpenAI;
let db: Awaited<ReturnType<typeof createLoadDatabase>>;
let server: InProcessServer;

const evaluation = {
  feedback: 'A clear, specific answer with a measurable result.',
  strengths: ['Specific numbers'],
  improvements: ['Name the trade-offs'],
  skills_shown: ['PostgreSQL'],
  follow_up: null,
  score: 7,
};

beforeAll(async () => {
  let gradeCalls = 0;
  fake = await startFakeOpenAI((req) => {
    const name = req.body?.response_format?.json_schema?.name as string | undefined;
    if (name === 'interview_plan') {
      return {
        json: chatCompletion({
          questions: Array.from({ length: QUESTIONS }, (_, i) => ({
            text: `Question ${i + 1}: how did you make a slow PostgreSQL query fast?`,
            category: 'technical',
            skill: 'PostgreSQL',
          })),
        }),
      };
    }
    if (name === 'answer_evaluation') {
      if (mode === 'good') return { json: chatCompletion(evaluation) };
      // the failing provider: one call in two hangs (never answers), the other gets a 500
      return gradeCalls++ % 2 === 0
        ? { hang: true }
        : { status: 500, json: { error: { message: 'upstream exploded', type: 'server_error' } } };
    }
    return { json: chatCompletion({ summary: 'A fair interview.', skill_notes: [] }) };
  });
  db = await createLoadDatabase();
  server = await startInProcessServer({
    url: db.url,
    interviewer: offlineInterviewer(
      createProvider({
        provider: 'openai',
        openai: {
          apiKey: 'test-key',
          baseURL: fake.url,
          model: 'fake-model',
          timeoutMs: TIMEOUT_MS,
          maxRetries: 0,
        },
      }),
    ),
  });
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
  await db?.drop();
});

test('a hanging or failing model: answers kept as "failed", latency bounded, regrade grades them', async () => {
  const job = await makeJob(server.handle.db, null);
  const tally = new Tally();
  const candidates = await Promise.all(
    Array.from({ length: CANDIDATES }, async () => {
      const { user } = await makeUser(server.handle.db);
      return { user, token: (await server.auth.issue(user.id)).token };
    }),
  );

  // every candidate answers every question of one interview while the model misbehaves
  const answers: { id: string; token: string; status: string }[] = [];
  await Promise.all(
    candidates.map(async ({ token }) => {
      const created = await call(server.url, 'POST', '/api/sessions', {
        token,
        body: { job_description_id: job.id, question_count: QUESTIONS },
      });
      expect(created.status).toBe(201);
      const started = await call(server.url, 'POST', `/api/sessions/${created.body.id}/start`, { token });
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      let current = started.body.current_question;
      for (let i = 0; i < QUESTIONS + 2 && current; i++) {
        const r = tally.record(
          await call(server.url, 'POST', '/api/feedbacks', {
            token,
            body: {
              session_id: created.body.id,
              answer: 'I added two indexes and cut p95 from 900 ms to 120 ms.',
            },
            timeoutMs: 20_000,
          }),
          'POST /api/feedbacks',
        );
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        answers.push({ id: r.body.feedback.id, token, status: r.body.feedback.grading_status });
        current = r.body.next_question;
      }
    }),
  );
  console.log(`[provider down] answers: ${tally.summary()}`);
  expect(answers).toHaveLength(CANDIDATES * QUESTIONS);
  expect(answers.every((a) => a.status === 'failed')).toBe(true);
  expect(tally.percentile(99)).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
  expect(Math.max(...tally.latencies)).toBeLessThan(TIMEOUT_MS + 2 * MARGIN_MS);

  const failed = await server.handle.db
    .selectFrom('feedback')
    .select(['id', 'grading_status', 'grading_error'])
    .where(
      'id',
      'in',
      answers.map((a) => a.id),
    )
    .execute();
  expect(failed).toHaveLength(answers.length);
  expect(failed.every((f) => f.grading_status === 'failed' && f.grading_error)).toBe(true);

  // the model is back: regrade every answer (bounded: one call each)
  mode = 'good';
  const regrades = new Tally();
  await Promise.all(
    answers.map(async (a) => {
      const r = regrades.record(
        await call(server.url, 'POST', `/api/feedbacks/${a.id}/regrade`, { token: a.token }),
        'regrade',
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.grading_status).toBe('graded');
      expect(r.body.score).toBe(7);
    }),
  );
  console.log(`[provider back] regrades: ${regrades.summary()}`);
  const after = await server.handle.db
    .selectFrom('feedback')
    .select(['grading_status', 'evaluator'])
    .where(
      'id',
      'in',
      answers.map((a) => a.id),
    )
    .execute();
  expect(after.every((f) => f.grading_status === 'graded' && f.evaluator === 'openai:fake-model')).toBe(true);
});
