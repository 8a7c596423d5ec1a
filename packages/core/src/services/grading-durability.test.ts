/**
 * Durable grading on PostgreSQL: the answer and its job commit together, the storing instance
 * grades and settles it at once, any other instance grades what a dead one left, and an answer
 * is graded once in effect however many graders race.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { createOfflineProvider, type InterviewerProvider } from '../engine/index.ts';
import { GradingQueue } from '../queue/grading-queue.ts';
import {
  makeServiceContext,
  makeSession,
  makeUser,
  offlineInterviewer,
  STRONG_ANSWER,
} from '../testing/factories.ts';
import { createTestGradingQueue, testQueueTimings } from '../testing/grading-queue.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import type { ServiceContext } from './context.ts';
import * as feedback from './feedback.ts';

let h: DatabaseHandle;
let q: Awaited<ReturnType<typeof createTestGradingQueue>>;
let ctx: ServiceContext;

beforeAll(async () => {
  h = await createTestDatabase();
  q = await createTestGradingQueue(h);
  ctx = { ...makeServiceContext(h.db), grading: q.queue };
});
afterAll(async () => {
  await q?.close();
  await h?.close();
});

const offline = createOfflineProvider();

/** A provider whose grading waits until released: an instance stuck (or dead) mid-grading. */
function heldProvider() {
  let release: () => void = () => {};
  const released = new Promise<void>((r) => {
    release = r;
  });
  let calls = 0;
  const provider = {
    ...offline,
    evaluator: 'openai:held',
    async evaluateAnswer(input: Parameters<InterviewerProvider['evaluateAnswer']>[0]) {
      calls++;
      await released;
      return offline.evaluateAnswer(input);
    },
  };
  return { provider, release, calls: () => calls };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

async function ongoingSession(c: ServiceContext = ctx) {
  const { actor } = await makeUser(c.db);
  const session = await makeSession(c, actor, { question_count: 3, start: true });
  return { actor, session };
}

const rowOf = (id: string) =>
  h.db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('enqueueing', () => {
  it('a job sent in a transaction exists only if the transaction commits', async () => {
    const { actor, session } = await ongoingSession();
    const { feedback: fb } = await feedback.submitAnswer(ctx, actor, {
      session_id: session.id,
      answer: STRONG_ANSWER,
    });

    let rolledBack = '';
    await expect(
      h.db.transaction().execute(async (trx) => {
        rolledBack = await q.queue.enqueue(trx, fb.id);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(rolledBack).not.toBe('');
    expect(await q.queue.jobState(rolledBack)).toBeNull();

    const committed = await h.db.transaction().execute((trx) => q.queue.enqueue(trx, fb.id));
    expect(await q.queue.jobState(committed)).toBe('created');
    await q.queue.settle(committed);
    expect(await q.queue.jobState(committed)).toBeNull();
  });

  it('the storing instance grades at once and settles the job: nothing is left waiting', async () => {
    const before = await q.queue.waiting();
    const { actor, session } = await ongoingSession();
    const r = await feedback.submitAnswer(ctx, actor, { session_id: session.id, answer: STRONG_ANSWER });
    expect(r.feedback.grading_status).toBe('graded');
    // the job is deleted just after the reply (off the answer's path)
    expect(await waitUntil(async () => (await q.queue.waiting()) === before, 2000)).toBe(true);
  });

  it('the streamed feedback still streams: deltas arrive, then the graded answer', async () => {
    const { actor, session } = await ongoingSession();
    const deltas: string[] = [];
    const r = await feedback.submitAnswer(
      ctx,
      actor,
      { session_id: session.id, answer: STRONG_ANSWER },
      (d) => deltas.push(d),
    );
    expect(r.feedback.grading_status).toBe('graded');
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.at(-1)).toBe(r.feedback.ai_feedback);
  });

  it('the job commits with the answer, before grading starts, and is settled once graded', async () => {
    const { actor, session } = await ongoingSession();
    const before = await q.queue.waiting();
    const held = heldProvider();
    const c: ServiceContext = { ...ctx, interviewer: { ...offlineInterviewer(), provider: held.provider } };
    const answering = feedback.submitAnswer(c, actor, { session_id: session.id, answer: STRONG_ANSWER });
    expect(await waitUntil(async () => held.calls() === 1, 5000)).toBe(true);
    expect(await q.queue.waiting()).toBe(before + 1); // committed with the answer, before grading
    held.release();
    expect((await answering).feedback.grading_status).toBe('graded');
    expect(await waitUntil(async () => (await q.queue.waiting()) === before, 2000)).toBe(true);
  });
});

describe('recovery', () => {
  it("another instance grades a dead instance's answer after the recovery delay; the late grade is dropped", async () => {
    const { actor, session } = await ongoingSession();
    const held = heldProvider();
    const dying: ServiceContext = {
      ...ctx,
      interviewer: { ...offlineInterviewer(), provider: held.provider },
    };
    // the job's delay runs from when it is stored, so that is where the clock starts (timing from
    // the other instance's start instead failed on a busy machine: the steps between took the head start)
    const submitted = Date.now();
    const answering = feedback.submitAnswer(dying, actor, { session_id: session.id, answer: STRONG_ANSWER });
    expect(await waitUntil(async () => held.calls() === 1, 5000)).toBe(true);
    const [stored] = (await feedback.listSessionFeedback(h.db, actor, session.id, { limit: 5, offset: 0 }))
      .items;
    expect(stored?.grading_status).toBe('pending');

    // the other instance: its own queue object on the same pg-boss schema, grading offline
    const other = new GradingQueue(h.db, { schema: q.schema, ...testQueueTimings });
    await other.start();
    const otherCtx: ServiceContext = { ...makeServiceContext(h.db), grading: other };
    other.work((job) => feedback.gradeLeftOver(otherCtx, job.feedbackId));
    try {
      expect(await waitUntil(async () => (await rowOf(stored!.id)).grading_status === 'graded', 10_000)).toBe(
        true,
      );
      const tookMs = Date.now() - submitted;
      // not before the storing instance's head start, and well within the 30 s promised
      expect(tookMs).toBeGreaterThanOrEqual(testQueueTimings.recoveryDelaySeconds * 1000 - 200);
      expect(tookMs).toBeLessThan(8000);
    } finally {
      await other.stop(5000);
    }
    const recovered = await rowOf(stored!.id);
    expect(recovered.evaluator).toBe(offline.evaluator);
    expect(recovered.grading_attempts).toBe(1);

    // the first instance comes back to life: its grade loses the compare-and-set
    held.release();
    const late = await answering;
    expect(late.feedback.evaluator).toBe(offline.evaluator);
    const final = await rowOf(stored!.id);
    expect(final.grading_attempts).toBe(1);
    expect(final.updated_at).toEqual(recovered.updated_at);
  });

  it('gradeLeftOver leaves a graded answer alone (no model call, no write)', async () => {
    const { actor, session } = await ongoingSession();
    const { feedback: fb } = await feedback.submitAnswer(ctx, actor, {
      session_id: session.id,
      answer: STRONG_ANSWER,
    });
    const before = await rowOf(fb.id);
    const held = heldProvider();
    held.release();
    const c: ServiceContext = { ...ctx, interviewer: { ...offlineInterviewer(), provider: held.provider } };
    await feedback.gradeLeftOver(c, fb.id);
    expect(held.calls()).toBe(0);
    expect(await rowOf(fb.id)).toEqual(before);
  });

  it('a grade of an answer that was since changed does not land', async () => {
    const { actor, session } = await ongoingSession();
    const held = heldProvider();
    const slow: ServiceContext = {
      ...ctx,
      interviewer: { ...offlineInterviewer(), provider: held.provider },
    };
    const answering = feedback.submitAnswer(slow, actor, {
      session_id: session.id,
      answer: 'A first, thin answer.',
    });
    expect(await waitUntil(async () => held.calls() === 1, 5000)).toBe(true);
    const [stored] = (await feedback.listSessionFeedback(h.db, actor, session.id, { limit: 5, offset: 0 }))
      .items;
    const changed = await feedback.updateFeedback(ctx, actor, stored!.id, { answer: STRONG_ANSWER });
    expect(changed.grading_status).toBe('graded');
    held.release();
    await answering;
    const final = await rowOf(stored!.id);
    expect(final.answer).toBe(STRONG_ANSWER);
    expect(final.evaluator).toBe(offline.evaluator);
    expect(final.score).toBe(changed.score);
  });

  it('stop() drains: a grade in progress finishes before it resolves', async () => {
    const { actor, session } = await ongoingSession();
    const stuck = heldProvider();
    const dying: ServiceContext = {
      ...ctx,
      interviewer: { ...offlineInterviewer(), provider: stuck.provider },
    };
    void feedback.submitAnswer(dying, actor, { session_id: session.id, answer: STRONG_ANSWER });
    expect(await waitUntil(async () => stuck.calls() === 1, 5000)).toBe(true);
    const [stored] = (await feedback.listSessionFeedback(h.db, actor, session.id, { limit: 5, offset: 0 }))
      .items;

    const slowModel = heldProvider();
    const other = new GradingQueue(h.db, { schema: q.schema, ...testQueueTimings });
    await other.start();
    const otherCtx: ServiceContext = {
      ...makeServiceContext(h.db, { ...offlineInterviewer(), provider: slowModel.provider }),
      grading: other,
    };
    other.work((job) => feedback.gradeLeftOver(otherCtx, job.feedbackId));
    expect(await waitUntil(async () => slowModel.calls() === 1, 10_000)).toBe(true);
    const stopping = other.stop(10_000);
    setTimeout(slowModel.release, 300);
    await stopping;
    expect((await rowOf(stored!.id)).grading_status).toBe('graded');
    stuck.release();
  });
});

describe('the worker', () => {
  /** A committed job for a fresh answer, and a worker of its own on the same pg-boss schema. */
  async function jobAndWorker() {
    const { actor, session } = await ongoingSession();
    const { feedback: fb } = await feedback.submitAnswer(ctx, actor, {
      session_id: session.id,
      answer: STRONG_ANSWER,
    });
    const jobId = await h.db.transaction().execute((trx) => q.queue.enqueue(trx, fb.id));
    const worker = new GradingQueue(h.db, { schema: q.schema, ...testQueueTimings });
    await worker.start();
    return { fb, jobId, worker };
  }

  it('a grade that throws is retried, and the job completes once it succeeds', async () => {
    const { fb, jobId, worker } = await jobAndWorker();
    const seen: string[] = [];
    worker.work(async (job) => {
      if (job.feedbackId !== fb.id) return;
      seen.push(job.feedbackId);
      if (seen.length === 1) throw new Error('the database blinked');
    });
    try {
      expect(await waitUntil(async () => (await q.queue.jobState(jobId)) === 'completed', 15_000)).toBe(true);
      expect(seen).toEqual([fb.id, fb.id]);
    } finally {
      await worker.stop(5000);
    }
  });

  it('stop() past its deadline hands an unfinished job back for another instance', async () => {
    const { fb, jobId, worker } = await jobAndWorker();
    let started = false;
    worker.work(async (job) => {
      if (job.feedbackId !== fb.id) return;
      started = true;
      await new Promise(() => {}); // a grade that never ends
    });
    expect(await waitUntil(async () => started, 10_000)).toBe(true);
    expect(await q.queue.jobState(jobId)).toBe('active');
    const stoppedAt = Date.now();
    await worker.stop(300);
    expect(Date.now() - stoppedAt).toBeLessThan(3000);
    expect(await q.queue.jobState(jobId)).toBe('retry');
    await q.queue.settle(jobId);
  });
});
