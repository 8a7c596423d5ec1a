/**
 * Auth end to end: register, login (email or username), logout, what kills a token, how the
 * token is stored, the cookie's attributes, the Origin check on cookie writes, rate limits.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_PASSWORD, type MadeUser, makeAdmin, makeUser, unique } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  FOREIGN_ORIGIN,
  type Response,
  SAME_ORIGIN,
  startTestServer,
  type TestServer,
} from '../testing/test-server.ts';
import { SESSION_COOKIE } from './auth.ts';

let s: TestServer;
let admin: Client;
beforeAll(async () => {
  s = await startTestServer();
  admin = s.as((await s.login((await makeAdmin(s.db)).user)).token);
});
afterAll(async () => {
  await s?.close();
});

const login = (body: Record<string, unknown>, opts: { ip?: string; server?: TestServer } = {}) =>
  (opts.server ?? s).as(null).post('/api/auth/login', body, opts.ip ? { remoteAddress: opts.ip } : {});
async function tokenOf(u: MadeUser, password = u.password): Promise<string> {
  const res = await login({ email: u.user.email, password });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().token;
}
const me = (token: string) => s.as(token).get('/api/auth/me');
const alive = async (token: string) => (await me(token)).statusCode === 200;

describe('register', () => {
  it('creates a candidate (201) and never returns the password or its hash', async () => {
    const email = `New.User${unique()}@Example.test`;
    const res = await s
      .as(null)
      .post('/api/auth/register', { email, username: `new_${unique()}`, password: 'a good long password' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ email, roles: ['candidate'], active: true, id: expect.any(String) });
    expect(Object.keys(body).filter((k) => /pass|hash/i.test(k))).toEqual([]);
    expect(res.body).not.toContain('a good long password');
    expect(res.body).not.toContain('$argon2');
  });

  it('refuses the same email in another case (409) and the same username in another case (409)', async () => {
    const u = await makeUser(s.db);
    const byEmail = await s.as(null).post('/api/auth/register', {
      email: u.user.email.toUpperCase(),
      username: `other_${unique()}`,
      password: 'a good long password',
    });
    expect(byEmail.statusCode).toBe(409);
    expect(byEmail.json().error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/email/i),
    });
    const byName = await s.as(null).post('/api/auth/register', {
      email: `x${unique()}@example.test`,
      username: u.user.username.toUpperCase(),
      password: 'a good long password',
    });
    expect(byName.statusCode).toBe(409);
  });

  it('names every bad field', async () => {
    const res = await s
      .as(null)
      .post('/api/auth/register', { email: 'nope', username: 'a', password: 'short' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((i: { path: string[] }) => i.path[0]);
    expect(new Set(paths)).toEqual(new Set(['email', 'username', 'password']));
  });
});

describe('login', () => {
  it('by email (any case) and by username', async () => {
    const u = await makeUser(s.db);
    for (const body of [
      { email: u.user.email, password: DEFAULT_PASSWORD },
      { email: u.user.email.toUpperCase(), password: DEFAULT_PASSWORD },
      { username: u.user.username, password: DEFAULT_PASSWORD },
      { email: u.user.username, password: DEFAULT_PASSWORD }, // the email field takes a username too
    ]) {
      const res = await login(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(200);
      const { token, expires_at, user } = res.json();
      expect(token).toEqual(expect.any(String));
      expect(Date.parse(expires_at)).toBeGreaterThan(Date.now());
      expect(user).toMatchObject({ id: u.user.id, roles: ['candidate'] });
      expect(await alive(token)).toBe(true);
    }
  });

  it('a wrong password and an unknown account get identical 401 bodies', async () => {
    const u = await makeUser(s.db);
    const wrong = await login({ email: u.user.email, password: 'not the password' });
    const unknown = await login({ email: `ghost${unique()}@example.test`, password: 'not the password' });
    const wrongName = await login({ username: u.user.username, password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrongName.body).toBe(unknown.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('the stored session id is the SHA-256 of the token, never the token', async () => {
    const u = await makeUser(s.db);
    const token = await tokenOf(u);
    const rows = await s.db
      .selectFrom('auth_sessions')
      .select('id')
      .where('user_id', '=', u.user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
    expect(rows[0]!.id).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('sets an HttpOnly, SameSite=Lax, Path=/ cookie holding the token (not Secure by default)', async () => {
    const u = await makeUser(s.db);
    const res = await login({ email: u.user.email, password: u.password });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ value: res.json().token, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.expires?.getTime()).toBeGreaterThan(Date.now());
  });

  it('the cookie is Secure when the server is built with secureCookie', async () => {
    const secure = await startTestServer({ handle: s.handle, secureCookie: true });
    try {
      const u = await makeUser(s.db);
      const res = await login({ email: u.user.email, password: u.password }, { server: secure });
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({
        secure: true,
        httpOnly: true,
      });
      const out = await secure.asCookie(`${SESSION_COOKIE}=${res.json().token}`).post('/api/auth/logout');
      expect(out.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({ secure: true, value: '' });
    } finally {
      await secure.close();
    }
  });

  it('a deactivated account cannot log in', async () => {
    const u = await makeUser(s.db, { active: false });
    const res = await login({ email: u.user.email, password: u.password });
    expect([401, 403]).toContain(res.statusCode);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('what ends a token', () => {
  it('logout (bearer): the token dies, another login of the same user lives', async () => {
    const u = await makeUser(s.db);
    const [a, b] = [await tokenOf(u), await tokenOf(u)];
    expect((await s.as(a).post('/api/auth/logout')).statusCode).toBe(204);
    expect(await alive(a)).toBe(false);
    expect(await alive(b)).toBe(true);
    // logging out again, or anonymously, is harmless
    expect((await s.as(a).post('/api/auth/logout')).statusCode).toBe(204);
    expect((await s.as(null).post('/api/auth/logout')).statusCode).toBe(204);
  });

  it('logout (cookie): the cookie is cleared and its token dies', async () => {
    const u = await makeUser(s.db);
    const token = await tokenOf(u);
    const res = await s.asCookie(`${SESSION_COOKIE}=${token}`).post('/api/auth/logout');
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime() ?? 0).toBeLessThanOrEqual(Date.now());
    expect(await alive(token)).toBe(false);
  });

  it('changing your own password ends your other logins, keeps this one, and needs the current password', async () => {
    const u = await makeUser(s.db);
    const [a, b] = [await tokenOf(u), await tokenOf(u)];
    const url = `/api/users/${u.user.id}`;

    const noCurrent = await s.as(a).patch(url, { password: 'a brand new password' });
    expect(noCurrent.statusCode).toBe(400);
    expect(noCurrent.json().error.issues[0].path).toEqual(['current_password']);
    const wrongCurrent = await s
      .as(a)
      .patch(url, { password: 'a brand new password', current_password: 'nope nope' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(await alive(b)).toBe(true);

    const ok = await s.as(a).patch(url, { password: 'a brand new password', current_password: u.password });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await alive(a)).toBe(true);
    expect(await alive(b)).toBe(false);
    expect((await login({ email: u.user.email, password: u.password })).statusCode).toBe(401);
    expect((await login({ email: u.user.email, password: 'a brand new password' })).statusCode).toBe(200);
  });

  it('an admin resetting a password ends every login of that user', async () => {
    const u = await makeUser(s.db);
    const token = await tokenOf(u);
    expect((await admin.patch(`/api/users/${u.user.id}`, { password: 'reset by admin!' })).statusCode).toBe(
      200,
    );
    expect(await alive(token)).toBe(false);
  });

  it('deactivation by an admin ends the logins at once; reactivation lets the user log in again', async () => {
    const u = await makeUser(s.db);
    const token = await tokenOf(u);
    const off = await admin.patch(`/api/users/${u.user.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect(await alive(token)).toBe(false);
    expect((await login({ email: u.user.email, password: u.password })).statusCode).not.toBe(200);
    expect((await admin.patch(`/api/users/${u.user.id}`, { active: true })).statusCode).toBe(200);
    expect(await alive(await tokenOf(u))).toBe(true);
  });

  it('a deactivated user’s token is refused even if its session row survived', async () => {
    const u = await makeUser(s.db);
    const { token } = await s.login(u.user);
    await s.db.updateTable('users').set({ active: false }).where('id', '=', u.user.id).execute();
    expect(await alive(token)).toBe(false);
  });

  it('deleting your own account ends your logins', async () => {
    const u = await makeUser(s.db);
    const token = await tokenOf(u);
    expect((await s.as(token).delete(`/api/users/${u.user.id}`)).statusCode).toBe(204);
    expect(await alive(token)).toBe(false);
    expect((await login({ email: u.user.email, password: u.password })).statusCode).toBe(401);
  });

  it('an admin deleting a user ends that user’s logins', async () => {
    const u = await makeUser(s.db);
    const token = await tokenOf(u);
    expect((await admin.delete(`/api/users/${u.user.id}`)).statusCode).toBe(204);
    expect(await alive(token)).toBe(false);
  });

  it.each([
    ['garbage', 'Bearer not-a-token'],
    ['a well-formed unknown token', `Bearer ${'A'.repeat(43)}`],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('%s in Authorization → 401 on a private route, anonymous on a public one', async (_, header) => {
    const priv = await s.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: header },
    });
    expect(priv.statusCode).toBe(401);
    const pub = await s.app.inject({ method: 'GET', url: '/api/jobs', headers: { authorization: header } });
    expect(pub.statusCode).toBe(200);
  });
});

describe('who is here', () => {
  it('auth.viewer answers a visitor with null (200), not an error; GET /api/auth/me stays 401', async () => {
    const viewer = await s.as(null).get('/trpc/auth.viewer');
    expect(viewer.statusCode, viewer.body).toBe(200);
    expect(viewer.json()).toEqual({ result: { data: null } });
    expect((await s.as(null).get('/api/auth/me')).statusCode).toBe(401);
    expect((await s.as(null).get('/trpc/auth.me')).statusCode).toBe(401);
  });

  it('auth.viewer answers a logged-in user with the same user as auth.me', async () => {
    const u = await makeUser(s.db);
    const { cookie } = await s.login(u.user);
    const viewer = await s.asCookie(cookie, null).get('/trpc/auth.viewer');
    const me = await s.asCookie(cookie, null).get('/trpc/auth.me');
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json().result.data).toMatchObject({ id: u.user.id, email: u.user.email });
    expect(viewer.json().result.data).toEqual(me.json().result.data);
  });
});

describe('cookie-authenticated writes need our own Origin', () => {
  const job = () => ({ title: `Job ${unique()}`, description: 'A job.', skills: 'SQL' });
  let cookie: string;
  let token: string;
  beforeAll(async () => {
    ({ cookie, token } = await s.login((await makeUser(s.db)).user));
  });

  it('same Origin → allowed', async () => {
    expect((await s.asCookie(cookie, SAME_ORIGIN).post('/api/jobs', job())).statusCode).toBe(201);
  });

  it('a foreign Origin → 403 and nothing is written', async () => {
    const title = `Forged ${unique()}`;
    const res = await s.asCookie(cookie, FOREIGN_ORIGIN).post('/api/jobs', { ...job(), title });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const found = await s.db.selectFrom('job_descriptions').select('id').where('title', '=', title).execute();
    expect(found).toEqual([]);
  });

  it('no Origin (and no Referer) → 403', async () => {
    expect((await s.asCookie(cookie, null).post('/api/jobs', job())).statusCode).toBe(403);
  });

  it('no Origin but a same-origin Referer → allowed; a foreign Referer → 403', async () => {
    const ok = await s
      .asCookie(cookie, null)
      .post('/api/jobs', job(), { headers: { referer: `${SAME_ORIGIN}/jobs/new` } });
    expect(ok.statusCode).toBe(201);
    const bad = await s
      .asCookie(cookie, null)
      .post('/api/jobs', job(), { headers: { referer: `${FOREIGN_ORIGIN}/x` } });
    expect(bad.statusCode).toBe(403);
  });

  it.each(['PUT', 'PATCH', 'DELETE'] as const)('%s with a foreign Origin → 403', async (method) => {
    const created = (await s.as(token).post('/api/jobs', job())).json();
    const res = await s.asCookie(cookie, FOREIGN_ORIGIN).inject({
      method,
      url: `/api/jobs/${created.id}`,
      ...(method !== 'DELETE' && { payload: method === 'PUT' ? job() : { title: 'Forged' } }),
    });
    expect(res.statusCode).toBe(403);
    expect((await s.as(token).get(`/api/jobs/${created.id}`)).json().title).toBe(created.title);
  });

  it('logout by cookie from a foreign Origin is refused too (no forced logout)', async () => {
    const { cookie: c, token: t } = await s.login((await makeUser(s.db)).user);
    expect((await s.asCookie(c, FOREIGN_ORIGIN).post('/api/auth/logout')).statusCode).toBe(403);
    expect(await alive(t)).toBe(true);
  });

  it('tRPC mutations follow the same rule', async () => {
    const res = await s.asCookie(cookie, FOREIGN_ORIGIN).post('/trpc/jobs.create', job());
    expect(res.statusCode).toBe(403);
    const ok = await s.asCookie(cookie, SAME_ORIGIN).post('/trpc/jobs.create', job());
    expect(ok.statusCode).toBe(200);
  });

  it('reads by cookie need no Origin', async () => {
    expect((await s.asCookie(cookie, null).get('/api/auth/me')).statusCode).toBe(200);
    expect((await s.asCookie(cookie, FOREIGN_ORIGIN).get('/trpc/auth.me')).statusCode).toBe(200);
  });

  it('a bearer token needs no Origin (programs are not browsers)', async () => {
    expect((await s.as(token).post('/api/jobs', job())).statusCode).toBe(201);
    expect(
      (await s.as(token).post('/api/jobs', job(), { headers: { origin: FOREIGN_ORIGIN } })).statusCode,
    ).toBe(201);
  });

  it('a trusted origin is allowed', async () => {
    const trusting = await startTestServer({
      handle: s.handle,
      trustedOrigins: ['https://app.example.test'],
    });
    try {
      const res = await trusting.asCookie(cookie, 'https://app.example.test').post('/api/jobs', job());
      expect(res.statusCode).toBe(201);
      expect((await trusting.asCookie(cookie, FOREIGN_ORIGIN).post('/api/jobs', job())).statusCode).toBe(403);
    } finally {
      await trusting.close();
    }
  });
});

describe('rate limits on login and register (limit 3 per minute)', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ handle: s.handle, authRateLimit: { limit: 3, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await limited?.close();
  });

  const expect429 = (res: Response) => {
    expect(res.statusCode, res.body).toBe(429);
    expect(res.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.any(String) });
  };

  it('per IP: the 4th attempt from one address is refused, even with the right password', async () => {
    const ip = '10.0.0.1';
    for (let i = 0; i < 3; i++) {
      const res = await login(
        { email: `ghost${unique()}@example.test`, password: 'wrong password' },
        { ip, server: limited },
      );
      expect(res.statusCode).toBe(401);
    }
    const u = await makeUser(s.db);
    expect429(await login({ email: u.user.email, password: u.password }, { ip, server: limited }));
    // another address is not affected
    expect(
      (await login({ email: u.user.email, password: u.password }, { ip: '10.0.0.2', server: limited }))
        .statusCode,
    ).toBe(200);
  });

  it('per account: the 4th attempt on one account is refused from any address', async () => {
    const u = await makeUser(s.db);
    for (let i = 0; i < 3; i++) {
      const res = await login(
        { email: u.user.email, password: 'wrong password' },
        { ip: `10.1.0.${i + 1}`, server: limited },
      );
      expect(res.statusCode).toBe(401);
    }
    expect429(
      await login({ email: u.user.email, password: u.password }, { ip: '10.1.0.9', server: limited }),
    );
    // the same email in another case counts as the same account
    expect429(
      await login(
        { email: u.user.email.toUpperCase(), password: u.password },
        { ip: '10.1.0.10', server: limited },
      ),
    );
  });

  it('per account: email and username of one account share its limit', async () => {
    const u = await makeUser(s.db);
    for (const [i, body] of [
      { email: u.user.email },
      { username: u.user.username },
      { email: u.user.username },
    ].entries()) {
      const res = await login(
        { ...body, password: 'wrong password' },
        { ip: `10.4.0.${i + 1}`, server: limited },
      );
      expect(res.statusCode).toBe(401);
    }
    expect429(
      await login({ username: u.user.username, password: u.password }, { ip: '10.4.0.9', server: limited }),
    );
  });

  it('a NUL byte in the login is a 400 naming the field, not a database error', async () => {
    const res = await login({ email: 'a\u0000b@example.com', password: 'whatever1' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toEqual(['email']);
    expect(res.body).not.toMatch(/UTF8|0x00|encoding/);
  });

  it('register is limited per IP', async () => {
    const ip = '10.2.0.1';
    const register = () =>
      limited
        .as(null)
        .post(
          '/api/auth/register',
          { email: `rl${unique()}@example.test`, username: `rl_${unique()}`, password: 'long enough pw' },
          { remoteAddress: ip },
        );
    for (let i = 0; i < 3; i++) expect((await register()).statusCode).toBe(201);
    expect429(await register());
  });

  it('tRPC login shares the limit', async () => {
    const u = await makeUser(s.db);
    const ip = '10.3.0.1';
    const viaTrpc = () =>
      limited
        .as(null)
        .post('/trpc/auth.login', { email: u.user.email, password: 'wrong password' }, { remoteAddress: ip });
    for (let i = 0; i < 3; i++) expect((await viaTrpc()).statusCode).toBe(401);
    expect((await viaTrpc()).statusCode).toBe(429);
  });
});

describe('throttling slows a guesser without locking the owner out (issue #12)', () => {
  // 3 attempts a minute per address and per (account, address); 30 per account from everywhere
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({
      handle: s.handle,
      authRateLimit: { limit: 3, accountLimit: 30, windowMs: 60_000 },
    });
  });
  afterAll(async () => {
    await limited?.close();
  });
  const attempt = (u: MadeUser, password: string, ip: string) =>
    login({ email: u.user.email, password }, { ip, server: limited });

  it('10 wrong logins from 10 addresses: the owner still logs in from an 11th', async () => {
    const u = await makeUser(s.db);
    for (let i = 1; i <= 10; i++)
      expect((await attempt(u, 'wrong password', `10.5.0.${i}`)).statusCode).toBe(401);
    expect((await attempt(u, u.password, '10.5.1.1')).statusCode).toBe(200);
  });

  it('from one address: the 4th attempt on an account is refused, with when to retry', async () => {
    const u = await makeUser(s.db);
    for (let i = 0; i < 3; i++) expect((await attempt(u, 'wrong password', '10.6.0.1')).statusCode).toBe(401);
    const refused = await attempt(u, u.password, '10.6.0.1');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.json().error.message).toMatch(/try again in \d+ s/);
    expect(refused.json().error.details).toEqual({ retry_after: Number(refused.headers['retry-after']) });
  });

  it('from many addresses: past the account ceiling (30) every address is refused', async () => {
    const u = await makeUser(s.db);
    for (let i = 1; i <= 30; i++) await attempt(u, 'wrong password', `10.7.${i}.1`);
    expect((await attempt(u, u.password, '10.7.99.1')).statusCode).toBe(429);
  });

  it('current_password guesses through PATCH /users/{self} are limited like logins, and share the account’s counters', async () => {
    const u = await makeUser(s.db);
    const { token } = await limited.login(u.user);
    const patch = (current_password: string) =>
      limited
        .as(token)
        .patch(
          `/api/users/${u.user.id}`,
          { password: 'a brand new password', current_password },
          { remoteAddress: '10.8.0.1' },
        );
    for (let i = 0; i < 2; i++) expect((await patch('wrong guess')).statusCode).toBe(400);
    // a failed login from the same address is the third guess at this password
    expect((await attempt(u, 'wrong password', '10.8.0.1')).statusCode).toBe(401);
    const refused = await patch(u.password);
    expect(refused.statusCode, refused.body).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    // the password is unchanged
    expect((await attempt(u, u.password, '10.8.0.2')).statusCode).toBe(200);
  });

  it('tRPC reports when to retry too', async () => {
    const u = await makeUser(s.db);
    const viaTrpc = () =>
      limited
        .as(null)
        .post(
          '/trpc/auth.login',
          { email: u.user.email, password: 'wrong password' },
          { remoteAddress: '10.9.0.1' },
        );
    for (let i = 0; i < 3; i++) await viaTrpc();
    const refused = await viaTrpc();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.data.details.retry_after).toBeGreaterThan(0);
  });
});
