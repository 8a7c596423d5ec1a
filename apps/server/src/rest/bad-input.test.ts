/**
 * Bad input of every kind gets a JSON 4xx that names the problem: never a 500, never a stack trace.
 */

import { type AddressInfo, connect } from 'node:net';
import { restRoutes } from '@ai-interviewer/api';
import { MAX_ERROR_ISSUES } from '@ai-interviewer/core';
import { makeAdmin, makeJob, makeSession, makeUser } from '@ai-interviewer/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  hasStackTrace,
  type Response,
  startTestServer,
  type TestServer,
} from '../testing/test-server.ts';

let s: TestServer;
let candidate: Client;
let admin: Client;
let ongoingId: string;
let adminId: string;
beforeAll(async () => {
  s = await startTestServer();
  const u = await makeUser(s.db);
  candidate = s.as((await s.login(u.user)).token);
  const a = await makeAdmin(s.db);
  adminId = a.user.id;
  admin = s.as((await s.login(a.user)).token);
  ongoingId = (await makeSession(s.services, u.actor, { start: true })).id;
});
afterAll(async () => {
  await s?.close();
});

/** Every response in this file, checked once more at the end. */
const seen: { label: string; res: Response }[] = [];
const track = (label: string, res: Response) => {
  seen.push({ label, res });
  return res;
};
afterEach(() => {
  for (const { label, res } of seen.splice(0)) {
    expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    expect(hasStackTrace(res.body), label).toBe(false);
  }
});

/** The documented error body `{"error": {code, message, issues}}` with the status; returns the error. */
function jsonError(res: Response, status: number | number[]) {
  expect([status].flat(), res.body.slice(0, 300)).toContain(res.statusCode);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body), res.body.slice(0, 300)).toEqual(['error']);
  expect(body.error).toMatchObject({
    code: expect.stringMatching(/^[A-Z_]+$/),
    message: expect.stringMatching(/\S/),
    issues: expect.any(Array),
  });
  // a 400 is the client's mistake: VALIDATION (a refused state is a 409, not a 400)
  if (res.statusCode === 400) expect(body.error.code).toBe('VALIDATION');
  return body.error as {
    code: string;
    message: string;
    issues: { path: (string | number)[]; message: string }[];
  };
}
/** The error names the field as an issue's path (where a client reads it), not only in prose. */
const named = (error: ReturnType<typeof jsonError>, field: string) =>
  error.issues.some((i) => i.path.includes(field));

const json = { 'content-type': 'application/json' };
const job = { title: 'A job', description: 'A description', skills: 'SQL' };

