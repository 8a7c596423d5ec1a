/**
 * Object-level access on nested paths, mass assignment on every write, and "the URL says which
 * object": a body or query `id` never overrides the path.
 */

import { type RestRoute, restRoutes } from '@ai-interviewer/api';
import { feedback, sessions, shares } from '@ai-interviewer/core';
import {
  DEFAULT_PASSWORD,
  type MadeUser,
  makeAdmin,
  makeJob,
  makeSession,
  makeUser,
  STRONG_ANSWER,
  unique,
  wavFile,
} from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, hasStackTrace, startTestServer, type TestServer } from '../testing/test-server.ts';

let s: TestServer;
let admin: Client;
beforeAll(async () => {
  s = await startTestServer();
  admin = s.as((await s.login((await makeAdmin(s.db)).user)).token);
});
afterAll(async () => {
  await s?.close();
});

const key = (r: Pick<RestRoute, 'method' | 'path'>) => `${r.method} ${r.path}`;
const NIL_UUID = '00000000-0000-4000-8000-000000000000';

interface Person extends MadeUser {
  client: Client;
}
async function candidate(): Promise<Person> {
  const made = await makeUser(s.db);
  return { ...made, client: s.as((await s.login(made.user)).token) };
}
const ongoing = (p: MadeUser) => makeSession(s.services, p.actor, { question_count: 2, start: true });
const pending = (p: MadeUser) => makeSession(s.services, p.actor, { question_count: 2 });
async function answered(p: MadeUser) {
  const session = await ongoing(p);
  return (await feedback.submitAnswer(s.services, p.actor, { session_id: session.id, answer: STRONG_ANSWER }))
    .feedback;
}
/** A completed session with one answer: what a share link needs. */
async function completed(p: MadeUser): Promise<string> {
  const f = await answered(p);
  await sessions.endSession(s.services, p.actor, f.session_id);
  return f.session_id;
}
const send = (c: Client, method: string, url: string, body?: unknown) =>
  method === 'GET' || method === 'DELETE'
    ? c[method === 'GET' ? 'get' : 'delete'](url)
    : c[method.toLowerCase() as 'post' | 'put' | 'patch'](url, body as object | undefined);

