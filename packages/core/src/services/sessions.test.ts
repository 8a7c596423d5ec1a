import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { createOfflineProvider, type Evaluation } from '../engine/index.ts';
import { DomainError } from '../errors.ts';
import * as sq from '../queries/sessions.ts';
import { listSessionsInput } from '../schemas/sessions.ts';
import {
  domainError,
  fakeProvider,
  makeAdmin,
  makeJob,
  makeServiceContext,
  makeSession,
  makeUser,
  offlineInterviewer,
  STRONG_ANSWER,
  thinAnswer,
} from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import type { Actor } from './actor.ts';
import type { ServiceContext } from './context.ts';
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

type Status = 'pending' | 'ongoing' | 'completed' | 'cancelled';

/** A fresh session of a fresh candidate, brought to `status` through the services. */
async function sessionIn(status: Status, questionCount = 2) {
  const { actor } = await makeUser(ctx.db);
  const s = await makeSession(ctx, actor, { question_count: questionCount, start: status !== 'pending' });
  if (status === 'completed') await sessions.endSession(ctx, actor, s.id);
  if (status === 'cancelled') await sessions.cancelSession(ctx.db, actor, s.id);
  return { actor, session: s };
}

/** Answers whatever is current until the plan is done. */
async function answerAll(c: ServiceContext, actor: Actor, sessionId: string, answer = STRONG_ANSWER) {
  const results = [];
  for (let i = 0; i < 50; i++) {
    const d = await sessions.getSessionDetail(c.db, actor, sessionId);
    if (!d.current_question) break;
    results.push(await feedback.submitAnswer(c, actor, { session_id: sessionId, answer }));
  }
  return results;
}

describe('legal transitions', () => {
  it('start: pending → ongoing, plans the questions and makes the first one current', async () => {
    const { actor } = await makeUser(ctx.db);
    const pending = await makeSession(ctx, actor, { question_count: 4 });
    expect(pending.status).toBe('pending');
    expect(pending.started_at).toBeNull();
    expect(pending.questions).toEqual([]);
    expect(pending.current_question).toBeNull();
    expect(pending.progress).toEqual({ answered: 0, planned: 4, done: false });

    const started = await sessions.startSession(ctx, actor, pending.id);
    expect(started.status).toBe('ongoing');
    expect(started.started_at).not.toBeNull();
    expect(started.ended_at).toBeNull();
    expect(started.questions).toHaveLength(4);
    expect(started.questions.map((q) => q.plan_index)).toEqual([1, 2, 3, 4]);
    expect(started.questions.every((q) => !q.is_follow_up && !q.answered && q.text.length > 0)).toBe(true);
    expect(started.current_question).toEqual(started.questions[0]);
    expect(started.progress).toEqual({ answered: 0, planned: 4, done: false });
  });

  it('end: ongoing → completed, with ended_at, a 0-100 score, a transcript and a summary', async () => {
    const { actor, session } = await sessionIn('ongoing');
    await answerAll(ctx, actor, session.id);
    const ended = await sessions.endSession(ctx, actor, session.id);
    expect(ended.status).toBe('completed');
    expect(ended.ended_at).not.toBeNull();
    expect(ended.score).toBeGreaterThanOrEqual(0);
    expect(ended.score).toBeLessThanOrEqual(100);
    expect(ended.transcript).toBeTruthy();
    expect(ended.summary).toBeTruthy();
    expect(ended.current_question).toBeNull();
    expect(ended.progress.done).toBe(true);
  });

  it('cancel: pending → cancelled (never started, so no ended_at)', async () => {
    const { actor, session } = await sessionIn('pending');
    const cancelled = await sessions.cancelSession(ctx.db, actor, session.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.started_at).toBeNull();
    expect(cancelled.ended_at).toBeNull();
    expect(cancelled.score).toBeNull();
  });

  it('cancel: ongoing → cancelled, with ended_at and no score', async () => {
    const { actor, session } = await sessionIn('ongoing');
    const cancelled = await sessions.cancelSession(ctx.db, actor, session.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.ended_at).not.toBeNull();
    expect(cancelled.score).toBeNull();
    expect(cancelled.current_question).toBeNull();
  });
});

