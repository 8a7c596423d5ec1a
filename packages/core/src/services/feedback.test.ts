import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { createOfflineProvider, EngineError } from '../engine/index.ts';
import { listFeedbackInput } from '../schemas/feedback.ts';
import {
  domainError,
  fakeProvider,
  makeAdmin,
  makeServiceContext,
  makeSession,
  makeUser,
  offlineInterviewer,
  STRONG_ANSWER,
} from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import type { Interviewer, ServiceContext } from './context.ts';
import * as feedback from './feedback.ts';
import * as sessions from './sessions.ts';

let h: DatabaseHandle;
let ctx: ServiceContext;

beforeAll(async () => {
  h = await createTestDatabase();
  ctx = makeServiceContext(h.db);
});
afterAll(async () => {
  await h?.close();
});

/** A candidate with an ongoing session and one graded answer. */
async function answered(c: ServiceContext = ctx, questionCount = 3) {
  const { actor } = await makeUser(c.db);
  const session = await makeSession(c, actor, { question_count: questionCount, start: true });
  const r = await feedback.submitAnswer(c, actor, { session_id: session.id, answer: STRONG_ANSWER });
  return { actor, session, fb: r.feedback };
}

const failingProvider = () =>
  fakeProvider({
    evaluateAnswer: async () => {
      throw new EngineError('timeout', 'the model did not answer in time');
    },
  });

const withProvider = (provider: Interviewer['provider'], extra: Partial<Interviewer> = {}): ServiceContext =>
  makeServiceContext(ctx.db, { ...offlineInterviewer(), provider, ...extra });

