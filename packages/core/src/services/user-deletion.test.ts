/**
 * Deleting a user while another request of theirs is writing (an answer, a new job description):
 * the deletion waits for it, then removes everything. Found by the black-box API probe:
 * DELETE /api/users/{id} racing POST /api/feedbacks answered 500 "deadlock detected" in 4 tries
 * of 6, and racing POST /api/jobs a 400 "A value is not valid here" once.
 *
 * Deterministic: the test holds the other request's transaction open itself, running the queries
 * that request runs, waits until the deletion is blocked behind it, then finishes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import * as fq from '../queries/feedback.ts';
import * as jq from '../queries/jobs.ts';
import * as sq from '../queries/sessions.ts';
import * as uq from '../queries/users.ts';
import { makeJob, makeServiceContext, makeSession, makeUser } from '../testing/factories.ts';
import { untilBlockedBy } from '../testing/locks.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import type { ServiceContext } from './context.ts';
import * as users from './users.ts';

let h: DatabaseHandle;
let ctx: ServiceContext;
beforeAll(async () => {
  h = await createTestDatabase();
  ctx = makeServiceContext(h.db);
});
afterAll(async () => {
  await h?.close();
});

describe('deleting a user while one of their writes is in flight', () => {
  it('an answer being stored (its session locked, then the feedback row): the deletion waits, no deadlock', async () => {
    const u = await makeUser(h.db);
    // on a public job: deleting the user's private jobs would touch (and wait for) the session first
    const job = await makeJob(h.db, null);
    const session = await makeSession(ctx, u.actor, { start: true, job_description_id: job.id });
    const question = session.current_question!;
    let deletion: Promise<unknown> | undefined;
    await h.db.transaction().execute(async (trx) => {
      // what submitAnswer's transaction does, in its order
      await sq.findSessionForUpdate(trx, session.id);
      deletion = users.deleteUser(h.db, u.actor, u.user.id).then(
        () => 'deleted',
        (e: unknown) => e,
      );
      await untilBlockedBy(h.db, trx);
      await fq.insertAnswer(trx, {
        session_id: session.id,
        user_id: u.user.id,
        question_id: question.id,
        question: question.text,
        answer: 'An answer stored while the account is being deleted.',
        category: question.category,
        delivery: null,
        transcript_id: null,
      });
    });
    expect(await deletion).toBe('deleted');
    expect(await uq.findUserById(h.db, u.user.id)).toBeUndefined();
    expect(await sq.findSession(h.db, session.id)).toBeUndefined();
  });

  it('a private job description being created: the deletion waits and deletes it too (no orphan, no 400)', async () => {
    const u = await makeUser(h.db);
    let deletion: Promise<unknown> | undefined;
    let jobId = '';
    await h.db.transaction().execute(async (trx) => {
      const job = await jq.insertJob(trx, {
        title: 'Written while the account is deleted',
        description: 'A private job description.',
        skills: 'SQL',
        experience: '',
        visibility: 'private',
        created_by: u.user.id,
      });
      jobId = job.id;
      deletion = users.deleteUser(h.db, u.actor, u.user.id).then(
        () => 'deleted',
        (e: unknown) => e,
      );
      await untilBlockedBy(h.db, trx);
    });
    expect(await deletion).toBe('deleted');
    expect(await jq.findJob(h.db, jobId)).toBeUndefined();
  });

  it('a profile change that reaches a user deleted meanwhile → 404, not a crash', async () => {
    const u = await makeUser(h.db);
    let update: Promise<unknown> | undefined;
    await h.db.transaction().execute(async (trx) => {
      await uq.deleteUserRow(trx, u.user.id);
      update = users.updateUser(h.db, u.actor, u.user.id, { username: `renamed_${u.user.username}` }).then(
        () => 'updated',
        (e: unknown) => e,
      );
      await untilBlockedBy(h.db, trx);
    });
    expect(await update).toMatchObject({ name: 'DomainError', code: 'NOT_FOUND' });
  });
});
