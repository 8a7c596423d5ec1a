import type { AppRouter } from '@ai-interviewer/api';
import { createOfflineProvider, type DatabaseHandle, sessions, TokenAuth } from '@ai-interviewer/core';
import {
  createTestDatabase,
  fakeProvider,
  makeJob,
  makeUser,
  offlineInterviewer,
} from '@ai-interviewer/core/testing';
import { createTRPCClient, httpBatchStreamLink } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';

// A grader that writes its feedback in three steps, like a streaming model.
const slowGrader = fakeProvider({
  async evaluateAnswer(input) {
    const { onDelta, ...rest } = input;
    const graded = await createOfflineProvider().evaluateAnswer(rest);
    const words = graded.feedback.split(' ');
    for (const n of [1, 2, 3]) {
      onDelta?.(words.slice(0, Math.ceil((words.length * n) / 3)).join(' '));
      await new Promise((r) => setTimeout(r, 30));
    }
    return graded;
  },
});

describe('feedback.submitStream over httpBatchStreamLink', () => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let baseUrl: string;

  beforeAll(async () => {
    h = await createTestDatabase();
    const interviewer = { ...offlineInterviewer(), provider: slowGrader };
    app = await buildServer({ services: { db: h.db, interviewer }, auth: new TokenAuth(h.db) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    baseUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('yields growing feedback text, then the stored result', async () => {
    const { actor } = await makeUser(h.db);
    const job = await makeJob(h.db, actor);
    const ctx = { db: h.db, interviewer: { ...offlineInterviewer(), provider: slowGrader } };
    const session = await sessions.startSession(
      ctx,
      actor,
      (
        await sessions.createSession(h.db, actor, {
          job_description_id: job.id,
          question_count: 2,
          focus: 'mixed',
        })
      ).id,
    );
    const { token } = await new TokenAuth(h.db).issue(actor.id);
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchStreamLink({ url: `${baseUrl}/trpc`, headers: { authorization: `Bearer ${token}` } })],
    });

    const deltas: string[] = [];
    let result: { feedback: { id: string; grading_status: string; ai_feedback: string | null } } | null =
      null;
    const stream = await client.feedback.submitStream.mutate({
      session_id: session.id,
      answer:
        'I built a TypeScript API on PostgreSQL and cut p95 latency from 900 ms to 120 ms by adding indexes.',
    });
    for await (const event of stream) {
      if (event.type === 'delta') deltas.push(event.text);
      else result = event.result;
    }

    expect(deltas.length).toBeGreaterThanOrEqual(2);
    expect(deltas.at(-1)!.length).toBeGreaterThan(deltas[0]!.length);
    expect(result?.feedback.grading_status).toBe('graded');
    expect(result?.feedback.ai_feedback).toBe(deltas.at(-1));
    const stored = await h.db
      .selectFrom('feedback')
      .selectAll()
      .where('id', '=', result!.feedback.id)
      .executeTakeFirst();
    expect(stored?.ai_feedback).toBe(result?.feedback.ai_feedback);
  });
});
