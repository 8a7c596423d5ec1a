/**
 * "Newest first" follows creation even when created_at ties: inside one transaction now() does
 * not move, so every row below shares one timestamp and only the creation sequence orders them.
 * Runs on the test engine (embedded PostgreSQL) and, in CI's second stage, on PostgreSQL 15.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase, makeUser, unique } from '../testing/index.ts';
import * as fq from './feedback.ts';
import * as jq from './jobs.ts';
import * as sq from './sessions.ts';
import * as uq from './users.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

const N = 12;
const page = { limit: 100, offset: 0 };

describe('lists follow creation when timestamps tie', () => {
  it('jobs, users, sessions and answers made in one transaction list in creation order', async () => {
    const { user } = await makeUser(handle.db);
    const tag = unique();
    const made = await handle.db.transaction().execute(async (trx) => {
      const jobs: string[] = [];
      const users: string[] = [];
      const sessions: string[] = [];
      const answers: string[] = [];
      for (let i = 0; i < N; i++) {
        const job = await jq.insertJob(trx, {
          title: `Tie ${tag} ${i}`,
          description: 'A job made in the same transaction as its neighbours.',
          skills: 'ordering',
          experience: '',
          visibility: 'public',
          created_by: null,
        });
        jobs.push(job.id);
        users.push(
          (
            await uq.insertUser(trx, {
              email: `tie${tag}-${i}@example.test`,
              username: `tie_${tag}_${i}`,
              password_hash: '$argon2id$not-a-real-hash',
            })
          ).id,
        );
      }
      const session = await sq.insertSession(trx, {
        user_id: user.id,
        job_description_id: jobs[0] ?? null,
        job_title: 'Tie',
        job_description: 'Tie',
        job_skills: 'ordering',
        job_experience: '',
        question_count: N,
        focus: 'mixed',
      });
      sessions.push(session.id);
      for (let i = 1; i < N; i++) {
        sessions.push(
          (
            await sq.insertSession(trx, {
              user_id: user.id,
              job_description_id: null,
              job_title: `Tie ${i}`,
              job_description: 'Tie',
              job_skills: 'ordering',
              job_experience: '',
              question_count: 1,
              focus: 'mixed',
            })
          ).id,
        );
      }
      // answers without questions (question_id is nullable), so only the order of insertion differs
      for (let i = 0; i < N; i++) {
        const answer = await fq.insertAnswer(trx, {
          session_id: session.id,
          user_id: user.id,
          question_id: null,
          question: `Question ${i}?`,
          answer: `Answer ${i}.`,
          category: 'technical',
          delivery: null,
          transcript_id: null,
        });
        answers.push(answer.id);
      }
      const stamps = await sql<{ n: number }>`
        SELECT count(DISTINCT created_at)::int AS n FROM feedback WHERE session_id = ${session.id}`.execute(
        trx,
      );
      return { jobs, users, sessions, answers, sessionId: session.id, distinct: stamps.rows[0]?.n };
    });
    // the premise: one transaction, one timestamp
    expect(made.distinct).toBe(1);

    const newestFirst = (ids: string[]) => [...ids].reverse();
    const jobs = await jq.listJobs(handle.db, { ...page, q: `Tie ${tag}`, viewer: null });
    expect(jobs.items.map((j) => j.id)).toEqual(newestFirst(made.jobs));

    const users = await uq.listUsers(handle.db, { ...page, q: `tie_${tag}_` });
    expect(users.items.map((u) => u.id)).toEqual(newestFirst(made.users));

    const sessions = await sq.listSessions(handle.db, { ...page, userId: user.id });
    expect(sessions.items.map((s) => s.id)).toEqual(newestFirst(made.sessions));

    // a session's answers read in answer order; the admin's list and a user's newest first
    const ofSession = await fq.listFeedback(handle.db, { ...page, sessionId: made.sessionId });
    expect(ofSession.items.map((f) => f.id)).toEqual(made.answers);
    expect((await fq.allFeedbackOfSession(handle.db, made.sessionId)).map((f) => f.id)).toEqual(made.answers);
    const ofUser = await fq.listFeedback(handle.db, { ...page, userId: user.id });
    expect(ofUser.items.map((f) => f.id)).toEqual(newestFirst(made.answers));
    const all = await fq.listFeedback(handle.db, { limit: N, offset: 0 });
    expect(all.items.map((f) => f.id)).toEqual(newestFirst(made.answers));
  });

  it('rows created outside a transaction within the same millisecond keep their order too', async () => {
    const tag = unique();
    const ids: string[] = [];
    // pinned created_at: the same instant for all, as a fast machine or a coarse clock gives
    const at = new Date();
    for (let i = 0; i < N; i++) {
      const job = await handle.db
        .insertInto('job_descriptions')
        .values({
          title: `Same ms ${tag} ${i}`,
          description: 'Same millisecond.',
          skills: 'ordering',
          experience: '',
          visibility: 'public',
          created_by: null,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(job.id);
    }
    const jobs = await jq.listJobs(handle.db, { ...page, q: `Same ms ${tag}`, viewer: null });
    expect(jobs.items.map((j) => j.id)).toEqual([...ids].reverse());
    // pages cut the same order: no row twice, none missing
    const paged: string[] = [];
    for (let offset = 0; offset < N; offset += 5) {
      const p = await jq.listJobs(handle.db, { limit: 5, offset, q: `Same ms ${tag}`, viewer: null });
      paged.push(...p.items.map((j) => j.id));
    }
    expect(paged).toEqual([...ids].reverse());
  });

  it('a session’s questions are ordered by their plan, a key the database keeps unique', async () => {
    const { user } = await makeUser(handle.db);
    const session = await sq.insertSession(handle.db, {
      user_id: user.id,
      job_description_id: null,
      job_title: 'Plan',
      job_description: 'Plan',
      job_skills: 'ordering',
      job_experience: '',
      question_count: 3,
      focus: 'mixed',
      // ongoing: only then is a follow-up added
      status: 'ongoing',
      started_at: new Date(),
    });
    // inserted out of plan order, in one statement (one timestamp)
    await sq.insertQuestions(
      handle.db,
      [3, 1, 2].map((plan_index) => ({
        session_id: session.id,
        plan_index,
        is_follow_up: false,
        category: 'technical' as const,
        skill: 'ordering',
        text: `Question ${plan_index}?`,
      })),
    );
    await sq.insertFollowUp(handle.db, {
      session_id: session.id,
      plan_index: 1,
      category: 'technical',
      skill: 'ordering',
      text: 'Follow-up to 1?',
    });
    const questions = await sq.listQuestions(handle.db, session.id);
    expect(questions.map((q) => [q.plan_index, q.is_follow_up])).toEqual([
      [1, false],
      [1, true],
      [2, false],
      [3, false],
    ]);
  });
});