describe('illegal transitions → CONFLICT naming the current status', () => {
  const cases: [action: 'start' | 'end' | 'cancel' | 'answer', from: Status][] = [
    ['start', 'ongoing'],
    ['start', 'completed'],
    ['start', 'cancelled'],
    ['end', 'pending'],
    ['end', 'completed'],
    ['end', 'cancelled'],
    ['cancel', 'completed'],
    ['cancel', 'cancelled'],
    ['answer', 'pending'],
    ['answer', 'completed'],
    ['answer', 'cancelled'],
  ];
  it.each(cases)('%s a %s session', async (action, from) => {
    const { actor, session } = await sessionIn(from);
    const before = await sq.findSession(ctx.db, session.id);
    const call = {
      start: () => sessions.startSession(ctx, actor, session.id),
      end: () => sessions.endSession(ctx, actor, session.id),
      cancel: () => sessions.cancelSession(ctx.db, actor, session.id),
      answer: () => feedback.submitAnswer(ctx, actor, { session_id: session.id, answer: STRONG_ANSWER }),
    }[action];
    const err = await domainError(call(), 'CONFLICT');
    expect(err.message).toContain(from);
    // the status is also a field, so a client never parses the message
    expect(err.details).toEqual({ state: from });
    // nothing changed
    expect(await sq.findSession(ctx.db, session.id)).toEqual(before);
  });
});

