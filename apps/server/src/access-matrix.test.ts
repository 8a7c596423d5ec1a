/**
 * The access matrix of SPEC §5/§6, table-driven. The rows below are the spec (the oracle); which
 * routes and procedures exist, and how each is called, come from the procedures' meta:
 *  - every REST endpoint (a procedure's `meta.rest`) × anonymous / owner / other candidate / admin
 *    (bearer) and owner / admin by cookie (same-origin Origin) → the expected status, on fresh
 *    objects per cell;
 *  - the same cells over /trpc, calling the endpoint's procedure with the same input → the same
 *    status (tRPC answers 200 where REST says 201/204);
 *  - every procedure without a REST route × anonymous / candidate / admin → its tier's status.
 * A route without a row here fails the suite, so a new one cannot be forgotten.
 */
import { procedureList, type RestRoute, restRoutes } from '@ai-interviewer/api';
import { feedback, sessions, shares, type User } from '@ai-interviewer/core';
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
import { z } from 'zod';
import { type Client, hasStackTrace, startTestServer, type TestServer } from './testing/test-server.ts';

let s: TestServer;
/** Never changed by a cell, so shared; the owner (whose objects cells change or delete) is fresh per cell. */
let other: MadeUser;
let admin: MadeUser;
beforeAll(async () => {
  s = await startTestServer();
  other = await makeUser(s.db);
  admin = await makeAdmin(s.db);
});
afterAll(async () => {
  await s?.close();
});

// ---------------------------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------------------------

const CALLERS = ['anonymous', 'owner', 'other', 'admin', 'owner (cookie)', 'admin (cookie)'] as const;
type Caller = (typeof CALLERS)[number];

/** The people of one cell: `owner` owns the objects in the path; `admin` is an admin. */
interface World {
  owner: MadeUser;
  other: MadeUser;
  admin: MadeUser;
}