describe('bodies', () => {
  it('malformed JSON → 400 JSON error (REST and tRPC)', async () => {
    for (const payload of ['{bad', '{"title": "x",}', '[1, 2', 'undefined', '{"a":1}{"b":2}']) {
      const rest = track('rest', await candidate.post('/api/jobs', payload, { headers: json }));
      expect(jsonError(rest, 400).code).toBe('VALIDATION');
      const trpc = track('trpc', await candidate.post('/trpc/jobs.create', payload, { headers: json }));
      expect(trpc.statusCode).toBe(400);
      expect(trpc.json().error.data.httpStatus).toBe(400);
    }
  });

  it('a body over 1 MiB → 413 (REST and tRPC), just under is read', async () => {
    const big = JSON.stringify({ ...job, description: 'x'.repeat(1024 * 1024) });
    const rest = track('rest', await candidate.post('/api/jobs', big, { headers: json }));
    expect(jsonError(rest, 413).code).toBe('PAYLOAD_TOO_LARGE');
    const trpc = track('trpc', await candidate.post('/trpc/jobs.create', big, { headers: json }));
    expect(trpc.statusCode).toBe(413);
    // under the limit: read, then refused by the schema (description is at most 20 000 characters)
    const under = JSON.stringify({ ...job, description: 'x'.repeat(1000 * 1000) });
    const ok = track('under', await candidate.post('/api/jobs', under, { headers: json }));
    expect(named(jsonError(ok, 400), 'description')).toBe(true);
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'title=x&description=y'],
    [
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--x--',
    ],
    ['application/xml', '<job/>'],
  ])('Content-Type %s → 400/415 JSON', async (type, payload) => {
    const rest = track(
      type,
      await candidate.post('/api/jobs', payload, { headers: { 'content-type': type } }),
    );
    jsonError(rest, [400, 415]);
    const trpc = track(
      `trpc ${type}`,
      await candidate.post('/trpc/jobs.create', payload, { headers: { 'content-type': type } }),
    );
    expect([400, 415]).toContain(trpc.statusCode);
  });

  it('a body without a Content-Type → 400/415 JSON', async () => {
    const res = track(
      'no type',
      await candidate.inject({ method: 'POST', url: '/api/jobs', payload: Buffer.from(JSON.stringify(job)) }),
    );
    jsonError(res, [400, 415]);
  });

  it('JSON with a charset parameter is JSON', async () => {
    const res = track(
      'charset',
      await candidate.post('/api/jobs', JSON.stringify(job), {
        headers: { 'content-type': 'application/json; charset=utf-8' },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
  });

  it('a bodiless POST with Content-Type: application/json is "no input" (start, end, logout)', async () => {
    const u = await makeUser(s.db);
    const { token } = await s.login(u.user);
    const pending = await makeSession(s.services, u.actor);
    const start = track(
      'start',
      await s.as(token).post(`/api/sessions/${pending.id}/start`, '', { headers: json }),
    );
    expect(start.statusCode, start.body).toBe(200);
    const logout = track('logout', await s.as(token).post('/api/auth/logout', '', { headers: json }));
    expect(logout.statusCode).toBe(204);
  });

  it.each([
    ['an array', []],
    ['a string', '"hello"'],
    ['a number', '42'],
    ['null', 'null'],
    ['true', 'true'],
  ])('%s where an object is expected → 400', async (_, payload) => {
    const res = track(
      'shape',
      await candidate.post('/api/jobs', typeof payload === 'string' ? payload : JSON.stringify(payload), {
        headers: json,
      }),
    );
    expect(jsonError(res, 400).code).toBe('VALIDATION');
  });

  it.each([
    ['POST /api/auth/register', 'anon', ['email', 'username', 'password']],
    ['POST /api/auth/login', 'anon', ['password']],
    ['POST /api/jobs', 'candidate', ['title', 'description', 'skills']],
    ['POST /api/sessions', 'candidate', ['job_description_id']],
    ['POST /api/feedbacks', 'candidate', ['session_id', 'answer']],
    ['POST /api/users', 'admin', ['email', 'username', 'password']],
    ['POST /api/jobs/extract-skills', 'candidate', ['description']],
  ])('%s with {}, null or no body → 400 naming each missing field', async (route, who, fields) => {
    const [method, url] = route.split(' ') as ['POST', string];
    const client = who === 'anon' ? s.as(null) : who === 'admin' ? admin : candidate;
    for (const payload of ['{}', 'null', '']) {
      const res = track(`${route} ${payload}`, await client.inject({ method, url, payload, headers: json }));
      const error = jsonError(res, 400);
      for (const f of fields) {
        expect(named(error, f), `${payload}: ${JSON.stringify(error)}`).toBe(true);
        // in plain words, not zod's "Invalid input: expected string, received undefined"
        expect(error.issues.find((i) => i.path.includes(f))?.message, f).toBe('is required');
      }
    }
  });

  it('PUT /api/voice/preferences with {} → 400 naming the preferences it takes', async () => {
    const error = jsonError(track('prefs', await candidate.put('/api/voice/preferences', {})), 400);
    expect(error.message).toMatch(/keep_recordings, answer_mode, read_aloud/);
  });

  it.each(['application/octet-stream', 'audio/webm'])(
    'a %s body on a JSON route → 400 "send JSON", not one issue per byte',
    async (type) => {
      const bytes = Buffer.alloc(100_000, 65);
      for (const url of ['/api/auth/register', '/api/jobs']) {
        const res = track(url, await candidate.post(url, bytes, { headers: { 'content-type': type } }));
        const error = jsonError(res, [400, 415]);
        expect(error.message).toMatch(/JSON/);
        expect(res.body.length).toBeLessThan(1000);
      }
    },
  );

  it('a body of 50,000 unknown keys → 400 listing the missing fields first and at most MAX_ERROR_ISSUES', async () => {
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 0])));
    const res = track('keys', await s.as(null).post('/api/auth/register', body, { headers: json }));
    const error = jsonError(res, 400);
    for (const f of ['email', 'username', 'password']) expect(named(error, f), f).toBe(true);
    expect(error.issues).toHaveLength(MAX_ERROR_ISSUES);
    expect(error.issues.at(-1)).toEqual({
      path: [`k${MAX_ERROR_ISSUES - 4}`],
      message: 'is not a known field',
    });
  });

  it('__proto__ / constructor.prototype in a body → 400, nothing polluted', async () => {
    for (const payload of [
      '{"__proto__": {"roles": ["admin"]}, "title": "x", "description": "y", "skills": "z"}',
      '{"constructor": {"prototype": {"roles": ["admin"]}}, "title": "x", "description": "y", "skills": "z"}',
    ]) {
      const res = track('proto', await candidate.post('/api/jobs', payload, { headers: json }));
      jsonError(res, 400);
    }
    expect(({} as Record<string, unknown>).roles).toBeUndefined();
  });

  it.each([
    ['{}', '{}'],
    ['no body', undefined],
  ])('POST /api/sessions with %s → 400 naming the required field', async (_label, payload) => {
    const res = track(
      `empty ${_label}`,
      await candidate.inject({
        method: 'POST',
        url: '/api/sessions',
        headers: json,
        ...(payload && { payload }),
      }),
    );
    expect(named(jsonError(res, 400), 'job_description_id'), res.body).toBe(true);
  });

  it('wrong types in fields are named', async () => {
    const res = track(
      'types',
      await candidate.post('/api/jobs', { title: 42, description: ['x'], skills: null }),
    );
    const error = jsonError(res, 400);
    for (const f of ['title', 'description', 'skills']) expect(named(error, f), f).toBe(true);
  });

  it('a deeply nested body → 400, not a crash', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const res = track('deep', await candidate.post('/api/jobs', deep, { headers: json }));
    jsonError(res, 400);
  });
});

