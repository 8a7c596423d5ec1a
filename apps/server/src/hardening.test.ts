/**
 * Findings of the black-box probe of issue #12 that are about input and identity: each test
 * failed on the code before its fix.
 */
import { hashToken } from '@ai-interviewer/core';
import { type MadeUser, makeJob, makeUser } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from './plugins/auth.ts';
import { type Client, FOREIGN_ORIGIN, startTestServer, type TestServer } from './testing/test-server.ts';

let s: TestServer;
let u: MadeUser;
let client: Client;
beforeAll(async () => {
  s = await startTestServer();
  u = await makeUser(s.db);
  client = s.as((await s.login(u.user)).token);
});
afterAll(async () => {
  await s?.close();
});

const q = (input: unknown) => encodeURIComponent(JSON.stringify(input));
const issuesOf = (body: { error: { issues?: unknown; data?: { issues: unknown } } }) =>
  (body.error.issues ?? body.error.data?.issues) as { path: (string | number)[]; message: string }[];

describe('unknown query keys and non-decimal numbers → 400 naming the field (finding 9)', () => {
  it.each([
    ['/api/jobs?created_by=00000000-0000-4000-8000-000000000000', 'created_by'],
    ['/api/jobs?limit=5&foo=1', 'foo'],
    [`/api/users/${'{self}'}/sessions?status=ongoing&evil=1`, 'evil'],
  ])('GET %s', async (url, field) => {
    const res = await client.get(url.replace('{self}', u.user.id));
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res.json())).toContainEqual({ path: [field], message: 'is not a known field' });
  });

  it('tRPC input {"foo":1} on a list', async () => {
    const res = await client.get(`/trpc/jobs.list?input=${q({ foo: 1 })}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res.json())).toContainEqual({ path: ['foo'], message: 'is not a known field' });
  });

  it.each(['true', '0x10', '1e2', '%205', '5.0', '-1', '', '99999999999999999999'])(
    'limit=%s',
    async (value) => {
      const res = await client.get(`/api/jobs?limit=${value}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(issuesOf(res.json()).map((i) => i.path)).toContainEqual(['limit']);
    },
  );

  it.each([true, [5], '0x10', '1e2', 5.5])('tRPC limit %j', async (value) => {
    const res = await client.get(`/trpc/jobs.list?input=${q({ limit: value })}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(issuesOf(res.json()).map((i) => i.path)).toContainEqual(['limit']);
  });

  it('decimal digits still work, in a query string and as a JSON number', async () => {
    expect((await client.get('/api/jobs?limit=3&offset=0')).json()).toMatchObject({ limit: 3, offset: 0 });
    const viaTrpc = await client.get(`/trpc/jobs.list?input=${q({ limit: 4 })}`);
    expect(viaTrpc.json().result.data).toMatchObject({ limit: 4 });
  });
});

describe('ids in upper case name the same object (finding 10)', () => {
  it('own job, own user, over REST and tRPC', async () => {
    const job = await makeJob(s.db, u.actor, { visibility: 'private' });
    const upper = job.id.toUpperCase();
    const rest = await client.get(`/api/jobs/${upper}`);
    expect(rest.statusCode, rest.body).toBe(200);
    expect(rest.json().id).toBe(job.id);
    const trpc = await client.get(`/trpc/jobs.get?input=${q({ id: upper })}`);
    expect(trpc.statusCode, trpc.body).toBe(200);
    expect((await client.get(`/api/users/${u.user.id.toUpperCase()}`)).statusCode).toBe(200);
    // and another user's object stays hidden in any case
    const other = await makeJob(s.db, (await makeUser(s.db)).actor, { visibility: 'private' });
    expect((await client.get(`/api/jobs/${other.id.toUpperCase()}`)).statusCode).toBe(404);
  });
});

describe('the auth hook tests the path the router matched (finding 11)', () => {
  it('/%61pi/auth/me is /api/auth/me: authenticated', async () => {
    const res = await client.get('/%61pi/auth/me');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().id).toBe(u.user.id);
  });

  it('a cookie write to /%61pi/… from a foreign Origin is refused like one to /api/…', async () => {
    const { cookie } = await s.login(u.user);
    const res = await s.asCookie(cookie, FOREIGN_ORIGIN).post('/%61pi/jobs', {
      title: 'x',
      description: 'y',
      skills: 'z',
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.message).toMatch(/Origin/);
  });

  it('/%61pi/nope is a JSON 404 like /api/nope, not the SPA', async () => {
    const res = await client.get('/%61pi/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('changing your own email needs your current password (finding 7)', () => {
  it('PATCH and PUT: without it 400, with a wrong one 400, with the right one 200', async () => {
    const me = await makeUser(s.db);
    const mine = s.as((await s.login(me.user)).token);
    const email = `new${me.user.username}@example.test`;
    const without = await mine.patch(`/api/users/${me.user.id}`, { email });
    expect(without.statusCode, without.body).toBe(400);
    expect(issuesOf(without.json()).map((i) => i.path)).toEqual([['current_password']]);
    const put = await mine.put(`/api/users/${me.user.id}`, { email, username: me.user.username });
    expect(put.statusCode).toBe(400);
    const wrong = await mine.patch(`/api/users/${me.user.id}`, { email, current_password: 'not it at all' });
    expect(wrong.statusCode).toBe(400);
    expect((await mine.get('/api/auth/me')).json().email).toBe(me.user.email);
    const right = await mine.patch(`/api/users/${me.user.id}`, { email, current_password: me.password });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().email).toBe(email);
  });

  it('a PUT that keeps the email (in any case) and changes the username needs no password', async () => {
    const me = await makeUser(s.db);
    const res = await s.as((await s.login(me.user)).token).put(`/api/users/${me.user.id}`, {
      email: me.user.email.toUpperCase(),
      username: `n${me.user.username}`,
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('the cookie expiry after a sliding refresh is the capped one the database holds (finding 8)', () => {
  it('Set-Cookie says the absolute expiry when it comes before "now + TTL"', async () => {
    const { token, cookie } = await s.login(u.user);
    const absolute = new Date(Date.now() + 3_600_000);
    // a login near its idle expiry (so lucia slides it) and an hour from its absolute cap
    await s.db
      .updateTable('auth_sessions')
      .set({ expires_at: new Date(Date.now() + 60_000), absolute_expires_at: absolute })
      .where('id', '=', hashToken(token))
      .execute();
    const res = await s.asCookie(cookie).get('/api/auth/me');
    expect(res.statusCode).toBe(200);
    const set = res.cookies.find((c) => c.name === SESSION_COOKIE);
    const stored = await s.db
      .selectFrom('auth_sessions')
      .select('expires_at')
      .where('id', '=', hashToken(token))
      .executeTakeFirstOrThrow();
    expect(new Date(stored.expires_at).getTime()).toBe(absolute.getTime());
    // cookie dates have a resolution of one second
    expect(Math.abs((set?.expires?.getTime() ?? 0) - absolute.getTime())).toBeLessThan(1000);
  });
});

describe('security headers (finding 2)', () => {
  it('every page and API answer: CSP with frame-ancestors none, X-Frame-Options, nosniff, Referrer-Policy', async () => {
    for (const url of ['/', '/jobs', '/api/jobs', '/trpc/jobs.list?input=%7B%7D', '/api/docs']) {
      const res = await client.get(url);
      expect(res.headers['content-security-policy'], url).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['content-security-policy'], url).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
    }
  });

  it('answers carrying a token or private data are never stored: Cache-Control no-store', async () => {
    const login = await s
      .as(null)
      .post('/api/auth/login', { email: u.user.email, password: u.password }, { remoteAddress: '10.99.0.1' });
    expect(login.statusCode).toBe(200);
    const trpcLogin = await s
      .as(null)
      .post(
        '/trpc/auth.login',
        { email: u.user.email, password: u.password },
        { remoteAddress: '10.99.0.2' },
      );
    for (const res of [
      login,
      trpcLogin,
      await client.get('/api/auth/me'),
      await client.get('/trpc/auth.me'),
      await client.get(`/api/users/${u.user.id}`),
      await s.as(null).post('/api/auth/login', { email: u.user.email, password: 'wrong password' }),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('account enumeration: what a stranger can learn (finding 12; README "Security")', () => {
  const loginAs = (body: Record<string, unknown>) =>
    s.as(null).post('/api/auth/login', body, { remoteAddress: `10.98.${Math.floor(Math.random() * 250)}.1` });

  it('a wrong password on an active or a deactivated account reads exactly as an unknown account', async () => {
    const active = await makeUser(s.db);
    const deactivated = await makeUser(s.db, { active: false });
    const unknown = await loginAs({
      email: `ghost${active.user.username}@example.test`,
      password: 'not it at all',
    });
    expect(unknown.statusCode).toBe(401);
    for (const who of [active, deactivated]) {
      const res = await loginAs({ email: who.user.email, password: 'not it at all' });
      expect(res.statusCode).toBe(401);
      expect(res.body).toBe(unknown.body);
    }
  });

  it('only the right password of a deactivated account learns that it is deactivated (403)', async () => {
    const deactivated = await makeUser(s.db, { active: false });
    const res = await loginAs({ email: deactivated.user.email, password: deactivated.password });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/deactivated/);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('register says an email is taken (409 naming it): sign-up has to; it is throttled per address', async () => {
    const limited = await startTestServer({
      handle: s.handle,
      authRateLimit: { limit: 2, windowMs: 60_000 },
    });
    try {
      const register = (email: string) =>
        limited
          .as(null)
          .post(
            '/api/auth/register',
            { email, username: `e${Math.random().toString(36).slice(2, 10)}`, password: 'long enough pw' },
            { remoteAddress: '10.97.0.1' },
          );
      const taken = await register(u.user.email.toUpperCase());
      expect(taken.statusCode).toBe(409);
      expect(issuesOf(taken.json()).map((i) => i.path)).toEqual([['email']]);
      expect((await register(`free${u.user.username}@example.test`)).statusCode).toBe(201);
      // the third probe from one address in a minute, taken or not, is refused
      expect((await register(`x${u.user.email}`)).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