interface Cell {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

interface Expect {
  anonymous: number;
  owner: number;
  other: number;
  admin: number;
}

interface Row {
  /** `METHOD path` exactly as in the procedure's `meta.rest`. */
  route: string;
  /** When one route has several rows (a public and a private job…). */
  variant?: string;
  setup: (w: World) => Promise<Cell>;
  expect: Expect;
}

const key = (r: Pick<RestRoute, 'method' | 'path'>) => `${r.method} ${r.path}`;
const fresh = () => unique();
const newAccount = () => ({
  email: `m${fresh()}@example.test`,
  username: `m_${fresh()}`,
  password: 'a long enough password',
});
const jobBody = () => ({
  title: `Data Engineer ${fresh()}`,
  description: 'Build pipelines on PostgreSQL and write tests.',
  skills: 'SQL, Python, testing',
  experience: '3+ yrs',
});

const ctx = () => s.services;
const privateJob = (w: World) => makeJob(s.db, w.owner.actor, { visibility: 'private' });
const publicJob = (w: World) => makeJob(s.db, w.admin.actor, { visibility: 'public' });
const pending = (w: World) => makeSession(ctx(), w.owner.actor, { question_count: 2 });
const ongoing = (w: World) => makeSession(ctx(), w.owner.actor, { question_count: 2, start: true });
async function answered(w: World) {
  const session = await ongoing(w);
  const r = await feedback.submitAnswer(ctx(), w.owner.actor, {
    session_id: session.id,
    answer: STRONG_ANSWER,
  });
  return r.feedback;
}

/** A completed session of the owner, with one answer: what a share link needs. */
async function completed(w: World) {
  const f = await answered(w);
  await sessions.endSession(ctx(), w.owner.actor, f.session_id);
  return f.session_id;
}
const shareOf = async (w: World) =>
  shares.createShareLink(s.db, w.owner.actor, { session_id: await completed(w), expires_in_days: 7 });

const admin401: Expect = { anonymous: 401, owner: 403, other: 403, admin: 200 };
const ownerOr = (ok: number): Expect => ({ anonymous: 401, owner: ok, other: 404, admin: ok });
const publicOk = (ok: number): Expect => ({ anonymous: ok, owner: ok, other: ok, admin: ok });

const matrix: Row[] = [
  // Auth
  { route: 'POST /auth/register', setup: async () => ({ body: newAccount() }), expect: publicOk(201) },
  {
    route: 'POST /auth/login',
    setup: async (w) => ({ body: { email: w.owner.user.email, password: DEFAULT_PASSWORD } }),
    expect: publicOk(200),
  },
  { route: 'POST /auth/logout', setup: async () => ({}), expect: publicOk(204) },
  {
    route: 'GET /auth/me',
    setup: async () => ({}),
    expect: { anonymous: 401, owner: 200, other: 200, admin: 200 },
  },

  // Users
  { route: 'GET /users', setup: async () => ({}), expect: admin401 },
  { route: 'POST /users', setup: async () => ({ body: newAccount() }), expect: { ...admin401, admin: 201 } },
  {
    route: 'GET /users/:id',
    setup: async (w) => ({ params: { id: w.owner.user.id } }),
    expect: ownerOr(200),
  },
  {
    route: 'PUT /users/:id',
    setup: async (w) => ({
      params: { id: w.owner.user.id },
      // a new email on your own account needs your password (issue #12)
      body: { email: newAccount().email, username: `p_${fresh()}`, current_password: DEFAULT_PASSWORD },
    }),
    expect: ownerOr(200),
  },
  {
    route: 'PATCH /users/:id',
    setup: async (w) => ({ params: { id: w.owner.user.id }, body: { username: `q_${fresh()}` } }),
    expect: ownerOr(200),
  },
  {
    route: 'DELETE /users/:id',
    setup: async (w) => ({ params: { id: w.owner.user.id } }),
    expect: ownerOr(204),
  },
  {
    route: 'GET /users/:user_id/sessions',
    setup: async (w) => {
      await pending(w);
      return { params: { user_id: w.owner.user.id } };
    },
    expect: ownerOr(200),
  },

  // Job descriptions
  {
    route: 'GET /jobs',
    setup: async (w) => {
      await privateJob(w);
      return {};
    },
    expect: publicOk(200),
  },
  {
    route: 'POST /jobs',
    setup: async () => ({ body: jobBody() }),
    expect: { ...publicOk(201), anonymous: 401 },
  },
  {
    route: 'POST /jobs/extract-skills',
    setup: async () => ({ body: { description: 'Requirements:\n- Kubernetes\n- Terraform' } }),
    expect: { ...publicOk(200), anonymous: 401 },
  },
  {
    route: 'POST /jobs',
    variant: 'visibility public',
    setup: async () => ({ body: { ...jobBody(), visibility: 'public' } }),
    expect: { anonymous: 401, owner: 403, other: 403, admin: 201 },
  },
  {
    route: 'GET /jobs/:id',
    variant: "the owner's private job",
    setup: async (w) => ({ params: { id: (await privateJob(w)).id } }),
    // existence not revealed, not even to the anonymous
    expect: { ...ownerOr(200), anonymous: 404 },
  },
  {
    route: 'GET /jobs/:id',
    variant: 'a public job',
    setup: async (w) => ({ params: { id: (await publicJob(w)).id } }),
    expect: publicOk(200),
  },
  ...(['PUT', 'PATCH', 'DELETE'] as const).flatMap((method): Row[] => {
    const ok = method === 'DELETE' ? 204 : 200;
    const body = () =>
      method === 'PUT' ? jobBody() : method === 'PATCH' ? { title: `Renamed ${fresh()}` } : undefined;
    return [
      {
        route: `${method} /jobs/:id`,
        variant: "the owner's private job",
        setup: async (w) => ({ params: { id: (await privateJob(w)).id }, body: body() }),
        expect: ownerOr(ok),
      },
      {
        route: `${method} /jobs/:id`,
        variant: 'a public job (candidates may not edit it)',
        setup: async (w) => ({ params: { id: (await publicJob(w)).id }, body: body() }),
        expect: { anonymous: 401, owner: 403, other: 403, admin: ok },
      },
    ];
  }),

  // Sessions
  { route: 'GET /sessions', setup: async () => ({}), expect: admin401 },
  {
    route: 'POST /sessions',
    variant: "on the owner's private job",
    setup: async (w) => ({ body: { job_description_id: (await privateJob(w)).id, question_count: 2 } }),
    expect: ownerOr(201),
  },
  {
    route: 'POST /sessions',
    variant: 'on a public job',
    setup: async (w) => ({ body: { job_description_id: (await publicJob(w)).id, question_count: 2 } }),
    expect: { ...publicOk(201), anonymous: 401 },
  },
  {
    route: 'GET /sessions/:id',
    setup: async (w) => ({ params: { id: (await pending(w)).id } }),
    expect: ownerOr(200),
  },
  {
    route: 'PATCH /sessions/:id',
    setup: async (w) => ({ params: { id: (await pending(w)).id }, body: { status: 'cancelled' } }),
    expect: ownerOr(200),
  },
  {
    route: 'DELETE /sessions/:id',
    setup: async (w) => ({ params: { id: (await pending(w)).id } }),
    expect: { ...admin401, admin: 204 },
  },
  {
    route: 'POST /sessions/:id/start',
    setup: async (w) => ({ params: { id: (await pending(w)).id } }),
    expect: ownerOr(200),
  },
  {
    route: 'POST /sessions/:id/end',
    setup: async (w) => ({ params: { id: (await ongoing(w)).id } }),
    expect: ownerOr(200),
  },
  {
    route: 'GET /sessions/:session_id/feedbacks',
    setup: async (w) => ({ params: { session_id: (await answered(w)).session_id } }),
    expect: ownerOr(200),
  },

  // Voice: this server has no transcriber nor voice, so the owner learns that (409) once past the access rule
  { route: 'GET /voice', setup: async () => ({}), expect: publicOk(200) },
  {
    route: 'POST /sessions/:session_id/recordings',
    setup: async (w) => ({ params: { session_id: (await ongoing(w)).id }, body: wavFile(1) }),
    expect: ownerOr(409),
  },
  {
    route: 'GET /sessions/:session_id/speech',
    setup: async (w) => ({ params: { session_id: (await ongoing(w)).id } }),
    expect: ownerOr(409),
  },
  { route: 'GET /voice/preferences', setup: async () => ({}), expect: { ...publicOk(200), anonymous: 401 } },
  {
    route: 'PUT /voice/preferences',
    setup: async () => ({ body: { keep_recordings: false } }),
    expect: { ...publicOk(200), anonymous: 401 },
  },
  {
    route: 'GET /sessions/:session_id/recordings',
    setup: async (w) => ({ params: { session_id: (await ongoing(w)).id } }),
    expect: ownerOr(200),
  },
  {
    // no recording was kept: the owner learns that (404) like anyone else
    route: 'GET /feedbacks/:feedback_id/recording',
    setup: async (w) => ({ params: { feedback_id: (await answered(w)).id } }),
    expect: { anonymous: 401, owner: 404, other: 404, admin: 404 },
  },

  // Feedback
  { route: 'GET /feedbacks', setup: async () => ({}), expect: admin401 },
  {
    route: 'POST /feedbacks',
    setup: async (w) => ({ body: { session_id: (await ongoing(w)).id, answer: STRONG_ANSWER } }),
    expect: ownerOr(201),
  },
  {
    route: 'GET /feedbacks/:id',
    setup: async (w) => ({ params: { id: (await answered(w)).id } }),
    expect: ownerOr(200),
  },
  {
    route: 'PUT /feedbacks/:id',
    setup: async (w) => ({
      params: { id: (await answered(w)).id },
      body: { answer: `${STRONG_ANSWER} Rewritten.` },
    }),
    expect: ownerOr(200),
  },
  {
    route: 'PATCH /feedbacks/:id',
    setup: async (w) => ({
      params: { id: (await answered(w)).id },
      body: { answer: `${STRONG_ANSWER} Patched.` },
    }),
    expect: ownerOr(200),
  },
  {
    route: 'DELETE /feedbacks/:id',
    variant: 'an answer of a completed session (while it is ongoing only admins may)',
    setup: async (w) => {
      const f = await answered(w);
      await sessions.endSession(ctx(), w.owner.actor, f.session_id);
      return { params: { id: f.id } };
    },
    expect: ownerOr(204),
  },
  {
    route: 'POST /feedbacks/:id/regrade',
    variant: 'an answer whose grading failed',
    setup: async (w) => {
      const f = await answered(w);
      await s.db
        .updateTable('feedback')
        .set({ grading_status: 'failed', score: null })
        .where('id', '=', f.id)
        .execute();
      return { params: { id: f.id } };
    },
    expect: ownerOr(200),
  },
  {
    route: 'GET /feedbacks/:id/model-answer',
    setup: async (w) => ({ params: { id: (await answered(w)).id } }),
    expect: ownerOr(200),
  },
  {
    route: 'GET /feedbacks/:id/attempts',
    setup: async (w) => ({ params: { id: (await answered(w)).id } }),
    expect: ownerOr(200),
  },

  // All my data, history figures, share links (issue #14)
  {
    route: 'GET /users/me/export',
    setup: async () => ({}),
    expect: { anonymous: 401, owner: 200, other: 200, admin: 200 },
  },
  {
    route: 'GET /users/:user_id/stats',
    setup: async (w) => ({ params: { user_id: w.owner.user.id } }),
    expect: ownerOr(200),
  },
  {
    route: 'POST /sessions/:session_id/shares',
    setup: async (w) => ({ params: { session_id: await completed(w) }, body: { expires_in_days: 1 } }),
    // sharing is the candidate's choice: an admin sees the report but may not hand it out
    expect: { anonymous: 401, owner: 201, other: 404, admin: 403 },
  },
  {
    route: 'GET /sessions/:session_id/shares',
    setup: async (w) => ({ params: { session_id: (await shareOf(w)).session_id } }),
    expect: ownerOr(200),
  },
  {
    route: 'DELETE /shares/:id',
    setup: async (w) => ({ params: { id: (await shareOf(w)).id } }),
    expect: ownerOr(204),
  },
  {
    route: 'GET /shared/:token',
    setup: async (w) => ({ params: { token: (await shareOf(w)).token } }),
    expect: publicOk(200),
  },
];

function urlOf(route: RestRoute, cell: Cell): string {
  const path = route.path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    const value = cell.params?.[name];
    if (!value) throw new Error(`matrix row for ${key(route)} gives no :${name}`);
    return value;
  });
  const query = cell.query ? `?${new URLSearchParams(cell.query)}` : '';
  return `/api${path}${query}`;
}

