import { randomUUID } from 'node:crypto';
import { makeJob, makeUser } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOREIGN_ORIGIN, startTestServer, type TestServer } from '../testing/test-server.ts';

/**
 * The /trpc fast path for plain GETs of queries must answer exactly as tRPC's own handler does:
 * the same server twice on one database, once with the fast path off, every request compared.
 */
describe('/trpc: the fast path for queries answers as tRPC does', () => {
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
  const cases: { name: string; url: () => string; authed?: boolean; headers?: Record<string, string> }[] = [
    { name: 'a query with input', url: () => `/trpc/jobs.list?input=${q({ limit: 2 })}` },
    { name: 'a query without input', url: () => '/trpc/jobs.list' },
    { name: 'a query with an empty input', url: () => '/trpc/jobs.list?input=' },
    { name: 'a batch', url: () => `/trpc/jobs.list,auth.me?batch=1&input=${q({ 0: {} })}`, authed: true },
    { name: 'a batch without input', url: () => '/trpc/auth.me,jobs.list?batch=1', authed: true },
    {
      name: 'a batch with mixed statuses (207)',
      url: () => `/trpc/jobs.list,auth.me?batch=1&input=${q({})}`,
    },
    {
      name: 'a batch with one failing input',
      url: () => `/trpc/jobs.get,jobs.get?batch=1&input=${q({ 0: { id: 'x' } })}`,
    },
    {
      name: 'an owner reading their private job',
      url: () => `/trpc/jobs.get?input=${q({ id: ownJobId })}`,
      authed: true,
    },
    {
      name: "another user's private job (404)",
      url: () => `/trpc/jobs.get?input=${q({ id: othersJobId })}`,
      authed: true,
    },
    { name: 'an unknown id (404)', url: () => `/trpc/jobs.get?input=${q({ id: randomUUID() })}` },
    { name: 'anonymous on an authed query (401)', url: () => '/trpc/auth.me' },
    {
      name: 'an admin query as a candidate (403)',
      url: () => `/trpc/users.list?input=${q({})}`,
      authed: true,
    },
    { name: 'a bad input (400 naming the field)', url: () => `/trpc/jobs.list?input=${q({ limit: 1000 })}` },
    { name: 'an unknown key (strict input)', url: () => `/trpc/jobs.list?input=${q({ nope: 1 })}` },
    // not plain queries: both servers hand these to tRPC's own handler
    { name: 'input that is not JSON', url: () => '/trpc/jobs.list?input=%7Bnot-json' },
    { name: 'a batch whose input is not an object', url: () => `/trpc/jobs.list?batch=1&input=${q([1])}` },
    { name: 'a mutation over GET (405)', url: () => `/trpc/jobs.create?input=${q({})}`, authed: true },
    { name: 'an unknown procedure', url: () => '/trpc/jobs.nope' },
    { name: 'a batch naming an unknown procedure', url: () => '/trpc/jobs.list,nope?batch=1' },
    {
      name: 'a streamed batch',
      url: () => `/trpc/jobs.list?batch=1&input=${q({ 0: {} })}`,
      headers: { 'trpc-accept': 'application/jsonl' },
    },
  ];

  it.each(cases)('$name', async ({ url, authed, headers }) => {
    const [a, b] = await Promise.all(
      [fast, plain].map((s) => s.as(authed ? token : null).get(url(), headers ? { headers } : {})),
    );
    if (!a || !b) throw new Error('no response');
    expect(a.statusCode).toBe(b.statusCode);
    // the same media type; the fast path's also names its charset (utf-8)
    const mediaType = (h: unknown) => String(h).split(';')[0];
    expect(mediaType(a.headers['content-type'])).toBe(mediaType(b.headers['content-type']));
    expect(a.headers.vary).toBe(b.headers.vary);
    if (headers?.['trpc-accept']) {
      expect(a.body.split('\n').map((l) => (l ? JSON.parse(l) : l))).toEqual(
        b.body.split('\n').map((l) => (l ? JSON.parse(l) : l)),
      );
    } else {
      expect(JSON.parse(a.body)).toEqual(JSON.parse(b.body));
    }
  });

  it('answers plain queries itself and hands the rest to tRPC (told apart by the charset)', async () => {
    const served = await fast.as(null).get('/trpc/jobs.list');
    const handedOver = await fast.as(null).get('/trpc/jobs.list?input=%7Bnot-json');
    expect(served.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(handedOver.headers['content-type']).toBe('application/json');
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
