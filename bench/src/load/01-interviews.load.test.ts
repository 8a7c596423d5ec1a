/**
 * 100 virtual candidates, each registering, logging in, then running interviews back to back
 * (create, start, answer every question, end) for LOAD_SECONDS (default 60): no 5xx at all, and
 * every answer acknowledged with a 2xx is in the database afterwards, exactly.
 */
import { makeJob } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLoadDatabase } from '../lib/databases.ts';
import { call, type InProcessServer, interview, startInProcessServer, Tally } from './support.ts';

const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CANDIDATES = 100;

let db: Awaited<ReturnType<typeof createLoadDatabase>>;
let server: InProcessServer;

beforeAll(async () => {
  db = await createLoadDatabase();
  server = await startInProcessServer({ url: db.url });
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

test(
  `${CANDIDATES} concurrent candidates complete interviews for ${LOAD_SECONDS} s: no 5xx, nothing acknowledged is lost`,
  async () => {
    const job = await makeJob(server.handle.db, null);
    const tally = new Tally();
    const run = Date.now().toString(36);

    // register and log in, all at once (argon2id twice per candidate)
    const tokens = await Promise.all(
      Array.from({ length: CANDIDATES }, async (_, i) => {
        const email = `load${i}.${run}@example.test`;
        const password = `password-${i}-${run}`;
        const reg = tally.record(
          await call(server.url, 'POST', '/api/auth/register', {
            body: { email, username: `load_${i}_${run}`, password },
            timeoutMs: 60_000,
          }),
          'POST /api/auth/register',
        );
        expect(
          reg.status,
          `register: ${reg.error ?? ''} ${JSON.stringify(reg.body)} after ${reg.ms.toFixed(0)} ms`,
        ).toBe(201);
        const login = tally.record(
          await call(server.url, 'POST', '/api/auth/login', { body: { email, password }, timeoutMs: 60_000 }),
          'POST /api/auth/login',
        );
        expect(
          login.status,
          `login: ${login.error ?? ''} ${JSON.stringify(login.body)} after ${login.ms.toFixed(0)} ms`,
        ).toBe(200);
        return { token: login.body.token as string, userId: login.body.user.id as string };
      }),
    );

    const deadline = Date.now() + LOAD_SECONDS * 1000;
    const failures: string[] = [];
    await Promise.all(
      tokens.map(async ({ token }, i) => {
        // bounded: the deadline, and at most 1,000 interviews per candidate
        for (let n = 0; n < 1000 && Date.now() < deadline; n++) {
          const ok = await interview({
            base: server.url,
            token,
            jobId: job.id,
            questionCount: 3 + (i % 3),
            tally,
            deadline,
          });
          if (!ok) failures.push(`candidate ${i}, interview ${n}`);
        }
      }),
    );
    console.log(
      `[interviews] ${tally.summary()}; ${tally.completed.size} interviews completed, ${tally.acked.size} answers acknowledged`,
    );

    expect(tally.samples, 'no 5xx and no dropped connections').toEqual([]);
    expect(tally.count((s) => s >= 500 || s <= 0)).toBe(0);
    expect(failures).toEqual([]);
    expect(tally.completed.size).toBeGreaterThanOrEqual(CANDIDATES);

    const userIds = tokens.map((t) => t.userId);
    const stored = await server.handle.db
      .selectFrom('feedback')
      .select('id')
      .where('user_id', 'in', userIds)
      .execute();
    const storedIds = new Set(stored.map((r) => r.id));
    expect(stored.length).toBe(tally.acked.size);
    expect([...tally.acked].filter((id) => !storedIds.has(id))).toEqual([]);

    const completed = await server.handle.db
      .selectFrom('interview_sessions')
      .select('id')
      .where('user_id', 'in', userIds)
      .where('status', '=', 'completed')
      .execute();
    expect(completed.length).toBe(tally.completed.size);
  },
  (LOAD_SECONDS + 120) * 1000,
);