describe('answering', () => {
  it('returns the feedback and the next question, and progress counts planned answers', async () => {
    const { actor, session } = await sessionIn('ongoing', 3);
    const [q1, q2] = session.questions;
    const r1 = await feedback.submitAnswer(ctx, actor, { session_id: session.id, answer: STRONG_ANSWER });
    expect(r1.feedback.question_id).toBe(q1!.id);
    expect(r1.feedback.question).toBe(q1!.text);
    expect(r1.feedback.answer).toBe(STRONG_ANSWER);
    expect(r1.feedback.user_id).toBe(actor.id);
    expect(r1.feedback.grading_status).toBe('graded');
    expect(r1.feedback.evaluator).toBe('offline:rubric-v2');
    expect(r1.feedback.score).toBeGreaterThanOrEqual(0);
    expect(r1.feedback.score).toBeLessThanOrEqual(10);
    expect(r1.feedback.ai_feedback).toBeTruthy();
    expect(r1.feedback.follow_up).toBeNull();
    expect(r1.next_question?.id).toBe(q2!.id);
    expect(r1.done).toBe(false);

    const d = await sessions.getSessionDetail(ctx.db, actor, session.id);
    expect(d.progress).toEqual({ answered: 1, planned: 3, done: false });
    expect(d.current_question?.id).toBe(q2!.id);
    expect(d.questions[0]?.answered).toBe(true);
  });

  it('the last answer says done; the plan cannot take another answer', async () => {
    const { actor, session } = await sessionIn('ongoing', 2);
    const results = await answerAll(ctx, actor, session.id);
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(results.slice(0, -1).every((r) => !r.done && r.next_question !== null)).toBe(true);
    expect(results.at(-1)?.done).toBe(true);
    expect(results.at(-1)?.next_question).toBeNull();
    const d = await sessions.getSessionDetail(ctx.db, actor, session.id);
    expect(d.progress).toEqual({ answered: 2, planned: 2, done: true });
    const err = await domainError(
      feedback.submitAnswer(ctx, actor, { session_id: session.id, answer: STRONG_ANSWER }),
      'CONFLICT',
    );
    expect(err.message).toMatch(/end the session/i);
  });

  it('a question_id that is not the current one → CONFLICT, nothing stored', async () => {
    const { actor, session } = await sessionIn('ongoing', 3);
    const later = session.questions[2]!;
    await domainError(
      feedback.submitAnswer(ctx, actor, {
        session_id: session.id,
        answer: STRONG_ANSWER,
        question_id: later.id,
      }),
      'CONFLICT',
    );
    // a question of another session is not current either
    const other = await sessionIn('ongoing', 1);
    await domainError(
      feedback.submitAnswer(ctx, actor, {
        session_id: session.id,
        answer: STRONG_ANSWER,
        question_id: other.session.questions[0]!.id,
      }),
      'CONFLICT',
    );
    // the current question's text, if given, must match
    await domainError(
      feedback.submitAnswer(ctx, actor, {
        session_id: session.id,
        answer: STRONG_ANSWER,
        question: 'Something else?',
      }),
      'CONFLICT',
    );
    const list = await feedback.listSessionFeedback(ctx.db, actor, session.id, { limit: 10, offset: 0 });
    expect(list.total).toBe(0);
    // the current one is accepted, by id and by text
    const current = session.questions[0]!;
    const ok = await feedback.submitAnswer(ctx, actor, {
      session_id: session.id,
      answer: STRONG_ANSWER,
      question_id: current.id,
      question: ` ${current.text} `,
    });
    expect(ok.feedback.question_id).toBe(current.id);
  });

  it('a thin answer gets one follow-up, which does not count as a planned question', async () => {
    // The real offline interviewer, on a fixed plan: with the plan seeded by the session's random
    // id, a generic "I have worked with X" was judged off topic for some questions (rightly: no
    // follow-up then) and the test failed about one run in four. A "tell me about a time"
    // question makes the thin answer on topic but storyless, every run.
    const offline = createOfflineProvider();
    const provider = {
      ...offline,
      planQuestions: (input: Parameters<typeof offline.planQuestions>[0]) =>
        offline.planQuestions({ ...input, seed: 'a thin answer', focus: 'behavioural' }),
    };
    const c = makeServiceContext(ctx.db, { ...offlineInterviewer(), provider });
    const { actor } = await makeUser(ctx.db);
    const job = await makeJob(ctx.db, null, {
      title: 'Backend Engineer',
      description: 'Build and run our REST APIs.',
    });
    const session = await makeSession(c, actor, {
      question_count: 2,
      start: true,
      job_description_id: job.id,
    });
    const q1 = session.questions[0]!;
    const r1 = await feedback.submitAnswer(c, actor, {
      session_id: session.id,
      answer: thinAnswer(q1.skill),
    });
    expect(r1.feedback.follow_up).toBeTruthy();
    expect(r1.next_question).toMatchObject({
      is_follow_up: true,
      plan_index: 1,
      text: r1.feedback.follow_up,
      category: q1.category,
      skill: q1.skill,
    });
    expect(r1.done).toBe(false);
    let d = await sessions.getSessionDetail(c.db, actor, session.id);
    expect(d.progress).toEqual({ answered: 1, planned: 2, done: false });
    expect(d.questions.map((q) => [q.plan_index, q.is_follow_up])).toEqual([
      [1, false],
      [1, true],
      [2, false],
    ]);

    // a thin answer to the follow-up asks nothing more: the next planned question comes
    const r2 = await feedback.submitAnswer(c, actor, {
      session_id: session.id,
      answer: thinAnswer(q1.skill),
    });
    expect(r2.feedback.question_id).toBe(r1.next_question!.id);
    expect(r2.next_question?.id).toBe(session.questions[1]!.id);
    d = await sessions.getSessionDetail(c.db, actor, session.id);
    expect(d.questions.filter((q) => q.is_follow_up)).toHaveLength(1);
    expect(d.progress).toEqual({ answered: 1, planned: 2, done: false });
  });

  it('at most one follow-up per planned question, even when the evaluator keeps asking', async () => {
    const pushy = fakeProvider({
      evaluateAnswer: async () => ({
        score: 3,
        feedback: 'Thin.',
        strengths: [],
        improvements: ['Say more'],
        skills_shown: [],
        follow_up: 'And then what happened?',
      }),
    });
    const c = makeServiceContext(ctx.db, { ...offlineInterviewer(), provider: pushy });
    const { actor } = await makeUser(ctx.db);
    const s = await makeSession(c, actor, { question_count: 2, start: true });
    const results = await answerAll(c, actor, s.id, 'Some answer.');
    // Q1, its follow-up, Q2, its follow-up: the follow-ups' own follow-ups are not asked
    expect(results).toHaveLength(4);
    const d = await sessions.getSessionDetail(c.db, actor, s.id);
    expect(d.questions.map((q) => [q.plan_index, q.is_follow_up])).toEqual([
      [1, false],
      [1, true],
      [2, false],
      [2, true],
    ]);
    expect(d.progress.done).toBe(true);
    // the database holds the line too: a second follow-up insert is a no-op
    await sq.insertFollowUp(ctx.db, {
      session_id: s.id,
      plan_index: 1,
      category: 'technical',
      skill: 'x',
      text: 'Another?',
    });
    expect((await sq.listQuestions(ctx.db, s.id)).length).toBe(4);
  });
});