describe('NUL bytes', () => {
  it.each([
    ['job title', '/api/jobs', () => ({ ...job, title: 'Back\u0000end' }), 'title'],
    ['job skills', '/api/jobs', () => ({ ...job, skills: 'SQL\u0000' }), 'skills'],
    ['answer', '/api/feedbacks', () => ({ session_id: ongoingId, answer: 'My answer\u0000 here' }), 'answer'],
    [
      'register username',
      '/api/auth/register',
      () => ({ email: 'nul@example.test', username: 'nul\u0000user', password: 'long enough pw' }),
      'username',
    ],
    [
      'register email',
      '/api/auth/register',
      () => ({ email: 'nul\u0000@example.test', username: 'nuluser', password: 'long enough pw' }),
      'email',
    ],
  ])('in %s → 400 naming the field', async (_, url, body, field) => {
    const res = track(url, await candidate.post(url, body()));
    const error = jsonError(res, 400);
    expect(named(error, field), JSON.stringify(error)).toBe(true);
  });

  it('in a login email, a search query or a password → 400/401, never a 500', async () => {
    const login = track(
      'login',
      await s.as(null).post('/api/auth/login', { email: 'x\u0000@example.test', password: 'whatever!' }),
    );
    jsonError(login, [400, 401]);
    const pw = track(
      'pw',
      await s.as(null).post('/api/auth/login', { email: 'x@example.test', password: 'what\u0000ever' }),
    );
    jsonError(pw, [400, 401]);
    const search = track('search', await candidate.get('/api/jobs?q=%00'));
    expect([200, 400]).toContain(search.statusCode);
    const users = track('users', await admin.get('/api/users?q=a%00b'));
    expect([200, 400]).toContain(users.statusCode);
  });
});