describe('access control', () => {
  async function cast() {
    const { actor: owner, session, fb } = await answered();
    const other = (await makeUser(ctx.db)).actor;
    const admin = (await makeAdmin(ctx.db)).actor;
    return { owner, other, admin, session, fb };
  }

  it('submitAnswer: owner and admin; other candidate NOT_FOUND; anonymous UNAUTHORIZED', async () => {
    const { owner, other, admin, session } = await cast();
    const input = { session_id: session.id, answer: STRONG_ANSWER };
    await domainError(feedback.submitAnswer(ctx, other, input), 'NOT_FOUND');
    await domainError(feedback.submitAnswer(ctx, null, input), 'UNAUTHORIZED');
    expect((await feedback.submitAnswer(ctx, owner, input)).feedback.user_id).toBe(owner.id);
    expect((await feedback.submitAnswer(ctx, admin, input)).feedback.user_id).toBe(owner.id);
  });

  it('getFeedback: owner and admin; other candidate NOT_FOUND; anonymous UNAUTHORIZED', async () => {
    const { owner, other, admin, fb } = await cast();
    expect((await feedback.getFeedback(ctx.db, owner, fb.id)).id).toBe(fb.id);
    expect((await feedback.getFeedback(ctx.db, admin, fb.id)).id).toBe(fb.id);
    await domainError(feedback.getFeedback(ctx.db, other, fb.id), 'NOT_FOUND');
    await domainError(feedback.getFeedback(ctx.db, other, crypto.randomUUID()), 'NOT_FOUND');
    await domainError(feedback.getFeedback(ctx.db, null, fb.id), 'UNAUTHORIZED');
  });

  it('updateFeedback: owner and admin; other candidate NOT_FOUND; anonymous UNAUTHORIZED', async () => {
    const { owner, other, admin, fb } = await cast();
    await domainError(feedback.updateFeedback(ctx, other, fb.id, { answer: 'Mine now.' }), 'NOT_FOUND');
    await domainError(feedback.updateFeedback(ctx, null, fb.id, { answer: 'Mine now.' }), 'UNAUTHORIZED');
    const rewritten = await feedback.updateFeedback(ctx, owner, fb.id, {
      answer: `${STRONG_ANSWER} Also more.`,
    });
    expect(rewritten.answer).toBe(`${STRONG_ANSWER} Also more.`);
    expect(rewritten.grading_status).toBe('graded');
    const corrected = await feedback.updateFeedback(ctx, admin, fb.id, {
      score: 4,
      ai_feedback: 'Corrected by hand.',
    });
    expect(corrected).toMatchObject({ score: 4, ai_feedback: 'Corrected by hand.', evaluator: 'admin' });
  });

  it('deleteFeedback: owner and admin; other candidate NOT_FOUND; anonymous UNAUTHORIZED', async () => {
    const { owner, other, admin, fb, session } = await cast();
    await domainError(feedback.deleteFeedback(ctx, other, fb.id), 'NOT_FOUND');
    await domainError(feedback.deleteFeedback(ctx, null, fb.id), 'UNAUTHORIZED');
    // while the session is ongoing only an admin may (the owner would reopen the question)
    await domainError(feedback.deleteFeedback(ctx, owner, fb.id), 'CONFLICT');
    await feedback.deleteFeedback(ctx, admin, fb.id);
    await domainError(feedback.getFeedback(ctx.db, admin, fb.id), 'NOT_FOUND');
    const second = await feedback.submitAnswer(ctx, owner, { session_id: session.id, answer: STRONG_ANSWER });
    await sessions.endSession(ctx, owner, session.id);
    await feedback.deleteFeedback(ctx, owner, second.feedback.id);
    await domainError(feedback.getFeedback(ctx.db, owner, second.feedback.id), 'NOT_FOUND');
  });

  it('regradeFeedback: owner and admin; other candidate NOT_FOUND; anonymous UNAUTHORIZED', async () => {
    const c = withProvider(failingProvider());
    const { actor: owner, fb } = await answered(c);
    expect(fb.grading_status).toBe('failed');
    const other = (await makeUser(ctx.db)).actor;
    const admin = (await makeAdmin(ctx.db)).actor;
    await domainError(feedback.regradeFeedback(ctx, other, fb.id), 'NOT_FOUND');
    await domainError(feedback.regradeFeedback(ctx, null, fb.id), 'UNAUTHORIZED');
    expect((await feedback.regradeFeedback(ctx, owner, fb.id)).grading_status).toBe('graded');
    // graded now: the candidate cannot ask again, an admin can
    await domainError(feedback.regradeFeedback(ctx, owner, fb.id), 'CONFLICT');
    expect((await feedback.regradeFeedback(ctx, admin, fb.id)).grading_status).toBe('graded');
  });

  it('listFeedback is admin-only', async () => {
    const { owner, admin, session, fb } = await cast();
    await domainError(feedback.listFeedback(ctx.db, owner, listFeedbackInput.parse({})), 'FORBIDDEN');
    await domainError(feedback.listFeedback(ctx.db, null, listFeedbackInput.parse({})), 'UNAUTHORIZED');
    const page = await feedback.listFeedback(
      ctx.db,
      admin,
      listFeedbackInput.parse({ session_id: session.id }),
    );
    expect(page.items.map((f) => f.id)).toEqual([fb.id]);
    const byUser = await feedback.listFeedback(ctx.db, admin, listFeedbackInput.parse({ user_id: owner.id }));
    expect(byUser.total).toBe(1);
  });

  it('a candidate cannot set score or ai_feedback (FORBIDDEN), and nothing changes', async () => {
    const { owner, fb } = await cast();
    const e1 = await domainError(feedback.updateFeedback(ctx, owner, fb.id, { score: 10 }), 'FORBIDDEN');
    expect(e1.message).toContain('score');
    const e2 = await domainError(
      feedback.updateFeedback(ctx, owner, fb.id, { ai_feedback: 'Brilliant!' }),
      'FORBIDDEN',
    );
    expect(e2.message).toContain('ai_feedback');
    expect(await feedback.getFeedback(ctx.db, owner, fb.id)).toEqual(fb);
  });
});

describe('editing answers and grades', () => {
  it('an answer cannot be changed once the session is completed', async () => {
    const { actor, session, fb } = await answered();
    await sessions.endSession(ctx, actor, session.id);
    const err = await domainError(
      feedback.updateFeedback(ctx, actor, fb.id, { answer: 'Better.' }),
      'CONFLICT',
    );
    expect(err.message).toContain('completed');
  });

  it('an admin correcting a grade after the end rescores the session, its summary and transcript', async () => {
    const { actor, session, fb } = await answered(ctx, 1);
    const admin = (await makeAdmin(ctx.db)).actor;
    await sessions.endSession(ctx, actor, session.id);
    await feedback.updateFeedback(ctx, admin, fb.id, { score: 2 });
    const low = await sessions.getSessionDetail(ctx.db, actor, session.id);
    expect(low.score).toBe(20);
    // what the report says follows the score (the offline summary states it: "Overall 20/100 …")
    expect(low.summary).toContain('20/100');
    expect(low.transcript).toContain('(2/10, admin)');
    await feedback.updateFeedback(ctx, admin, fb.id, { score: 9 });
    const high = await sessions.getSessionDetail(ctx.db, actor, session.id);
    expect(high.score).toBe(90);
    expect(high.summary).toContain('90/100');
    expect(high.summary).not.toContain('20/100');
    expect(high.transcript).toContain('(9/10, admin)');
  });

  it('the feedback of a session lists in answer order, paginated', async () => {
    const { actor } = await makeUser(ctx.db);
    const s = await makeSession(ctx, actor, { question_count: 4, start: true });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(
        (await feedback.submitAnswer(ctx, actor, { session_id: s.id, answer: STRONG_ANSWER })).feedback.id,
      );
    }
    const got: string[] = [];
    for (const offset of [0, 3]) {
      const p = await feedback.listSessionFeedback(ctx.db, actor, s.id, { limit: 3, offset });
      expect(p.total).toBe(4);
      got.push(...p.items.map((f) => f.id));
    }
    expect(got).toEqual(ids);
  });
});