describe('ending', () => {
  const fixed = (score: number, followUp: string | null = null): Evaluation => ({
    score,
    feedback: `Scored ${score}.`,
    strengths: [],
    improvements: [],
    skills_shown: [],
    follow_up: followUp,
  });

  it('the overall score is the mean of the planned answers × 10', async () => {
    const scores = [10, 6, 8];
    let i = 0;
    const p = fakeProvider({ evaluateAnswer: async () => fixed(scores[i++]!) });
    const c = makeServiceContext(ctx.db, { ...offlineInterviewer(), provider: p });
    const { actor } = await makeUser(ctx.db);
    const s = await makeSession(c, actor, { question_count: 3, start: true });
    await answerAll(c, actor, s.id);
    const ended = await sessions.endSession(c, actor, s.id);
    expect(ended.score).toBe(80);
  });

  it('a follow-up weighs 30% of its planned question; unanswered questions count 0', async () => {
    const p = fakeProvider({
      evaluateAnswer: async ({ question }) => (question.is_follow_up ? fixed(0) : fixed(10, 'Why?')),
    });
    const c = makeServiceContext(ctx.db, { ...offlineInterviewer(), provider: p });
    const { actor } = await makeUser(ctx.db);
    const s = await makeSession(c, actor, { question_count: 2, start: true });
    // Q1 = 10, its follow-up = 0 → 7; Q2 never answered → 0; mean 3.5 → 35
    await feedback.submitAnswer(c, actor, { session_id: s.id, answer: 'Main answer.' });
    await feedback.submitAnswer(c, actor, { session_id: s.id, answer: 'Follow-up answer.' });
    const ended = await sessions.endSession(c, actor, s.id);
    expect(ended.score).toBe(35);
  });

  it('ending at once gives 0 and a transcript that shows every question as not answered', async () => {
    const { actor, session } = await sessionIn('ongoing', 2);
    const ended = await sessions.endSession(ctx, actor, session.id);
    expect(ended.score).toBe(0);
    expect(ended.progress.done).toBe(false);
    for (const q of session.questions) expect(ended.transcript).toContain(q.text);
    expect(ended.transcript?.match(/not answered/g)).toHaveLength(2);
  });

  it('the transcript holds every question, answer and grade; the summary and skill notes are stored', async () => {
    const { actor, session } = await sessionIn('ongoing', 2);
    await feedback.submitAnswer(ctx, actor, { session_id: session.id, answer: STRONG_ANSWER });
    await feedback.submitAnswer(ctx, actor, { session_id: session.id, answer: `${STRONG_ANSWER} Second.` });
    const ended = await sessions.endSession(ctx, actor, session.id);
    expect(ended.transcript).toContain(session.job_title);
    for (const q of session.questions) expect(ended.transcript).toContain(q.text);
    expect(ended.transcript).toContain(STRONG_ANSWER);
    expect(ended.transcript).toContain(`${STRONG_ANSWER} Second.`);
    expect(ended.transcript).toMatch(/\/10, offline:rubric-v2/);
    expect(ended.summary?.length).toBeGreaterThan(10);
    expect(Array.isArray(ended.skill_notes)).toBe(true);
    // reading it back gives the same
    const again = await sessions.getSessionDetail(ctx.db, actor, session.id);
    expect(again.transcript).toBe(ended.transcript);
    expect(again.score).toBe(ended.score);
  });
});