describe('nested and listed objects are the owner’s only', () => {
  it("another user's session feedback → 404, own → 200", async () => {
    const [a, b] = [await candidate(), await candidate()];
    const f = await answered(a);
    const theirs = await b.client.get(`/api/sessions/${f.session_id}/feedbacks`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error.code).toBe('NOT_FOUND');
    const mine = await a.client.get(`/api/sessions/${f.session_id}/feedbacks`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((x: { id: string }) => x.id)).toEqual([f.id]);
  });

  it("another user's session list → 404 (the same as a user that does not exist)", async () => {
    const [a, b] = [await candidate(), await candidate()];
    await pending(a);
    const theirs = await b.client.get(`/api/users/${a.user.id}/sessions`);
    const nobody = await b.client.get(`/api/users/${NIL_UUID}/sessions`);
    expect(theirs.statusCode).toBe(404);
    expect(nobody.statusCode).toBe(404);
    expect(theirs.json()).toEqual(nobody.json());
  });

  it('a query user_id / session_id never widens a nested list', async () => {
    const [a, b] = [await candidate(), await candidate()];
    const mine = await answered(a);
    const theirs = await answered(b);
    const sessionsRes = await a.client.get(`/api/users/${a.user.id}/sessions?user_id=${b.user.id}`);
    expect(sessionsRes.statusCode).toBe(200);
    expect(sessionsRes.json().items.map((x: { user_id: string }) => x.user_id)).toEqual([a.user.id]);
    const fbRes = await a.client.get(
      `/api/sessions/${mine.session_id}/feedbacks?session_id=${theirs.session_id}`,
    );
    expect(fbRes.statusCode).toBe(200);
    expect(fbRes.json().items.map((x: { id: string }) => x.id)).toEqual([mine.id]);
  });

  it('the catalogue shows public jobs to everyone and a private job to its owner (and admins) only', async () => {
    const [a, b] = [await candidate(), await candidate()];
    const secret = await makeJob(s.db, a.actor, { title: `Secret ${unique()}` });
    const ids = async (c: Client) =>
      ((await c.get('/api/jobs?limit=100')).json().items as { id: string }[]).map((j) => j.id);
    expect(await ids(a.client)).toContain(secret.id);
    expect(await ids(b.client)).not.toContain(secret.id);
    expect(await ids(s.as(null))).not.toContain(secret.id);
    expect((await admin.get(`/api/jobs?q=${encodeURIComponent(secret.title)}`)).json().items).toHaveLength(1);
    expect((await b.client.get(`/api/jobs?q=${encodeURIComponent(secret.title)}`)).json().items).toHaveLength(
      0,
    );
  });

  it('a candidate cannot answer, start, end or cancel in another user’s session (404, nothing changes)', async () => {
    const [a, b] = [await candidate(), await candidate()];
    const p = await pending(a);
    const o = await ongoing(a);
    for (const [method, url, body] of [
      ['POST', `/api/sessions/${p.id}/start`, undefined],
      ['POST', `/api/sessions/${o.id}/end`, undefined],
      ['PATCH', `/api/sessions/${o.id}`, { status: 'cancelled' }],
      ['POST', '/api/feedbacks', { session_id: o.id, answer: STRONG_ANSWER }],
    ] as const) {
      const res = await send(b.client, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await a.client.get(`/api/sessions/${p.id}`)).json().status).toBe('pending');
    const after = (await a.client.get(`/api/sessions/${o.id}`)).json();
    expect(after.status).toBe('ongoing');
    expect(after.progress.answered).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Mass assignment
// ---------------------------------------------------------------------------------------------

interface Target {
  params?: Record<string, string>;
  /** A valid body the extra fields are added to. */
  body?: Record<string, unknown>;
}
interface Attempt {
  route: string;
  /** Who tries: a fresh candidate (the default) or an admin. */
  as?: 'candidate' | 'admin';
  setup: (me: Person) => Promise<Target>;
  extra: Record<string, unknown>;
  status: 400 | 403;
  /** The field the error names (default: the only extra key). */
  names?: string | null;
}

const account = () => ({
  email: `ma${unique()}@example.test`,
  username: `ma_${unique()}`,
  password: 'long enough pw',
});
const job = () => ({ title: `Job ${unique()}`, description: 'A job.', skills: 'SQL', experience: '1 yr' });
const none = async (): Promise<Target> => ({});

const attempts: Attempt[] = [
  {
    route: 'POST /auth/register',
    setup: async () => ({ body: account() }),
    extra: { roles: ['admin'] },
    status: 400,
  },
  {
    route: 'POST /auth/register',
    setup: async () => ({ body: account() }),
    extra: { active: false },
    status: 400,
  },
  {
    route: 'POST /auth/register',
    setup: async () => ({ body: account() }),
    extra: { id: NIL_UUID },
    status: 400,
  },
  {
    route: 'POST /auth/register',
    setup: async () => ({ body: account() }),
    extra: { password_hash: 'x' },
    status: 400,
  },
  {
    route: 'POST /auth/login',
    setup: async (me) => ({ body: { email: me.user.email, password: me.password } }),
    extra: { roles: ['admin'] },
    status: 400,
  },
  // logout takes no input at all: any body field is refused
  { route: 'POST /auth/logout', setup: none, extra: { user_id: NIL_UUID }, status: 400, names: null },

  {
    route: 'POST /users',
    as: 'admin',
    setup: async () => ({ body: account() }),
    extra: { is_admin: true },
    status: 400,
  },
  {
    route: 'POST /users',
    as: 'admin',
    setup: async () => ({ body: account() }),
    extra: { id: NIL_UUID },
    status: 400,
  },
  {
    route: 'POST /users',
    as: 'admin',
    setup: async () => ({ body: account() }),
    extra: { created_at: '2000-01-01T00:00:00Z' },
    status: 400,
  },
  ...(['PUT', 'PATCH'] as const).flatMap((method): Attempt[] => {
    const setup = async (me: Person): Promise<Target> => ({
      params: { id: me.user.id },
      body: method === 'PUT' ? { email: me.user.email, username: me.user.username } : {},
    });
    return [
      { route: `${method} /users/:id`, setup, extra: { roles: ['admin', 'candidate'] }, status: 403 },
      { route: `${method} /users/:id`, setup, extra: { active: true }, status: 403 },
      { route: `${method} /users/:id`, setup, extra: { password_hash: 'x' }, status: 400 },
      { route: `${method} /users/:id`, setup, extra: { created_at: '2000-01-01T00:00:00Z' }, status: 400 },
    ];
  }),

  { route: 'POST /jobs', setup: async () => ({ body: job() }), extra: { visibility: 'public' }, status: 403 },
  { route: 'POST /jobs', setup: async () => ({ body: job() }), extra: { created_by: NIL_UUID }, status: 400 },
  { route: 'POST /jobs', setup: async () => ({ body: job() }), extra: { id: NIL_UUID }, status: 400 },
  ...(['PUT', 'PATCH'] as const).flatMap((method): Attempt[] => {
    const setup = async (me: Person): Promise<Target> => ({
      params: { id: (await makeJob(s.db, me.actor)).id },
      body: method === 'PUT' ? job() : {},
    });
    return [
      { route: `${method} /jobs/:id`, setup, extra: { visibility: 'public' }, status: 403 },
      { route: `${method} /jobs/:id`, setup, extra: { created_by: NIL_UUID }, status: 400 },
      { route: `${method} /jobs/:id`, setup, extra: { updated_at: '2000-01-01T00:00:00Z' }, status: 400 },
    ];
  }),

  ...['user_id', 'status', 'score', 'started_at', 'transcript', 'summary'].map(
    (field): Attempt => ({
      route: 'POST /sessions',
      setup: async (me) => ({ body: { job_description_id: (await makeJob(s.db, me.actor)).id } }),
      extra: { [field]: field === 'score' ? 100 : field === 'user_id' ? NIL_UUID : 'completed' },
      status: 400,
    }),
  ),
  // (a status of the lifecycle other than cancelled is a refused transition: 409, lifecycle.test.ts)
  ...[{ score: 100 }, { user_id: NIL_UUID }, { summary: 'great' }, { ended_at: '2000-01-01T00:00:00Z' }].map(
    (extra): Attempt => ({
      route: 'PATCH /sessions/:id',
      setup: async (me) => ({ params: { id: (await pending(me)).id }, body: { status: 'cancelled' } }),
      extra,
      status: 400,
    }),
  ),
  ...[{ status: 'completed' }, { score: 100 }, { question_count: 1 }].map(
    (extra): Attempt => ({
      route: 'POST /sessions/:id/start',
      setup: async (me) => ({ params: { id: (await pending(me)).id } }),
      extra,
      status: 400,
    }),
  ),
  ...[{ score: 100 }, { transcript: 'x' }, { summary: 'perfect' }].map(
    (extra): Attempt => ({
      route: 'POST /sessions/:id/end',
      setup: async (me) => ({ params: { id: (await ongoing(me)).id } }),
      extra,
      status: 400,
    }),
  ),

  ...[
    { score: 10 },
    { user_id: NIL_UUID },
    { evaluator: 'admin' },
    { grading_status: 'graded' },
    { ai_feedback: 'Perfect answer' },
    { id: NIL_UUID },
  ].map(
    (extra): Attempt => ({
      route: 'POST /feedbacks',
      setup: async (me) => ({ body: { session_id: (await ongoing(me)).id, answer: STRONG_ANSWER } }),
      extra,
      status: 400,
    }),
  ),
  ...(['PUT', 'PATCH'] as const).flatMap((method): Attempt[] => {
    const setup = async (me: Person): Promise<Target> => ({
      params: { id: (await answered(me)).id },
      body: method === 'PUT' ? { answer: `${STRONG_ANSWER} (edited)` } : {},
    });
    return [
      { route: `${method} /feedbacks/:id`, setup, extra: { score: 10 }, status: 403 },
      { route: `${method} /feedbacks/:id`, setup, extra: { ai_feedback: 'Perfect' }, status: 403 },
      { route: `${method} /feedbacks/:id`, setup, extra: { evaluator: 'admin' }, status: 400 },
      { route: `${method} /feedbacks/:id`, setup, extra: { grading_status: 'graded' }, status: 400 },
      { route: `${method} /feedbacks/:id`, setup, extra: { user_id: NIL_UUID }, status: 400 },
      { route: `${method} /feedbacks/:id`, setup, extra: { session_id: NIL_UUID }, status: 400 },
    ];
  }),
  {
    route: 'PUT /voice/preferences',
    setup: async () => ({ body: { keep_recordings: true } }),
    extra: { user_id: NIL_UUID },
    status: 400,
  },
  // a recording sent as the procedure's JSON input: its fields are checked like any other
  ...[{ user_id: NIL_UUID }, { transcriber: 'admin' }].map(
    (extra): Attempt => ({
      route: 'POST /sessions/:session_id/recordings',
      setup: async (me) => ({
        params: { session_id: (await ongoing(me)).id },
        body: { audio_base64: wavFile(1).toString('base64') },
      }),
      extra,
      status: 400,
    }),
  ),
  {
    route: 'POST /jobs/extract-skills',
    setup: async () => ({ body: { description: 'Requirements:\n- Kubernetes' } }),
    extra: { user_id: NIL_UUID },
    status: 400,
  },
  ...[
    { user_id: NIL_UUID },
    { token: 'A'.repeat(43) },
    { token_hash: 'x' },
    { expires_at: '2999-01-01T00:00:00Z' },
    { revoked_at: null },
  ].map(
    (extra): Attempt => ({
      route: 'POST /sessions/:session_id/shares',
      setup: async (me) => ({ params: { session_id: await completed(me) } }),
      extra,
      status: 400,
    }),
  ),
  ...[{ score: 10 }, { grading_status: 'graded' }].map(
    (extra): Attempt => ({
      route: 'POST /feedbacks/:id/regrade',
      setup: async (me) => ({ params: { id: (await answered(me)).id } }),
      extra,
      status: 400,
    }),
  ),
];

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

describe('mass assignment: a field that is not yours to set is refused and changes nothing', () => {
  it('every write route of the REST table has attempts', () => {
    const covered = new Set(attempts.map((a) => a.route));
    expect(restRoutes.filter((r) => WRITES.has(r.method) && !covered.has(key(r))).map(key)).toEqual([]);
  });

  it.each(
    attempts.map((a) => ({
      ...a,
      name: `${a.route} as ${a.as ?? 'candidate'} with ${JSON.stringify(a.extra)}`,
    })),
  )('$name → $status', async (a) => {
    const route = restRoutes.find((r) => key(r) === a.route);
    if (!route) throw new Error(`no route ${a.route}`);
    const me = a.as === 'admin' ? await makeAdmin(s.db) : await makeUser(s.db);
    const person = { ...me, client: s.as((await s.login(me.user)).token) };
    const target = await a.setup(person);
    const url = `/api${route.path.replace(/:([a-z_]+)/g, (_, n: string) => target.params?.[n] ?? '')}`;
    const res = await send(person.client, route.method, url, { ...target.body, ...a.extra });

    expect(res.statusCode, res.body).toBe(a.status);
    expect(hasStackTrace(res.body)).toBe(false);
    const error = res.json().error as {
      code: string;
      message: string;
      issues: { path: unknown[]; message: string }[];
    };
    expect(error.code).toBe(a.status === 400 ? 'VALIDATION' : 'FORBIDDEN');
    const field = a.names === undefined ? Object.keys(a.extra)[0]! : a.names;
    if (field) expect(`${error.message} ${JSON.stringify(error.issues)}`).toContain(field);

    // nothing changed: still a candidate, no public job of theirs, no grade of theirs
    if (a.as !== 'admin') {
      const self = await person.client.get('/api/auth/me');
      if (self.statusCode === 200) expect(self.json().roles).toEqual(['candidate']);
    }
    if (route.path.startsWith('/jobs/') && target.params?.id) {
      expect((await admin.get(`/api/jobs/${target.params.id}`)).json().visibility).toBe('private');
    }
    if (route.path.startsWith('/feedbacks/') && target.params?.id) {
      expect((await admin.get(`/api/feedbacks/${target.params.id}`)).json().evaluator).toMatch(/^offline:/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The path wins
// ---------------------------------------------------------------------------------------------

interface Pair {
  mine: string;
  victims: string;
  /** An admin URL that shows the victim's object, to check it did not change. */
  show: (id: string) => string;
  body?: Record<string, unknown>;
}
interface PathCase {
  route: string;
  setup: (me: Person, victim: Person) => Promise<Pair>;
}

const victimJob = async (me: Person, v: Person): Promise<Pair> => ({
  mine: (await makeJob(s.db, me.actor)).id,
  victims: (await makeJob(s.db, v.actor)).id,
  show: (id) => `/api/jobs/${id}`,
});
const users = async (me: Person, v: Person): Promise<Pair> => ({
  mine: me.user.id,
  victims: v.user.id,
  show: (id) => `/api/users/${id}`,
});
const feedbacks = async (me: Person, v: Person): Promise<Pair> => ({
  mine: (await answered(me)).id,
  victims: (await answered(v)).id,
  show: (id) => `/api/feedbacks/${id}`,
});
/** Answers whose grading failed, so that their owner may regrade them. */
const failedFeedbacks = async (me: Person, v: Person): Promise<Pair> => {
  const pair = await feedbacks(me, v);
  await s.db
    .updateTable('feedback')
    .set({ grading_status: 'failed', score: null })
    .where('id', 'in', [pair.mine, pair.victims])
    .execute();
  return pair;
};
const sessionPair =
  (state: (p: MadeUser) => ReturnType<typeof pending>) => async (me: Person, v: Person) => ({
    mine: (await state(me)).id,
    victims: (await state(v)).id,
    show: (id: string) => `/api/sessions/${id}`,
  });

const pathCases: PathCase[] = [
  { route: 'GET /users/:id', setup: users },
  {
    route: 'PUT /users/:id',
    setup: async (me, v) => ({
      ...(await users(me, v)),
      // a new email on your own account needs your password (issue #12)
      body: {
        email: `pw${unique()}@example.test`,
        username: `pw_${unique()}`,
        current_password: DEFAULT_PASSWORD,
      },
    }),
  },
  {
    route: 'PATCH /users/:id',
    setup: async (me, v) => ({ ...(await users(me, v)), body: { username: `pp_${unique()}` } }),
  },
  { route: 'DELETE /users/:id', setup: users },
  { route: 'GET /jobs/:id', setup: victimJob },
  { route: 'PUT /jobs/:id', setup: async (me, v) => ({ ...(await victimJob(me, v)), body: job() }) },
  {
    route: 'PATCH /jobs/:id',
    setup: async (me, v) => ({ ...(await victimJob(me, v)), body: { title: 'Renamed' } }),
  },
  { route: 'DELETE /jobs/:id', setup: victimJob },
  { route: 'GET /sessions/:id', setup: sessionPair(pending) },
  {
    route: 'PATCH /sessions/:id',
    setup: async (me, v) => ({ ...(await sessionPair(pending)(me, v)), body: { status: 'cancelled' } }),
  },
  { route: 'POST /sessions/:id/start', setup: sessionPair(pending) },
  { route: 'POST /sessions/:id/end', setup: sessionPair(ongoing) },
  { route: 'GET /feedbacks/:id', setup: feedbacks },
  {
    route: 'PUT /feedbacks/:id',
    setup: async (me, v) => ({ ...(await feedbacks(me, v)), body: { answer: 'Rewritten answer.' } }),
  },
  {
    route: 'PATCH /feedbacks/:id',
    setup: async (me, v) => ({ ...(await feedbacks(me, v)), body: { answer: 'Patched answer.' } }),
  },
  {
    route: 'DELETE /feedbacks/:id',
    // owners delete answers of sessions that are over (issue #12)
    setup: async (me, v) => {
      const pair = await feedbacks(me, v);
      for (const [who, id] of [
        [me, pair.mine],
        [v, pair.victims],
      ] as const) {
        const f = await feedback.getFeedback(s.db, who.actor, id);
        await sessions.endSession(s.services, who.actor, f.session_id);
      }
      return pair;
    },
  },
  { route: 'POST /feedbacks/:id/regrade', setup: failedFeedbacks },
  { route: 'GET /feedbacks/:id/model-answer', setup: feedbacks },
  { route: 'GET /feedbacks/:id/attempts', setup: feedbacks },
  {
    route: 'DELETE /shares/:id',
    setup: async (me, v) => {
      const link = async (p: Person) =>
        shares.createShareLink(s.db, p.actor, { session_id: await completed(p), expires_in_days: 7 });
      const [mine, victims] = [await link(me), await link(v)];
      return { mine: mine.id, victims: victims.id, show: () => `/api/sessions/${victims.session_id}/shares` };
    },
  },
];

describe('an id in the body or query never overrides the path id', () => {
  it('every route with :id has a case (admin-only ones are in the access matrix)', () => {
    const covered = new Set(pathCases.map((c) => c.route));
    const missing = restRoutes
      .filter((r) => r.path.includes(':id') && r.access !== 'admin' && !covered.has(key(r)))
      .map(key);
    expect(missing).toEqual([]);
  });

  it.each(pathCases.map((c) => ({ ...c, name: c.route })))('$name', async (c) => {
    const route = restRoutes.find((r) => key(r) === c.route)!;
    const [me, victim] = [await candidate(), await candidate()];
    const pair = await c.setup(me, victim);
    const before = (await admin.get(pair.show(pair.victims))).json();
    const url = `/api${route.path.replace(':id', pair.mine)}`;
    const res =
      route.method === 'GET' || route.method === 'DELETE'
        ? await send(me.client, route.method, `${url}?id=${pair.victims}`)
        : await send(me.client, route.method, url, { ...pair.body, id: pair.victims });

    expect(res.statusCode, res.body).toBe(route.status);
    if (route.status !== 204) expect(res.json().id).toBe(pair.mine);
    // the victim's object is exactly as it was (a DELETE or a GET with ?id= is 400 or ignored, never theirs)
    expect((await admin.get(pair.show(pair.victims))).json()).toEqual(before);
  });
});