async function clientFor(caller: Caller, w: World): Promise<Client> {
  if (caller === 'anonymous') return s.as(null);
  const who = caller.startsWith('owner') ? w.owner : caller.startsWith('other') ? w.other : w.admin;
  const { token, cookie } = await s.login(who.user);
  return caller.endsWith('(cookie)') ? s.asCookie(cookie) : s.as(token);
}

const expectedFor = (row: Row, caller: Caller): number =>
  row.expect[caller.replace(' (cookie)', '') as keyof Expect];

describe('REST access matrix', () => {
  it('has a row for every route of the REST table, and no row for a route that is not there', () => {
    const tableKeys = new Set(restRoutes.map(key));
    const rowKeys = new Set(matrix.map((r) => r.route));
    expect(
      [...tableKeys].filter((k) => !rowKeys.has(k)),
      'routes without a matrix row',
    ).toEqual([]);
    expect(
      [...rowKeys].filter((k) => !tableKeys.has(k)),
      'matrix rows for unknown routes',
    ).toEqual([]);
  });

  const cells = matrix.flatMap((row) => CALLERS.map((caller) => ({ row, caller })));
  it.each(
    cells.map((c) => ({
      ...c,
      name: `${c.row.route}${c.row.variant ? ` [${c.row.variant}]` : ''} as ${c.caller}`,
    })),
  )('$name', async ({ row, caller }) => {
    const route = restRoutes.find((r) => key(r) === row.route);
    if (!route) throw new Error(`no route ${row.route}`);
    const w: World = { owner: await makeUser(s.db), other, admin };
    const cell = await row.setup(w);
    const client = await clientFor(caller, w);
    const url = urlOf(route, cell);
    const res =
      route.method === 'GET' || route.method === 'DELETE'
        ? await client[route.method === 'GET' ? 'get' : 'delete'](url)
        : await client[route.method.toLowerCase() as 'post' | 'put' | 'patch'](
            url,
            cell.body as object | undefined,
            // a file body (a recording) goes as itself, not as JSON
            Buffer.isBuffer(cell.body) ? { headers: { 'content-type': 'audio/wav' } } : {},
          );

    const expected = expectedFor(row, caller);
    expect(res.statusCode, `${route.method} ${url} as ${caller}: ${res.body.slice(0, 300)}`).toBe(expected);
    expect(hasStackTrace(res.body)).toBe(false);
    if (expected >= 400) {
      expect(res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    } else if (expected === 204) {
      expect(res.body).toBe('');
    } else {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// tRPC
// ---------------------------------------------------------------------------------------------

const TRPC_CALLERS = ['anonymous', 'owner', 'other', 'admin'] as const;

/** The procedure's input for a cell: what the REST adapter would build from path, query and body. */
function trpcInput(route: RestRoute, cell: Cell): unknown {
  if (route.meta.input instanceof z.ZodVoid) return undefined;
  if (route.fileBody && Buffer.isBuffer(cell.body)) {
    return { ...cell.query, ...cell.params, [route.fileBody.field]: cell.body.toString('base64') };
  }
  return { ...cell.query, ...(cell.body as object | undefined), ...cell.params };
}

/** A call as the SPA's tRPC links send it: a batch of one (a GET for a query, a JSON POST for a mutation). */
async function callTrpc(client: Client, procedure: string, isQuery: boolean, input: unknown) {
  const batch = JSON.stringify(input === undefined ? {} : { 0: input });
  if (isQuery) return client.get(`/trpc/${procedure}?batch=1&input=${encodeURIComponent(batch)}`);
  return client.post(`/trpc/${procedure}?batch=1`, batch, {
    headers: { 'content-type': 'application/json' },
  });
}

function expectTrpcError(res: { statusCode: number; body: string; json(): unknown }) {
  expect(hasStackTrace(res.body)).toBe(false);
  const [call] = res.json() as { error?: { data: { httpStatus: number } } }[];
  if (res.statusCode >= 400) expect(call?.error?.data.httpStatus).toBe(res.statusCode);
  else expect(call?.error).toBeUndefined();
}

describe('tRPC: each REST endpoint’s procedure × caller answers as the endpoint does', () => {
  const cells = matrix.flatMap((row) =>
    TRPC_CALLERS.map((caller) => ({
      row,
      caller,
      name: `${row.route}${row.variant ? ` [${row.variant}]` : ''} over /trpc as ${caller}`,
    })),
  );
  it.each(cells)('$name', async ({ row, caller }) => {
    const route = restRoutes.find((r) => key(r) === row.route);
    if (!route) throw new Error(`no route ${row.route}`);
    const w: World = { owner: await makeUser(s.db), other, admin };
    const cell = await row.setup(w);
    const client = await clientFor(caller, w);
    const res = await callTrpc(client, route.procedure, route.method === 'GET', trpcInput(route, cell));
    const rest = row.expect[caller];
    const expected = rest === 201 || rest === 204 ? 200 : rest;
    expect(res.statusCode, `${route.procedure} as ${caller}: ${res.body.slice(0, 300)}`).toBe(expected);
    expectTrpcError(res);
  });
});

describe('tRPC: procedures without a REST route × caller, by their tier', () => {
  const others = procedureList.filter((p) => !p.meta.rest);
  it('are few, and each is named here with its kind', () => {
    expect(others.map((p) => p.path)).toEqual(['auth.viewer', 'feedback.submitStream']);
  });
  // the kind of call (a query is a GET) is the one thing meta does not say
  const queries = new Set(['auth.viewer']);

  const cells = others.flatMap((p) =>
    (['anonymous', 'candidate', 'admin'] as const).map((caller) => ({
      p,
      caller,
      name: `${p.path} as ${caller}`,
    })),
  );
  it.each(cells)('$name', async ({ p, caller }) => {
    let user: User | null = null;
    if (caller === 'candidate') user = (await makeUser(s.db)).user;
    if (caller === 'admin') user = (await makeAdmin(s.db)).user;
    const client = s.as(user ? (await s.login(user)).token : null);
    const input = p.meta.input instanceof z.ZodVoid ? undefined : {};
    const res = await callTrpc(client, p.path, queries.has(p.path), input);
    const expected =
      caller === 'anonymous' && p.meta.tier !== 'public'
        ? 401
        : caller === 'candidate' && p.meta.tier === 'admin'
          ? 403
          : // past the tier: what the input schema says of `{}` (or of no input)
            p.meta.input.safeParse(input).success
            ? 200
            : 400;
    expect(res.statusCode, `${p.path} as ${caller}: ${res.body.slice(0, 300)}`).toBe(expected);
    expectTrpcError(res);
  });
});
