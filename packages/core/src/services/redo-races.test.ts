/**
 * Redoing an answer at the same moment from two tabs (or a client retrying): the cap on attempts
 * holds and each redo keeps the attempt it really replaced. Found by the black-box API probe: 8
 * concurrent PATCH /api/feedbacks/{id} with a new answer were all but one accepted, past the cap
 * of MAX_ANSWER_ATTEMPTS - 1 redos (each counted the attempts before any other had stored one).
 *
 * Deterministic: the test holds the answer's row locked, so both redos queue behind it, then
 * lets them go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { MAX_ANSWER_ATTEMPTS } from '../limits.ts';
import * as pq from '../queries/practice.ts';
import { makeServiceContext, makeSession, makeUser, STRONG_ANSWER } from '../testing/factories.ts';
import { untilBlockedBy } from '../testing/locks.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import type { ServiceContext } from './context.ts';
import * as feedback from './feedback.ts';

let h: DatabaseHandle;
let ctx: ServiceContext;
beforeAll(async () => {
  h = await createTestDatabase();
  ctx = makeServiceContext(h.db);
});
afterAll(async () => {
  await h?.close();
});

describe('two redos of one answer at once', () => {
  it('with one redo left, one is stored and the other refused (409), and the attempts hold what was replaced', async () => {
    const u = await makeUser(h.db);
    const session = await makeSession(ctx, u.actor, { start: true });
    const { feedback: answer } = await feedback.submitAnswer(ctx, u.actor, {
      session_id: session.id,
      answer: STRONG_ANSWER,
    });
    for (let i = 1; i < MAX_ANSWER_ATTEMPTS - 1; i++)
      await feedback.updateFeedback(ctx, u.actor, answer.id, { answer: `${STRONG_ANSWER} Redo ${i}.` });
    expect(await pq.countAttempts(h.db, answer.id)).toBe(MAX_ANSWER_ATTEMPTS - 2);

    let redos: Promise<unknown>[] = [];
    await h.db.transaction().execute(async (trx) => {
      await trx.selectFrom('feedback').select('id').where('id', '=', answer.id).forUpdate().execute();
      redos = ['A', 'B'].map((tab) =>
        feedback
          .updateFeedback(ctx, u.actor, answer.id, { answer: `${STRONG_ANSWER} From tab ${tab}.` })
          .then(
            (f) => f.answer,
            (e: unknown) => e,
          ),
      );
      await untilBlockedBy(h.db, trx, 2);
    });
    const results = await Promise.all(redos);
    const stored = results.filter((r) => typeof r === 'string');
    expect(stored, JSON.stringify(results)).toHaveLength(1);
    expect(results.find((r) => typeof r !== 'string')).toMatchObject({ code: 'CONFLICT' });
    const attempts = await pq.listAttempts(h.db, answer.id);
    expect(attempts).toHaveLength(MAX_ANSWER_ATTEMPTS - 1);
    // the last attempt kept is the answer the stored redo replaced, once
    expect(attempts.at(-1)?.answer).toBe(`${STRONG_ANSWER} Redo ${MAX_ANSWER_ATTEMPTS - 2}.`);
  });
});
