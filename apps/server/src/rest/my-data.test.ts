/** "All my data" and the history figures over REST (issue #14). */
import { DEFAULT_VOICE_PREFERENCES, feedback, sessions, shares, voice } from '@ai-interviewer/core';
import { makeSession, makeUser, STRONG_ANSWER, thinAnswer } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('GET /api/users/me/export', () => {
  it('is one JSON attachment holding every row about me, and no hash', async () => {
    const me = await makeUser(s.db);
    const other = await makeUser(s.db);
    const done = await makeSession(s.services, me.actor, { question_count: 2, start: true });
    await feedback.submitAnswer(s.services, me.actor, { session_id: done.id, answer: STRONG_ANSWER });
    await sessions.endSession(s.services, me.actor, done.id);
    await makeSession(s.services, me.actor, { question_count: 1 });
    await shares.createShareLink(s.db, me.actor, { session_id: done.id, expires_in_days: 30 });
    await voice.setPreferences(s.db, me.actor, { keep_recordings: true });
    await makeSession(s.services, other.actor, { question_count: 1, start: true });
    const { token } = await s.login(me.user);

    const res = await s.as(token).get('/api/users/me/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.json"$/);
    const data = res.json();

    // against the database, table by table
    const sessionIds = (
      await s.db.selectFrom('interview_sessions').select('id').where('user_id', '=', me.user.id).execute()
    ).map((r) => r.id);
    expect(data.sessions.map((x: { id: string }) => x.id).sort()).toEqual(sessionIds.sort());
    const questionCount = await s.db
      .selectFrom('session_questions')
      .where('session_id', 'in', sessionIds)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(data.sessions.flatMap((x: { questions: unknown[] }) => x.questions)).toHaveLength(
      Number(questionCount.n),
    );
    const fbRows = await s.db.selectFrom('feedback').selectAll().where('user_id', '=', me.user.id).execute();
    const exported = data.sessions.flatMap((x: { feedback: { id: string }[] }) => x.feedback);
    expect(exported.map((f: { id: string }) => f.id)).toEqual(fbRows.map((f) => f.id));
    expect(exported[0]).toMatchObject({ answer: STRONG_ANSWER, score: fbRows[0]!.score });
    expect(exported[0].rubric).toEqual(fbRows[0]!.rubric);
    expect(exported[0].delivery).toEqual(fbRows[0]!.delivery);
    const jobs = await s.db
      .selectFrom('job_descriptions')
      .select('id')
      .where('created_by', '=', me.user.id)
      .execute();
    expect(data.jobs.map((j: { id: string }) => j.id).sort()).toEqual(jobs.map((j) => j.id).sort());
    expect(data.share_links).toHaveLength(1);
    expect(data.voice_preferences).toEqual({ ...DEFAULT_VOICE_PREFERENCES, keep_recordings: true });
    expect(data.user).toMatchObject({ id: me.user.id, email: me.user.email, username: me.user.username });
    expect(data.logins.length).toBeGreaterThan(0);
    const calls = await s.db
      .selectFrom('ai_usage')
      .select('kind')
      .where('user_id', '=', me.user.id)
      .execute();
    expect(data.model_calls).toHaveLength(calls.length);

    // nothing secret, nothing of anyone else
    const user = await s.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', me.user.id)
      .executeTakeFirstOrThrow();
    const authIds = await s.db
      .selectFrom('auth_sessions')
      .select('id')
      .where('user_id', '=', me.user.id)
      .execute();
    const linkHash = await s.db.selectFrom('share_links').select('token_hash').executeTakeFirstOrThrow();
    for (const secret of [user.password_hash, token, linkHash.token_hash, ...authIds.map((a) => a.id)]) {
      expect(res.body).not.toContain(secret);
    }
    expect(res.body).not.toContain(other.user.id);
    expect(res.body).not.toMatch(/password|token_hash/);
  });

  it('needs a login (401)', async () => {
    expect((await s.as(null).get('/api/users/me/export')).statusCode).toBe(401);
  });
});

describe('GET /api/users/:user_id/stats', () => {
  it('gives per-session skill sums, answered counts and deliveries in one answer, newest first', async () => {
    const me = await makeUser(s.db);
    const ids: string[] = [];
    for (const answer of [STRONG_ANSWER, thinAnswer('SQL')]) {
      const session = await makeSession(s.services, me.actor, { question_count: 3, start: true });
      await feedback.submitAnswer(s.services, me.actor, { session_id: session.id, answer });
      await sessions.endSession(s.services, me.actor, session.id);
      ids.push(session.id);
    }
    await makeSession(s.services, me.actor, { question_count: 1, start: true }); // ongoing: not counted
    const { token } = await s.login(me.user);
    const res = await s.as(token).get(`/api/users/${me.user.id}/stats?sessions=5`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json() as {
      sessions: {
        id: string;
        answered: number;
        planned: number;
        skills: { skill: string; answers: number; total: number }[];
        deliveries: unknown[];
      }[];
    };
    expect(stats.sessions.map((x) => x.id)).toEqual([...ids].reverse());
    for (const x of stats.sessions) {
      expect(x).toMatchObject({ answered: 1, planned: 3 });
      const fb = await s.db
        .selectFrom('feedback')
        .innerJoin('session_questions as q', 'q.id', 'feedback.question_id')
        .select(['q.skill', 'feedback.score'])
        .where('feedback.session_id', '=', x.id)
        .executeTakeFirstOrThrow();
      expect(x.skills).toEqual([{ skill: fb.skill, answers: 1, total: fb.score }]);
      expect(x.deliveries).toHaveLength(1);
    }
    const bad = await s.as(token).get(`/api/users/${me.user.id}/stats?sessions=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toEqual(['sessions']);
  });
});

describe('OpenAPI', () => {
  it('documents the export as an attachment, and the share routes', async () => {
    const doc = (await s.as(null).get('/api/openapi.json')).json();
    const ok = doc.paths['/users/me/export'].get.responses['200'];
    expect(ok.headers['Content-Disposition']).toBeDefined();
    expect(ok.content['application/json'].schema.properties.sessions).toBeDefined();
    expect(doc.paths['/shared/{token}'].get.security).toBeUndefined();
    expect(Object.keys(doc.paths['/sessions/{session_id}/shares']).sort()).toEqual(['get', 'post']);
  });
});
