import { randomUUID } from 'node:crypto';
import { makeJob, makeUser } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOREIGN_ORIGIN, startTestServer, type TestServer } from '../testing/test-server.ts';

/**
 * /trpc: each kind of request gets its status and our error shape (code and status from core's
 * one table); the plain GETs of queries, answered through callTRPCProcedure, exactly as tRPC's
 * own handler answers them: the same server twice on one database, once with that path off,
 * every request compared.
 */
describe('/trpc', () => {
  let fast: TestServer;
  let plain: TestServer;
  let token: string;
  let ownJobId: string;
  let othersJobId: string;

  beforeAll(async () => {
    fast = await startTestServer();
    plain = await startTestServer({ handle: fast.handle, trpcFastQueries: false });
    const me = await makeUser(fast.db);
    const other = await makeUser(fast.db);
    token = (await fast.login(me.user)).token;
    ownJobId = (await makeJob(fast.db, me.actor, { visibility: 'private' })).id;
    othersJobId = (await makeJob(fast.db, other.actor, { visibility: 'private' })).id;
    await makeJob(fast.db, null, { visibility: 'public' });
  });
  afterAll(async () => {
    await plain?.close();
    await fast?.close();
  });

  const q = (input: unknown) => encodeURIComponent(JSON.stringify(input));
  const cases: {
    name: string;
    url: () => string;
    status: number;
    authed?: boolean;
    headers?: Record<string, string>;
  }[] = [
    { name: 'a query with input', url: () => `/trpc/jobs.list?input=${q({ limit: 2 })}`, status: 200 },
    // an object input is required over tRPC (REST's `GET /api/jobs` supplies `{}` itself)
    { name: 'a query without its input object', url: () => '/trpc/jobs.list', status: 400 },
    {
      name: 'a batch',
      url: () => `/trpc/jobs.list,auth.me?batch=1&input=${q({ 0: {} })}`,
      authed: true,
      status: 200,
    },
    {
      name: 'a batch without input',
      url: () => '/trpc/auth.me,jobs.list?batch=1',
      authed: true,
      status: 207,
    },
    {
      name: 'a batch with mixed statuses',
      url: () => `/trpc/jobs.list,auth.me?batch=1&input=${q({})}`,
      status: 207,
    },
    {
      name: 'a batch whose calls all fail alike',
      url: () => `/trpc/jobs.get,jobs.get?batch=1&input=${q({ 0: { id: 'x' } })}`,
      status: 400,
    },
    {
      name: 'an owner reading their private job',
      url: () => `/trpc/jobs.get?input=${q({ id: ownJobId })}`,
      authed: true,
      status: 200,
    },
    {
      name: "another user's private job",
      url: () => `/trpc/jobs.get?input=${q({ id: othersJobId })}`,
      authed: true,
      status: 404,
    },
    { name: 'an unknown id', url: () => `/trpc/jobs.get?input=${q({ id: randomUUID() })}`, status: 404 },
    { name: 'anonymous on an authed query', url: () => '/trpc/auth.me', status: 401 },
    {
      name: 'an admin query as a candidate',
      url: () => `/trpc/users.list?input=${q({})}`,
      authed: true,
      status: 403,
    },
    { name: 'a bad input', url: () => `/trpc/jobs.list?input=${q({ limit: 1000 })}`, status: 400 },
    {
      name: 'an unknown key (strict input)',
      url: () => `/trpc/jobs.list?input=${q({ nope: 1 })}`,
      status: 400,
    },
    { name: 'input that is not JSON', url: () => '/trpc/jobs.list?input=%7Bnot-json', status: 400 },
    // tRPC's protocol errors are client mistakes: VALIDATION (400), never a 500
    { name: 'a mutation over GET', url: () => `/trpc/jobs.create?input=${q({})}`, authed: true, status: 400 },
    { name: 'an unknown procedure', url: () => '/trpc/jobs.nope', status: 404 },
    // jobs.list without its input (400) beside an unknown procedure (404)
    { name: 'a batch naming an unknown procedure', url: () => '/trpc/jobs.list,nope?batch=1', status: 207 },
    {
      name: 'a batch whose input is not an object',
      url: () => `/trpc/jobs.list?batch=1&input=${q([1])}`,
      status: 400,
    },
    {
      name: 'a streamed batch',
      url: () => `/trpc/jobs.list?batch=1&input=${q({ 0: {} })}`,
      headers: { 'trpc-accept': 'application/jsonl' },
      status: 200,
    },
  ];

  it.each(cases)('$name → $status', async ({ url, authed, headers, status }) => {
    const res = await fast.as(authed ? token : null).get(url(), headers ? { headers } : {});
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    if (headers?.['trpc-accept']) return;
    const body = JSON.parse(res.body) as unknown;
    // an error's own httpStatus agrees with the response's (for a batch: each call's)
    for (const item of [body].flat() as { error?: { data: { httpStatus: number } } }[]) {
      if (item.error && status !== 207) expect(item.error.data.httpStatus).toBe(status);
    }
  });

  it.each(cases)('$name: the same answer as tRPC’s own handler', async ({ url, authed, headers }) => {
    const [a, b] = await Promise.all(
      [fast, plain].map((s) => s.as(authed ? token : null).get(url(), headers ? { headers } : {})),
    );
    if (!a || !b) throw new Error('no response');
    expect(a.statusCode).toBe(b.statusCode);
    // the same media type; the fast path's also names its charset (utf-8)
    const mediaType = (h: unknown) => String(h).split(';')[0];
    expect(mediaType(a.headers['content-type'])).toBe(mediaType(b.headers['content-type']));
    expect(a.headers.vary).toBe(b.headers.vary);
    const lines = (body: string) => body.split('\n').map((l) => (l ? JSON.parse(l) : l));
    if (headers?.['trpc-accept']) expect(lines(a.body)).toEqual(lines(b.body));
    else expect(JSON.parse(a.body)).toEqual(JSON.parse(b.body));
  });

  it('answers plain queries itself and hands the rest to tRPC (told apart by the charset)', async () => {
    const served = await fast.as(null).get(`/trpc/jobs.list?input=${q({})}`);
    const handedOver = await fast.as(null).get('/trpc/jobs.list?input=%7Bnot-json');
    const unknown = await fast.as(null).get('/trpc/jobs.nope');
    expect(served.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(handedOver.headers['content-type']).toBe('application/json');
    expect(unknown.headers['content-type']).toBe('application/json');
  });

  it("gives a domain error its tRPC code and HTTP status from the one table (not tRPC's 500)", async () => {
    const res = await fast.as(null).get(`/trpc/jobs.get?input=${q({ id: randomUUID() })}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: -32004,
      data: { code: 'NOT_FOUND', httpStatus: 404, domainCode: 'NOT_FOUND' },
    });
  });

  it("answers errors raised before the procedure in tRPC's shape too (cross-origin cookie write, bad body)", async () => {
    const { cookie } = await fast.login((await makeUser(fast.db)).user);
    const refused = await fast.asCookie(cookie, FOREIGN_ORIGIN).post('/trpc/jobs.create', { title: 'x' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({
      code: -32003,
      data: { code: 'FORBIDDEN', httpStatus: 403, domainCode: 'FORBIDDEN', path: 'jobs.create' },
    });
    const multipart = await fast.as(token).post('/trpc/jobs.create', '--x--', {
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(multipart.statusCode).toBe(400);
    expect(multipart.json().error.data).toMatchObject({ domainCode: 'VALIDATION', httpStatus: 400 });
  });

  it('names the field of a bad input, as REST does', async () => {
    const res = await fast.as(null).get(`/trpc/jobs.list?input=${q({ limit: 1000 })}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.data.issues[0].path).toEqual(['limit']);
  });
});