describe('concurrency', () => {
  it('two concurrent ends: exactly one completes, the other gets CONFLICT', async () => {
    const { actor, session } = await sessionIn('ongoing', 2);
    await feedback.submitAnswer(ctx, actor, { session_id: session.id, answer: STRONG_ANSWER });
    const results = await Promise.allSettled([
      sessions.endSession(ctx, actor, session.id),
      sessions.endSession(ctx, actor, session.id),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    await domainError(Promise.reject(failed[0]!.reason), 'CONFLICT');
    const row = await sq.findSession(ctx.db, session.id);
    expect(row?.status).toBe('completed');
  });

  it('two concurrent starts: one plan, one CONFLICT', async () => {
    const { actor, session } = await sessionIn('pending', 3);
    const results = await Promise.allSettled([
      sessions.startSession(ctx, actor, session.id),
      sessions.startSession(ctx, actor, session.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    await domainError(Promise.reject(failed?.reason), 'CONFLICT');
    expect(await sq.listQuestions(ctx.db, session.id)).toHaveLength(3);
  });

  it('two concurrent answers to the same question: one stored, the other CONFLICT', async () => {
    const { actor, session } = await sessionIn('ongoing', 3);
    const q1 = session.questions[0]!;
    const input = { session_id: session.id, answer: STRONG_ANSWER, question_id: q1.id };
    const results = await Promise.allSettled([
      feedback.submitAnswer(ctx, actor, input),
      feedback.submitAnswer(ctx, actor, input),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    // Refused by the service, having waited for the first answer (the session row's lock), and
    // not by the unique constraint on (session_id, question_id), a raw database error.
    expect(failed?.reason).toBeInstanceOf(DomainError);
    const err = await domainError(Promise.reject(failed?.reason), 'CONFLICT');
    expect(err.message).toBe('question_id is not the current question');
    const stored = await ctx.db
      .selectFrom('feedback')
      .selectAll()
      .where('session_id', '=', session.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.question_id).toBe(q1.id);
  });

  it('an answer waits for whoever holds the session row: answers are serialised per session', async () => {
    const { actor, session } = await sessionIn('ongoing', 3);
    let releaseLock = () => {};
    const released = new Promise<void>((resolve) => {
      releaseLock = resolve;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = ctx.db.transaction().execute(async (trx) => {
      // NO KEY UPDATE: it blocks the service's FOR UPDATE but not the FOR KEY SHARE that the
      // feedback row's foreign key takes, so only the service's own lock can make the answer wait.
      await sql`SELECT id FROM interview_sessions WHERE id = ${session.id} FOR NO KEY UPDATE`.execute(trx);
      locked();
      await released;
    });
    await isLocked;
    let answered = false;
    const answer = feedback
      .submitAnswer(ctx, actor, { session_id: session.id, answer: STRONG_ANSWER })
      .then((r) => {
        answered = true;
        return r;
      });
    await new Promise((r) => setTimeout(r, 500));
    // without the lock (findSessionForUpdate) the answer would be stored by now
    expect(answered).toBe(false);
    releaseLock();
    await holder;
    expect((await answer).feedback.question_id).toBe(session.questions[0]!.id);
  });
});

describe('access control', () => {
  async function cast() {
    const owner = await makeUser(ctx.db);
    const other = await makeUser(ctx.db);
    const admin = await makeAdmin(ctx.db);
    return { owner: owner.actor, other: other.actor, admin: admin.actor };
  }

  it('createSession: a candidate for a public or own private job; not for another candidate’s private job', async () => {
    const { owner, other } = await cast();
    const publicJob = await makeJob(ctx.db, null);
    const s = await sessions.createSession(ctx.db, owner, {
      job_description_id: publicJob.id,
      question_count: 2,
      focus: 'mixed',
    });
    expect(s.user_id).toBe(owner.id);
    expect(s.job_title).toBe(publicJob.title);
    const privateJob = await makeJob(ctx.db, owner);
    expect(privateJob.visibility).toBe('private');
    await sessions.createSession(ctx.db, owner, {
      job_description_id: privateJob.id,
      question_count: 1,
      focus: 'mixed',
    });
    await domainError(
      sessions.createSession(ctx.db, other, {
        job_description_id: privateJob.id,
        question_count: 1,
        focus: 'mixed',
      }),
      'NOT_FOUND',
    );
    await domainError(
      sessions.createSession(ctx.db, null, {
        job_description_id: publicJob.id,
        question_count: 1,
        focus: 'mixed',
      }),
      'UNAUTHORIZED',
    );
  });

  const ops = {
    get: (a: Actor | null, id: string) => sessions.getSessionDetail(ctx.db, a, id),
    start: (a: Actor | null, id: string) => sessions.startSession(ctx, a, id),
    end: async (a: Actor | null, id: string) => sessions.endSession(ctx, a, id),
    cancel: (a: Actor | null, id: string) => sessions.cancelSession(ctx.db, a, id),
    feedbackList: (a: Actor | null, id: string) =>
      feedback.listSessionFeedback(ctx.db, a, id, { limit: 5, offset: 0 }),
  };
  const needs: Record<keyof typeof ops, Status> = {
    get: 'pending',
    start: 'pending',
    end: 'ongoing',
    cancel: 'pending',
    feedbackList: 'ongoing',
  };

  it.each(Object.keys(ops) as (keyof typeof ops)[])(
    '%s: owner and admin allowed; other candidate NOT_FOUND; anonymous UNAUTHORIZED',
    async (op) => {
      const { owner, other, admin } = await cast();
      const mk = async () => {
        const s = await makeSession(ctx, owner, { question_count: 1, start: needs[op] === 'ongoing' });
        return s.id;
      };
      const id = await mk();
      await domainError(ops[op](other, id), 'NOT_FOUND');
      await domainError(ops[op](null, id), 'UNAUTHORIZED');
      // an id that does not exist looks the same as another's
      await domainError(ops[op](other, crypto.randomUUID()), 'NOT_FOUND');
      await expect(ops[op](owner, id)).resolves.toBeTruthy();
      await expect(ops[op](admin, await mk())).resolves.toBeTruthy();
    },
  );

  it('listUserSessions: owner and admin; other candidate NOT_FOUND; anonymous UNAUTHORIZED', async () => {
    const { owner, other, admin } = await cast();
    await makeSession(ctx, owner, { question_count: 1 });
    const page = { limit: 10, offset: 0 };
    expect((await sessions.listUserSessions(ctx.db, owner, owner.id, page)).total).toBe(1);
    expect((await sessions.listUserSessions(ctx.db, admin, owner.id, page)).total).toBe(1);
    await domainError(sessions.listUserSessions(ctx.db, other, owner.id, page), 'NOT_FOUND');
    await domainError(sessions.listUserSessions(ctx.db, null, owner.id, page), 'UNAUTHORIZED');
  });

  it('listSessions and deleteSession are admin-only', async () => {
    const { owner, admin } = await cast();
    const s = await makeSession(ctx, owner, { question_count: 1 });
    await domainError(sessions.listSessions(ctx.db, owner, listSessionsInput.parse({})), 'FORBIDDEN');
    await domainError(sessions.listSessions(ctx.db, null, listSessionsInput.parse({})), 'UNAUTHORIZED');
    await domainError(sessions.deleteSession(ctx.db, owner, s.id), 'FORBIDDEN');
    await domainError(sessions.deleteSession(ctx.db, null, s.id), 'UNAUTHORIZED');
    const all = await sessions.listSessions(ctx.db, admin, listSessionsInput.parse({ user_id: owner.id }));
    expect(all.items.map((x) => x.id)).toEqual([s.id]);
    await sessions.deleteSession(ctx.db, admin, s.id);
    expect(await sq.findSession(ctx.db, s.id)).toBeUndefined();
    await domainError(sessions.deleteSession(ctx.db, admin, s.id), 'NOT_FOUND');
  });

  it('an admin may run a candidate’s session; the answers stay the candidate’s', async () => {
    const { owner, admin } = await cast();
    const s = await makeSession(ctx, owner, { question_count: 1 });
    await sessions.startSession(ctx, admin, s.id);
    const r = await feedback.submitAnswer(ctx, admin, { session_id: s.id, answer: STRONG_ANSWER });
    expect(r.feedback.user_id).toBe(owner.id);
    const ended = await sessions.endSession(ctx, admin, s.id);
    expect(ended.user_id).toBe(owner.id);
    expect(ended.status).toBe('completed');
  });
});

describe('pagination', () => {
  it('limit / offset / total on a user’s sessions, newest first, stable', async () => {
    const { actor } = await makeUser(ctx.db);
    const job = await makeJob(ctx.db, actor);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await makeSession(ctx, actor, { job_description_id: job.id, question_count: 1 })).id);
    }
    const pages = [];
    for (const offset of [0, 2, 4]) {
      const p = await sessions.listUserSessions(ctx.db, actor, actor.id, { limit: 2, offset });
      expect(p.total).toBe(5);
      expect(p.limit).toBe(2);
      expect(p.offset).toBe(offset);
      pages.push(...p.items.map((x) => x.id));
    }
    expect(pages).toEqual([...made].reverse());
    const again = await sessions.listUserSessions(ctx.db, actor, actor.id, { limit: 5, offset: 0 });
    expect(again.items.map((x) => x.id)).toEqual(pages);
    const past = await sessions.listUserSessions(ctx.db, actor, actor.id, { limit: 2, offset: 10 });
    expect(past).toMatchObject({ items: [], total: 5 });
  });

  it('admins filter every session by user and status', async () => {
    const { actor } = await makeUser(ctx.db);
    const admin = await makeAdmin(ctx.db);
    const a = await makeSession(ctx, actor, { question_count: 1 });
    const b = await makeSession(ctx, actor, { question_count: 1, start: true });
    const byStatus = await sessions.listSessions(
      ctx.db,
      admin.actor,
      listSessionsInput.parse({ user_id: actor.id, status: 'ongoing' }),
    );
    expect(byStatus.items.map((x) => x.id)).toEqual([b.id]);
    expect(byStatus.total).toBe(1);
    const both = await sessions.listSessions(
      ctx.db,
      admin.actor,
      listSessionsInput.parse({ user_id: actor.id }),
    );
    expect(both.items.map((x) => x.id)).toEqual([b.id, a.id]);
  });
});