describe('limits', () => {
  it('the model-call quota counts the calls of every instance (it lives in the database)', async () => {
    const limits = { maxAnswersPerSession: 40, hourlyModelCalls: 3 };
    const instance = () => {
      const p = fakeProvider();
      return { p, c: withProvider(p, { limits }) };
    };
    const [a, b] = [instance(), instance()];
    const { actor } = await makeUser(ctx.db);
    const s = await makeSession(a.c, actor, { question_count: 3, start: true }); // 1: plan on A
    await feedback.submitAnswer(b.c, actor, { session_id: s.id, answer: STRONG_ANSWER }); // 2: on B
    await feedback.submitAnswer(a.c, actor, { session_id: s.id, answer: STRONG_ANSWER }); // 3: on A
    await domainError(
      feedback.submitAnswer(b.c, actor, { session_id: s.id, answer: STRONG_ANSWER }),
      'RATE_LIMITED',
    );
    expect([a.p.calls.evaluate, b.p.calls.evaluate]).toEqual([1, 1]);
  });

  it('the hourly model-call quota: the next call is RATE_LIMITED and the provider is not called', async () => {
    const p = fakeProvider();
    const c = withProvider(p, { limits: { maxAnswersPerSession: 40, hourlyModelCalls: 2 } });
    const { actor } = await makeUser(ctx.db);
    const s = await makeSession(c, actor, { question_count: 3, start: true }); // call 1: plan
    await feedback.submitAnswer(c, actor, { session_id: s.id, answer: STRONG_ANSWER }); // call 2: grade
    expect(p.calls).toEqual({ plan: 1, evaluate: 1, summarise: 0 });
    const err = await domainError(
      feedback.submitAnswer(c, actor, { session_id: s.id, answer: STRONG_ANSWER }),
      'RATE_LIMITED',
    );
    expect(err.message).toContain('2');
    expect(p.calls).toEqual({ plan: 1, evaluate: 1, summarise: 0 });
    // the refused answer was not stored
    expect((await feedback.listSessionFeedback(c.db, actor, s.id, { limit: 10, offset: 0 })).total).toBe(1);
    // starting another session is refused too; other users are not affected
    const s2 = await makeSession(c, actor, { question_count: 1 });
    await domainError(sessions.startSession(c, actor, s2.id), 'RATE_LIMITED');
    const someoneElse = (await makeUser(ctx.db)).actor;
    await makeSession(c, someoneElse, { question_count: 1, start: true });
    // the offline provider is not metered
    await feedback.submitAnswer(ctx, actor, { session_id: s.id, answer: STRONG_ANSWER });
  });

  it('maxAnswersPerSession is enforced', async () => {
    const c = makeServiceContext(ctx.db, offlineInterviewer({ maxAnswersPerSession: 2 }));
    const { actor } = await makeUser(ctx.db);
    const s = await makeSession(c, actor, { question_count: 4, start: true });
    await feedback.submitAnswer(c, actor, { session_id: s.id, answer: STRONG_ANSWER });
    await feedback.submitAnswer(c, actor, { session_id: s.id, answer: STRONG_ANSWER });
    const err = await domainError(
      feedback.submitAnswer(c, actor, { session_id: s.id, answer: STRONG_ANSWER }),
      'CONFLICT',
    );
    expect(err.message).toContain('2');
    expect((await feedback.listSessionFeedback(c.db, actor, s.id, { limit: 10, offset: 0 })).total).toBe(2);
  });
});

