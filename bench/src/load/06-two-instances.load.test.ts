/**
 * Two server processes (`node apps/server/dist/main.js`, as deployed) on one database, 100
 * candidates answering through both, a slow fake model so that answers are mid-grading, and
 * `kill -9` of one instance in the middle. Then: every answer the servers acknowledged — and
 * every answer stored at all, acknowledged or cut off by the kill — ends `graded` (none left
 * `pending`), within 30 s of the kill; no answer was graded twice (one grade landed on each:
 * grading_attempts = 1); and the login rate limit held across both instances.
 */
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

const CANDIDATES = 100;
const QUESTIONS = 3;
/** Grading takes this long at the fake model, so a kill finds answers mid-grading. */
const MODEL_MS = 400;
/** The promise: a dead instance's answers are graded by the live one within this. */
const RECOVERY_BOUND_MS = 30_000;
const AUTH_RATE_LIMIT = 5;
const LOGIN_PROBES = 20;

let db: Awaited<ReturnType<typeof createLoadDatabase>>;
let handle: DatabaseHandle;
let fake: FakeOpenAI;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAI(async (req) => {
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
      await sleep(MODEL_MS);
      return {
        json: chatCompletion({
          feedback: 'A clear answer.',
          strengths: ['Specific'],
          improvements: [],
          skills_shown: ['PostgreSQL'],
          follow_up: null,
          score: 7,
        }),
      };
    }
    return { json: chatCompletion({ summary: 'A fair interview.', skill_notes: [] }) };
  });
  db = await createLoadDatabase();
  handle = await createDatabase({ url: db.url, poolMax: 4 });
  await migrateToLatest(handle.db);
});

afterAll(async () => {
  for (const s of servers) await s.stop(2000);
  await handle?.close();
  await fake?.close();
  await db?.drop();
});

test('two instances, one killed mid-grading: every answer graded once, rate limits shared', async () => {
  const job = await makeJob(handle.db, null);
  const auth = new TokenAuth(handle.db);
  const users = await Promise.all(Array.from({ length: CANDIDATES }, () => makeUser(handle.db)));
  const tokens = await Promise.all(users.map(async ({ user }) => (await auth.issue(user.id)).token));

  const env = serverEnv(db.url, {
    AI_PROVIDER: 'openai',
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: fake.url,
    OPENAI_MODEL: 'fake-model',
    OPENAI_TIMEOUT_MS: '10000',
    OPENAI_MAX_RETRIES: '0',
    AUTH_RATE_LIMIT: String(AUTH_RATE_LIMIT),
    DB_POOL_MAX: '10',
  });
  // one after the other: both run migrations and create pg-boss's schema at start
  servers.push(await startServerProcess({ env }));
  servers.push(await startServerProcess({ env }));
  const [a, b] = servers as [ServerProcess, ServerProcess];

  // The login limit holds across both: of 20 wrong-password logins, alternating, 5 get through.
  const probes: number[] = [];
  for (let i = 0; i < LOGIN_PROBES; i++) {
    const r = await call(i % 2 ? b.url : a.url, 'POST', '/api/auth/login', {
      body: { email: users[0]!.user.email, password: 'not the password' },
    });
    probes.push(r.status);
  }
  expect(probes.filter((s) => s === 401)).toHaveLength(AUTH_RATE_LIMIT);
  expect(probes.filter((s) => s === 429)).toHaveLength(LOGIN_PROBES - AUTH_RATE_LIMIT);

  // 100 candidates, half on each instance; after the kill, B's candidates carry on at A.
  const tally = new Tally();
  let killedAt = 0;
  let inFlightAtB = 0;
  let started = 0;
  const sessions: string[] = [];
  const candidates = tokens.map(async (token, i) => {
    let base = i % 2 ? b.url : a.url;
    const t = { token, timeoutMs: 20_000 };
    const created = tally.record(
      await call(base, 'POST', '/api/sessions', {
        ...t,
        body: { job_description_id: job.id, question_count: QUESTIONS },
      }),
      'POST /api/sessions',
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    sessions.push(id);
    expect(tally.record(await call(base, 'POST', `/api/sessions/${id}/start`, t), 'start').status).toBe(200);
    started++;
    for (let q = 0; q < QUESTIONS * 2; q++) {
      const atB = base === b.url;
      if (atB) inFlightAtB++;
      const r = tally.record(
        await call(base, 'POST', '/api/feedbacks', {
          ...t,
          body: {
            session_id: id,
            answer: `Answer ${q}: I added an index and cut p95 from 900 ms to 120 ms.`,
          },
        }),
        'POST /api/feedbacks',
      );
      if (atB) inFlightAtB--;
      if (r.status === 201) {
        tally.acked.add(r.body.feedback.id as string);
        if (r.body.done) return;
        continue;
      }
      // the instance died under this request: go on at the other one (as a load balancer would)
      expect(killedAt > 0 && base === b.url, `${r.status} ${JSON.stringify(r.body)}`).toBe(true);
      base = a.url;
      // the question may have been stored (pending) before the kill: the session says what is next
      const session = await call(base, 'GET', `/api/sessions/${id}`, t);
      expect(session.status).toBe(200);
      if (!session.body.current_question) return;
    }
  });

  // kill -9 B while it has answers mid-grading (once every interview has started)
  expect(await waitFor(() => started === CANDIDATES && inFlightAtB >= 10, 30_000, 10)).toBe(true);
  b.child.kill('SIGKILL');
  killedAt = Date.now();
  const cutOff = inFlightAtB;
  await Promise.all(candidates);
  expect(await b.exited).toEqual({ code: null, signal: 'SIGKILL' });

  // every stored answer ends graded, within the bound
  const pending = async () =>
    (
      await handle.db
        .selectFrom('feedback')
        .select('id')
        .where('grading_status', '<>', 'graded')
        .where('session_id', 'in', sessions)
        .execute()
    ).length;
  const settled = await waitFor(async () => (await pending()) === 0, RECOVERY_BOUND_MS + 5000, 200);
  const recoveredAfterMs = Date.now() - killedAt;
  const rows = await handle.db
    .selectFrom('feedback')
    .select(['id', 'grading_status', 'grading_attempts'])
    .where('session_id', 'in', sessions)
    .execute();
  const gradeCalls = fake.requests.filter(
    (r) => r.body?.response_format?.json_schema?.name === 'answer_evaluation',
  ).length;
  console.log(
    `[two instances] ${CANDIDATES} candidates; ${tally.acked.size} answers acknowledged, ${rows.length} stored; ` +
      `${cutOff} requests in flight at B when it was killed; every answer graded ${recoveredAfterMs} ms after the kill; ` +
      `${gradeCalls} model calls for ${rows.length} answers; login probes ${probes.join(',')}; ${tally.summary()}`,
  );

  expect(settled, `${await pending()} answers still not graded`).toBe(true);
  expect(recoveredAfterMs).toBeLessThan(RECOVERY_BOUND_MS);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of tally.acked) expect(byId.get(id)?.grading_status).toBe('graded');
  // one grade landed on each answer: a second (racing) grade would have bumped the counter
  expect(rows.filter((r) => r.grading_attempts !== 1)).toEqual([]);
  expect(rows.length).toBeGreaterThanOrEqual(tally.acked.size);
  expect(tally.acked.size).toBeGreaterThan(CANDIDATES); // most candidates answered more than once
  // the live instance took no 5xx
  expect(tally.count((s) => s >= 500)).toBe(0);
});
