/** Share links over REST (issue #14): who may create, list, revoke and read them, and what a reader sees. */
import { createHash } from 'node:crypto';
import { feedback, sessions } from '@ai-interviewer/core';
import { type MadeUser, makeAdmin, makeSession, makeUser, STRONG_ANSWER } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestServer, type TestServer } from '../testing/test-server.ts';

let s: TestServer;
let anonymous: Client;
/** The request log's lines (what an operator reads). */
const logged: string[] = [];
beforeAll(async () => {
  s = await startTestServer({
    logger: { level: 'info', stream: { write: (line: string) => void logged.push(line) } },
  });
  anonymous = s.as(null);
});
afterAll(async () => {
  await s?.close();
});

interface Person extends MadeUser {
  client: Client;
}
async function candidate(): Promise<Person> {
  const made = await makeUser(s.db);
  return { ...made, client: s.as((await s.login(made.user)).token) };
}
/** A completed session of `p` with one answered question of two. */
async function completed(p: MadeUser): Promise<string> {
  const session = await makeSession(s.services, p.actor, { question_count: 2, start: true });
  await feedback.submitAnswer(s.services, p.actor, { session_id: session.id, answer: STRONG_ANSWER });
  await sessions.endSession(s.services, p.actor, session.id);
  return session.id;
}
async function share(p: Person, sessionId: string, days = 7) {
  const res = await p.client.post(`/api/sessions/${sessionId}/shares`, { expires_in_days: days });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; token: string; expires_at: string; active: boolean };
}

describe('creating a link', () => {
  it('returns an unguessable token once and stores only its hash', async () => {
    const me = await candidate();
    const link = await share(me, await completed(me), 1);
    // 256 random bits in base64url: 43 characters
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.active).toBe(true);
    const hours = (new Date(link.expires_at).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const row = await s.db
      .selectFrom('share_links')
      .selectAll()
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(link.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(link.token);
    // listed without the token
    const list = await me.client.get(`/api/sessions/${row.session_id}/shares`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(1);
    expect(list.body).not.toContain(link.token);
  });

  it('refuses an expiry that is not offered, naming the field', async () => {
    const me = await candidate();
    const res = await me.client.post(`/api/sessions/${await completed(me)}/shares`, { expires_in_days: 3 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toEqual(['expires_in_days']);
  });

  it('refuses an unfinished interview (409) and another candidate’s (404)', async () => {
    const [me, other] = [await candidate(), await candidate()];
    const ongoing = await makeSession(s.services, me.actor, { question_count: 2, start: true });
    expect((await me.client.post(`/api/sessions/${ongoing.id}/shares`, {})).statusCode).toBe(409);
    const res = await other.client.post(`/api/sessions/${await completed(me)}/shares`, {});
    expect(res.statusCode).toBe(404);
  });
});

describe('reading a shared report', () => {
  it('anonymous reads that report via the token only, with nothing about its owner', async () => {
    const me = await candidate();
    const sessionId = await completed(me);
    const link = await share(me, sessionId);
    const res = await anonymous.get(`/api/shared/${link.token}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.job_title).toBeTruthy();
    expect(report.answers).toHaveLength(1);
    expect(report.answers[0].answer).toBe(STRONG_ANSWER);
    expect(report.progress).toMatchObject({ answered: 1, planned: 2 });
    for (const secret of [me.user.id, me.user.email, me.user.username, sessionId]) {
      expect(res.body).not.toContain(secret);
    }
    // the token opens nothing else: the session itself still needs its owner
    expect((await anonymous.get(`/api/sessions/${sessionId}`)).statusCode).toBe(401);
  });

  it('the request log never holds a token: not in the REST path, the page, nor tRPC’s input', async () => {
    const me = await candidate();
    const link = await share(me, await completed(me));
    logged.length = 0;
    expect((await anonymous.get(`/api/shared/${link.token}`)).statusCode).toBe(200);
    await anonymous.get(`/shared/${link.token}`);
    const input = encodeURIComponent(JSON.stringify({ token: link.token }));
    expect((await anonymous.get(`/trpc/shares.view?input=${input}`)).statusCode).toBe(200);
    const urls = logged.map((l) => JSON.parse(l).req?.url).filter(Boolean);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/shared/…',
        '/shared/…',
        `/trpc/shares.view?input=${encodeURIComponent('{"token":"')}…%22%7D`,
      ]),
    );
    for (const line of logged) expect(line).not.toContain(link.token);
  });

  it('a token shows its own session, never another one of the same owner', async () => {
    const me = await candidate();
    const [a, b] = [await completed(me), await completed(me)];
    await s.db
      .updateTable('interview_sessions')
      .set({ job_title: 'Session A' })
      .where('id', '=', a)
      .execute();
    await s.db
      .updateTable('interview_sessions')
      .set({ job_title: 'Session B' })
      .where('id', '=', b)
      .execute();
    const [la, lb] = [await share(me, a), await share(me, b)];
    expect((await anonymous.get(`/api/shared/${la.token}`)).json().job_title).toBe('Session A');
    expect((await anonymous.get(`/api/shared/${lb.token}`)).json().job_title).toBe('Session B');
    // and the list of one session's links never shows the other's
    const listA = (await me.client.get(`/api/sessions/${a}/shares`)).json() as { id: string }[];
    expect(listA.map((l) => l.id)).toEqual([la.id]);
  });

  it('revoked, expired and unknown tokens are all 404; a malformed one is a 400 naming the field', async () => {
    const me = await candidate();
    const sessionId = await completed(me);
    const revoked = await share(me, sessionId);
    expect((await me.client.delete(`/api/shares/${revoked.id}`)).statusCode).toBe(204);
    expect((await anonymous.get(`/api/shared/${revoked.token}`)).statusCode).toBe(404);
    const listed = (await me.client.get(`/api/sessions/${sessionId}/shares`)).json() as {
      id: string;
      active: boolean;
      revoked_at: string | null;
    }[];
    expect(listed.find((l) => l.id === revoked.id)).toMatchObject({
      active: false,
      revoked_at: expect.any(String),
    });

    const expired = await share(me, sessionId);
    await s.db
      .updateTable('share_links')
      .set({ created_at: new Date(Date.now() - 3 * 86_400_000), expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', expired.id)
      .execute();
    expect((await anonymous.get(`/api/shared/${expired.token}`)).statusCode).toBe(404);

    const unknown = await anonymous.get(`/api/shared/${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    const malformed = await anonymous.get('/api/shared/not-a-token');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.issues[0].path).toEqual(['token']);
  });
});

describe('revoking', () => {
  it('by another candidate → 404 and the link still works; by an admin → 204', async () => {
    const [me, other] = [await candidate(), await candidate()];
    const link = await share(me, await completed(me));
    expect((await other.client.delete(`/api/shares/${link.id}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/shared/${link.token}`)).statusCode).toBe(200);
    const admin = s.as((await s.login((await makeAdmin(s.db)).user)).token);
    expect((await admin.delete(`/api/shares/${link.id}`)).statusCode).toBe(204);
    expect((await anonymous.get(`/api/shared/${link.token}`)).statusCode).toBe(404);
  });

  it('links die with their session', async () => {
    const me = await candidate();
    const sessionId = await completed(me);
    const link = await share(me, sessionId);
    await s.db.deleteFrom('interview_sessions').where('id', '=', sessionId).execute();
    expect((await anonymous.get(`/api/shared/${link.token}`)).statusCode).toBe(404);
  });
});
