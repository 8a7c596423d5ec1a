/**
 * Ending a session while its last answer is still being graded (two tabs, or a client that does
 * not wait for POST /feedbacks): the answer's grade still counts in the session's score, and no
 * follow-up question is added to the ended session. Found by the black-box API probe: in 2 of 8
 * races the session kept 0/100 for an answer graded 6/10, and in 2 others a follow-up was added
 * after the end, unanswered, which cut the score from 70 to 49.
 *
 * Deterministic: the grader waits for the test, which ends the session in between.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { createOfflineProvider } from '../engine/offline/index.ts';
import * as sq from '../queries/sessions.ts';
import {
  fakeProvider,
  makeServiceContext,
  makeSession,
  makeUser,
  offlineInterviewer,
  STRONG_ANSWER,
} from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import * as feedback from './feedback.ts';
import * as sessions from './sessions.ts';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

describe('end while the last answer is being graded', () => {
  it('the grade lands in the score, and the grader adds no follow-up to the ended session', async () => {
    const offline = createOfflineProvider();
    let gradingStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      gradingStarted = resolve;
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const provider = fakeProvider({
      evaluateAnswer: async (input) => {
        gradingStarted();
        await gate;
        // a grader that asks a follow-up, as one may for any answer
        return { ...(await offline.evaluateAnswer(input)), follow_up: 'How did you measure that?' };
      },
    });
    const ctx = makeServiceContext(h.db, { ...offlineInterviewer(), provider });
    const { actor } = await makeUser(h.db);
    const session = await makeSession(ctx, actor, { question_count: 1, start: true });

    const answering = feedback.submitAnswer(ctx, actor, { session_id: session.id, answer: STRONG_ANSWER });
    await started;
    const ended = await sessions.endSession(ctx, actor, session.id);
    expect(ended.status).toBe('completed');
    release();
    const { feedback: graded } = await answering;
    expect(graded.score).toBeGreaterThan(0);

    const after = await sessions.getSessionDetail(h.db, actor, session.id);
    expect(after.score).toBe((graded.score ?? 0) * 10);
    expect((await sq.listQuestions(h.db, session.id)).filter((q) => q.is_follow_up)).toEqual([]);
  });
});