describe('a failing model never loses the answer', () => {
  it('the answer is stored as failed with an error; a regrade with a working provider grades it', async () => {
    const failing = failingProvider();
    const c = withProvider(failing);
    const { actor } = await makeUser(ctx.db);
    const s = await makeSession(c, actor, { question_count: 2, start: true });
    const r = await feedback.submitAnswer(c, actor, { session_id: s.id, answer: STRONG_ANSWER });
    expect(failing.calls.evaluate).toBe(1);
    expect(r.feedback).toMatchObject({ grading_status: 'failed', score: null, answer: STRONG_ANSWER });
    expect(r.feedback.grading_error).toContain('the model did not answer in time');
    // the candidate moves on: the failed answer still counts as answered
    expect(r.next_question?.id).toBe(s.questions[1]!.id);

    const working = fakeProvider();
    const regraded = await feedback.regradeFeedback(withProvider(working), actor, r.feedback.id);
    expect(working.calls.evaluate).toBe(1);
    expect(regraded).toMatchObject({
      grading_status: 'graded',
      evaluator: 'openai:test',
      grading_error: null,
    });
    expect(regraded.score).toBeGreaterThanOrEqual(0);
    const row = await ctx.db
      .selectFrom('feedback')
      .selectAll()
      .where('id', '=', r.feedback.id)
      .executeTakeFirst();
    expect(row?.grading_attempts).toBe(2);
  });

  it('with an offline fallback, the failing provider’s answer is graded by the fallback, and says so', async () => {
    const failing = failingProvider();
    const c = withProvider(failing, { fallback: createOfflineProvider() });
    const { actor } = await makeUser(ctx.db);
    const s = await makeSession(c, actor, { question_count: 2, start: true });
    const r = await feedback.submitAnswer(c, actor, { session_id: s.id, answer: STRONG_ANSWER });
    expect(failing.calls.evaluate).toBe(1);
    expect(r.feedback.grading_status).toBe('graded');
    expect(r.feedback.evaluator).toMatch(/^offline:/);
    expect(r.feedback.score).toBeGreaterThanOrEqual(0);
    expect(r.feedback.grading_error).toContain('fallback');
  });

  it('a failed grade counts 0 in the overall score until regraded', async () => {
    const c = withProvider(failingProvider());
    const { actor } = await makeUser(ctx.db);
    const s = await makeSession(c, actor, { question_count: 1, start: true });
    const r = await feedback.submitAnswer(c, actor, { session_id: s.id, answer: STRONG_ANSWER });
    const ended = await sessions.endSession(c, actor, s.id);
    expect(ended.score).toBe(0);
    expect(ended.transcript).toContain('not graded (failed)');
    const regraded = await feedback.regradeFeedback(ctx, actor, r.feedback.id);
    const after = await sessions.getSessionDetail(ctx.db, actor, s.id);
    expect(after.score).toBe(regraded.score! * 10);
  });
});

describe('model output the database would refuse', () => {
  it('NUL bytes in a model reply are stripped, so the answer is graded rather than failed', async () => {
    const offline = createOfflineProvider();
    const nulProvider = fakeProvider({
      async evaluateAnswer(input) {
        const graded = await offline.evaluateAnswer(input);
        return { ...graded, feedback: `Good\u0000 answer`, strengths: ['clear\u0000'] };
      },
    });
    const c = makeServiceContext(h.db, { ...offlineInterviewer(), provider: nulProvider });
    const { actor } = await makeUser(h.db);
    const session = await makeSession(c, actor, { start: true });
    const r = await feedback.submitAnswer(c, actor, { session_id: session.id, answer: STRONG_ANSWER });
    expect(r.feedback.grading_status).toBe('graded');
    expect(r.feedback.ai_feedback).toBe('Good answer');
    expect(r.feedback.strengths).toEqual(['clear']);
  });
});