describe('path and query parameters', () => {
  const withParams = restRoutes.filter((r) => r.path.includes(':'));
  it.each(
    withParams.flatMap((r) =>
      ['not-a-uuid', '123', "1'%20OR%20'1'='1", '%00', 'ffffffff-ffff-ffff-ffff-fffffffffffff'].map(
        (bad) => ({
          route: r,
          bad,
          name: `${r.method} ${r.path} with ${bad}`,
        }),
      ),
    ),
  )('$name → 400 naming the parameter', async ({ route, bad }) => {
    const param = /:([a-z_]+)/.exec(route.path)![1]!;
    const url = `/api${route.path.replace(`:${param}`, bad)}`;
    const res = track(
      url,
      await admin.inject({
        method: route.method,
        url,
        ...(route.method !== 'GET' && route.method !== 'DELETE' && { payload: {} }),
      }),
    );
    const error = jsonError(res, 400);
    expect(error.issues.map((i) => i.path.join('.'))).toContain(param);
  });

  it.each([
    '11111111-1111-1111-1111-111111111111',
    '00000000-0000-0000-0000-000000000001',
    'AAAAAAAA-AAAA-AAAA-AAAA-AAAAAAAAAAAA',
  ])('%s (well-formed, any version) is an id: unknown → 404, not 400', async (id) => {
    for (const url of [
      `/api/jobs/${id}`,
      `/api/sessions/${id}`,
      `/api/feedbacks/${id}`,
      `/api/users/${id}`,
    ]) {
      expect(jsonError(track(url, await admin.get(url)), 404).code).toBe('NOT_FOUND');
    }
    const res = track('body', await candidate.post('/api/sessions', { job_description_id: id }));
    expect(jsonError(res, 404).code).toBe('NOT_FOUND');
  });

  // the paginated lists: their procedure's input has a `limit`
  const lists = restRoutes.filter(
    (r) => r.method === 'GET' && 'limit' in ((r.meta.input as { shape?: object }).shape ?? {}),
  );
  it('list routes exist to test', () => expect(lists.length).toBeGreaterThanOrEqual(6));

  it.each(
    lists.flatMap((r) =>
      [
        ['limit', 'abc'],
        ['limit', '1000'],
        ['limit', '0'],
        ['limit', '-1'],
        ['limit', '1.5'],
        ['limit', '99999999999999999999999999'],
        ['limit', '1e400'],
        ['offset', '-5'],
        ['offset', 'abc'],
        ['offset', '99999999999999999999999999'],
        ['offset', 'Infinity'],
      ].map(([param, value]) => ({
        route: r,
        param: param!,
        value: value!,
        name: `${r.path}?${param}=${value}`,
      })),
    ),
  )('GET $name → 400 naming it', async ({ route, param, value }) => {
    const path = route.path.replace(/:([a-z_]+)/, (_, n: string) => (n === 'user_id' ? adminId : ongoingId));
    const url = `/api${path}?${param}=${value}`;
    const res = track(url, await admin.get(url));
    const error = jsonError(res, 400);
    expect(named(error, param), JSON.stringify(error)).toBe(true);
  });

  it('limit and offset at their bounds are fine, and the default and maximum are applied', async () => {
    expect(track('max', await admin.get('/api/users?limit=100&offset=0')).statusCode).toBe(200);
    const page = track('default', await admin.get('/api/users')).json();
    expect(page).toMatchObject({ limit: 20, offset: 0 });
  });

  it('repeated query parameters → 400, not a 500', async () => {
    const res = track('repeat', await admin.get('/api/users?limit=1&limit=2'));
    jsonError(res, 400);
  });

  it('an unknown query parameter on a strict input → 400 naming it; on a list it is ignored or refused', async () => {
    const strict = track('strict', await candidate.get(`/api/sessions/${ongoingId}?evil=1`));
    expect(named(jsonError(strict, 400), 'evil')).toBe(true);
    expect([200, 400]).toContain(track('list', await candidate.get('/api/jobs?evil=1')).statusCode);
  });
});

describe('numbers in bodies', () => {
  it.each([1e300, 2 ** 53, -1, 0, 21, 1.5, '5', null])('question_count %j → 400 naming it', async (value) => {
    const jobId = (await makeJob(s.db, null)).id;
    const res = track(
      'qc',
      await candidate.post('/api/sessions', { job_description_id: jobId, question_count: value }),
    );
    expect(named(jsonError(res, 400), 'question_count')).toBe(true);
  });

  it('a huge score from an admin → 400 naming score', async () => {
    const res = track('score', await admin.patch(`/api/feedbacks/${crypto.randomUUID()}`, { score: 1e20 }));
    expect(named(jsonError(res, 400), 'score')).toBe(true);
  });

  it('strings longer than allowed are named', async () => {
    const res = track('long', await candidate.post('/api/jobs', { ...job, title: 't'.repeat(201) }));
    expect(named(jsonError(res, 400), 'title')).toBe(true);
  });
});

describe('unknown routes and methods', () => {
  it.each([
    ['GET', '/api/nope'],
    ['POST', '/api/nope'],
    ['GET', '/api/users/00000000-0000-4000-8000-000000000000/nope'],
    ['PUT', '/api/sessions/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/jobs/00000000-0000-4000-8000-000000000000'],
    ['DELETE', '/api/auth/me'],
    ['GET', '/api'],
  ])('%s %s → 404 JSON', async (method, url) => {
    const res = track(url, await candidate.inject({ method: method as 'GET', url }));
    expect(jsonError(res, 404).code).toBe('NOT_FOUND');
  });

  it.each([
    ['a malformed percent-encoding', '/api/jobs/%zz'],
    ["a path parameter over the router's length", `/api/jobs/${'a'.repeat(6000)}`],
  ])('%s → 400 in the documented shape, short, not stored, not sniffed', async (_, url) => {
    const res = track(url, await candidate.get(url));
    expect(jsonError(res, 400).message).toMatch(/not a valid URL/);
    expect(res.body.length).toBeLessThan(1000);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each(['/api/jobs/%ZZ', '/api/sessions/%E0%A4%A/start', '/%E0%A4%A'])(
    'GET %s (a malformed percent-encoding) → the documented 400 JSON error',
    async (url) => {
      const error = jsonError(track(url, await candidate.get(url)), 400);
      expect(error.message).toMatch(/not a valid URL/i);
    },
  );

  it('a malformed percent-encoding under /trpc → tRPC’s error shape, 400', async () => {
    const res = track('trpc bad url', await candidate.get('/trpc/jobs.get%E0?input=%7B%7D'));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.data).toMatchObject({ httpStatus: 400, domainCode: 'VALIDATION' });
  });

  it.each([
    [
      'headers over the HTTP parser’s limit (a 20 KB URL)',
      `GET /api/jobs?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ],
    ['a request that is not HTTP', 'GET /api/jobs HTTP/1.1\r\nHost: x\r\nNot a header\r\n\r\n'],
  ])('%s → 400 in the documented shape, over a real socket', async (_, raw) => {
    // Node's HTTP parser refuses these before Fastify routes anything: app.inject cannot send them
    if (!s.app.server.listening) await s.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = s.app.server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(raw));
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk;
      });
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(body)).toMatchObject({
      error: { code: 'VALIDATION', message: expect.stringMatching(/\S/), issues: [] },
    });
  });

  it('an unknown tRPC procedure → 404', async () => {
    const res = track('trpc', await candidate.get('/trpc/nope.nothing'));
    expect(res.statusCode).toBe(404);
  });

  it('tRPC with the wrong method, or a bodiless POST without a content type → 4xx, not 500', async () => {
    track('get mutation', await candidate.get('/trpc/jobs.create'));
    track('post query', await candidate.post('/trpc/auth.me', {}));
    track('no type', await candidate.inject({ method: 'POST', url: '/trpc/auth.logout' }));
    track('put', await candidate.put('/trpc/jobs.create', job));
    track('bad batch', await candidate.get('/trpc/auth.me,jobs.list?batch=1&input=%7Bbad'));
    track('bad input', await candidate.get('/trpc/jobs.list?input=%7Bbad'));
    for (const { res } of seen) expect(res.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('a GET outside the API is the SPA (or its placeholder), not a JSON 404', async () => {
    const res = await s.as(null).get('/sessions/123');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