describe('why a score: the rubric behind a grade', () => {
  const RUBRIC = [
    {
      key: 'relevance',
      label: 'Answers the question asked',
      points: 4,
      max: 4,
      note: 'Talks about “the cache”.',
    },
    { key: 'evidence', label: 'Evidence', points: 3.5, max: 4, note: 'Gave “40 % fewer timeouts”.' },
    { key: 'structure', label: 'Structure', points: 0.5, max: 2, note: 'No stated result.' },
  ];
  const rubricProvider = (rubric = RUBRIC, score = 8) =>
    fakeProvider({
      async evaluateAnswer() {
        return {
          score,
          rubric,
          feedback: 'Graded.',
          strengths: [],
          improvements: [],
          skills_shown: [],
          follow_up: null,
        };
      },
    });
  const sum = (r: { points: number }[] | null) => (r ?? []).reduce((a, c) => a + c.points, 0);

  it("stores the provider's components and returns them from every read", async () => {
    const c = withProvider(rubricProvider());
    const { actor } = await makeUser(c.db);
    const session = await makeSession(c, actor, { start: true });
    const r = await feedback.submitAnswer(c, actor, { session_id: session.id, answer: STRONG_ANSWER });
    expect(r.feedback.rubric).toEqual(RUBRIC);
    expect((await feedback.getFeedback(c.db, actor, r.feedback.id)).rubric).toEqual(RUBRIC);
    const page = await feedback.listSessionFeedback(c.db, actor, session.id, { limit: 10, offset: 0 });
    expect(page.items[0]!.rubric).toEqual(RUBRIC);
  });

  it('is null when the provider gives no breakdown', async () => {
    const c = withProvider(rubricProvider([]));
    const { actor } = await makeUser(c.db);
    const session = await makeSession(c, actor, { start: true });
    const r = await feedback.submitAnswer(c, actor, { session_id: session.id, answer: STRONG_ANSWER });
    expect(r.feedback.grading_status).toBe('graded');
    expect(r.feedback.rubric).toBeNull();
  });

  it("an admin's correction keeps the grader's components and adds the difference, once", async () => {
    const c = withProvider(rubricProvider());
    const { actor } = await makeUser(c.db);
    const admin = (await makeAdmin(c.db)).actor;
    const session = await makeSession(c, actor, { start: true });
    const { feedback: fb } = await feedback.submitAnswer(c, actor, {
      session_id: session.id,
      answer: STRONG_ANSWER,
    });

    const lowered = await feedback.updateFeedback(c, admin, fb.id, { score: 5 });
    expect(lowered.evaluator).toBe('admin');
    expect(lowered.rubric!.slice(0, 3)).toEqual(RUBRIC);
    expect(lowered.rubric![3]).toMatchObject({ key: feedback.ADMIN_CORRECTION_KEY, points: -3, max: 0 });
    expect(lowered.rubric![3]!.note).toContain('5/10');
    expect(sum(lowered.rubric)).toBe(5);

    // a second correction replaces the first rather than stacking on it
    const raised = await feedback.updateFeedback(c, admin, fb.id, { score: 10 });
    expect(raised.rubric!.filter((x) => x.key === feedback.ADMIN_CORRECTION_KEY)).toHaveLength(1);
    expect(sum(raised.rubric)).toBe(10);

    // back to the grader's own score: no correction left to show
    expect((await feedback.updateFeedback(c, admin, fb.id, { score: 8 })).rubric).toEqual(RUBRIC);
    // editing only the text leaves the breakdown alone
    expect((await feedback.updateFeedback(c, admin, fb.id, { ai_feedback: 'Fine.' })).rubric).toEqual(RUBRIC);
  });

  it('an admin correction of an answer with no breakdown stays without one', async () => {
    const c = withProvider(rubricProvider([]));
    const { actor } = await makeUser(c.db);
    const admin = (await makeAdmin(c.db)).actor;
    const session = await makeSession(c, actor, { start: true });
    const { feedback: fb } = await feedback.submitAnswer(c, actor, {
      session_id: session.id,
      answer: STRONG_ANSWER,
    });
    expect((await feedback.updateFeedback(c, admin, fb.id, { score: 3 })).rubric).toBeNull();
  });

  it("a rewritten answer whose grading fails does not keep the old answer's breakdown", async () => {
    const graded = withProvider(rubricProvider());
    const { actor } = await makeUser(graded.db);
    const session = await makeSession(graded, actor, { start: true });
    const { feedback: fb } = await feedback.submitAnswer(graded, actor, {
      session_id: session.id,
      answer: STRONG_ANSWER,
    });
    expect(fb.rubric).toEqual(RUBRIC);
    const failed = await feedback.updateFeedback(withProvider(failingProvider()), actor, fb.id, {
      answer: `${STRONG_ANSWER} And more.`,
    });
    expect(failed.grading_status).toBe('failed');
    expect(failed.rubric).toBeNull();
  });

  it('a NUL byte in a model-written note is stripped rather than failing the grade', async () => {
    const c = withProvider(rubricProvider([{ ...RUBRIC[0]!, note: 'cites\u0000 it' }], 4));
    const { actor } = await makeUser(c.db);
    const session = await makeSession(c, actor, { start: true });
    const r = await feedback.submitAnswer(c, actor, { session_id: session.id, answer: STRONG_ANSWER });
    expect(r.feedback.grading_status).toBe('graded');
    expect(r.feedback.rubric![0]!.note).toBe('cites it');
  });
});
