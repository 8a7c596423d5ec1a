/** The OpenAPI document, the docs page and the health check. */

import { openApiPath, restRoutes } from '@ai-interviewer/api';
import { createDatabase, MAX_BODY_BYTES } from '@ai-interviewer/core';
import { createTestDatabase, DEFAULT_PASSWORD, makeUser } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FOREIGN_ORIGIN,
  hasStackTrace,
  type Response,
  startTestServer,
  type TestServer,
} from '../testing/test-server.ts';

let s: TestServer;
let dbClosed = false;
beforeAll(async () => {
  // the handle is ours: the last test closes it to see the health check fail
  s = await startTestServer({ handle: await createTestDatabase() });
});
afterAll(async () => {
  await s?.close();
  if (s && !dbClosed) await s.handle.close();
});

interface Operation {
  operationId: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
};

let doc: Doc;
describe('GET /api/openapi.json', () => {
  beforeAll(async () => {
    const res = await s.as(null).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.json();
  });

  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('lists every path and method of the REST table, and nothing else but /health', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const table = restRoutes.map((r) => `${r.method} ${openApiPath(r.path)}`);
    expect(new Set(documented)).toEqual(new Set([...table, 'GET /health']));
  });

  it.each(restRoutes.map((r) => ({ ...r, name: `${r.method} ${r.path}` })))(
    '$name: documented in full',
    (route) => {
      const op = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(op).toBeDefined();
      if (!op) return;
      // the success status, with a schema unless it is a 204
      const ok = op.responses[String(route.status)];
      expect(ok, `responses: ${Object.keys(op.responses)}`).toBeDefined();
      if (route.status !== 204) expect(ok?.content?.['application/json']?.schema).toBeDefined();
      // the errors the route can give
      expect(op.responses['400']).toBeDefined();
      if (route.access !== 'public') {
        expect(op.responses['401']).toBeDefined();
        expect(op.security).toBeDefined();
      }
      if (route.access === 'admin') expect(op.responses['403']).toBeDefined();
      if (route.path.includes(':')) expect(op.responses['404']).toBeDefined();
      // every path parameter is declared, required, in: path
      for (const [, name] of route.path.matchAll(/:([a-z_]+)/g)) {
        expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
        expect(JSON.stringify(op.requestBody ?? {})).not.toContain(`"${name}"`);
      }
      // lists document their pagination
      const okSchema = ok?.content?.['application/json']?.schema as
        | { properties?: Record<string, unknown> }
        | undefined;
      if (route.method === 'GET' && okSchema?.properties?.items) {
        expect(op.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['limit', 'offset']));
      }
    },
  );

  it('documents the status of each answer the API really gives (a client validating answers against it)', async () => {
    const u = await makeUser(s.db);
    const { token, cookie } = await s.login(u.user);
    const me = s.as(token);
    const deactivated = await makeUser(s.db, { active: false });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const job = { title: 'A job', description: 'A description', skills: 'SQL' };
    const answers: [string, string, Promise<Response>][] = [
      [
        'POST',
        '/auth/login',
        s.as(null).post('/api/auth/login', { email: u.user.email, password: 'wrong password' }),
      ],
      [
        'POST',
        '/auth/login',
        s.as(null).post('/api/auth/login', { email: deactivated.user.email, password: DEFAULT_PASSWORD }),
      ],
      ['POST', '/jobs', me.post('/api/jobs', { ...job, visibility: 'public' })],
      ['POST', '/jobs', me.post('/api/jobs', { ...job, description: 'x'.repeat(MAX_BODY_BYTES) })],
      ['POST', '/sessions', me.post('/api/sessions', { job_description_id: unknown })],
      [
        'POST',
        '/sessions',
        s.asCookie(cookie, FOREIGN_ORIGIN).post('/api/sessions', { job_description_id: unknown }),
      ],
      ['POST', '/feedbacks', me.post('/api/feedbacks', { session_id: unknown, answer: 'An answer.' })],
      [
        'PUT',
        '/voice/preferences',
        me.put('/api/voice/preferences', { read_aloud: 'x'.repeat(MAX_BODY_BYTES) }),
      ],
    ];
    for (const [method, path, pending] of answers) {
      const res = await pending;
      const label = `${method} ${path} → ${res.statusCode} ${res.body.slice(0, 120)}`;
      expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
      expect(Object.keys(doc.paths[path]?.[method.toLowerCase()]?.responses ?? {}), label).toContain(
        String(res.statusCode),
      );
    }
  });

  it('operation ids are unique', () => {
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every $ref resolves', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) {
      const target = ref.split('/').reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('documents why a score: a feedback carries its rubric components', () => {
    const schema = doc.paths['/feedbacks/{id}']?.get?.responses['200']?.content?.['application/json']
      ?.schema as { properties: Record<string, { anyOf?: { type: string; items?: unknown }[] }> };
    const rubric = schema.properties.rubric;
    expect(rubric?.anyOf?.map((s) => s.type)).toEqual(['array', 'null']);
    const item = rubric?.anyOf?.[0]?.items as {
      required: string[];
      properties: Record<string, { type: string }>;
    };
    expect(item.required).toEqual(['key', 'label', 'points', 'max', 'note']);
    expect(item.properties.points?.type).toBe('number');
  });

  it('never documents a password hash in a response', () => {
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) expect(JSON.stringify(op.responses)).not.toMatch(/password/i);
    }
  });
});

describe('GET /api/docs', () => {
  it.each(['/api/docs', '/api/docs/'])('%s serves HTML whose assets load', async (url) => {
    const res = await s.as(null).get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const assets = [...res.body.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const resolved = new URL(asset, `http://localhost${url}`).pathname;
      const got = await s.as(null).get(resolved);
      expect(got.statusCode, resolved).toBe(200);
      expect(got.headers['content-type'], resolved).not.toMatch(/text\/html/);
    }
  });

  it('the page reads the same document', async () => {
    const res = await s.as(null).get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    expect(res.json().paths).toEqual(doc.paths);
  });
});

describe('GET /api/health', () => {
  it('200 while the database answers', async () => {
    const res = await s.as(null).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('503 once the database is closed', async () => {
    await s.handle.close();
    dbClosed = true;
    const res = await s.as(null).get('/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ database: 'unreachable' });
  });

  it('an unreachable PostgreSQL: health 503, and the API answers 503 (JSON), never 500', async () => {
    // nothing listens on port 9: every query fails with ECONNREFUSED
    const down = await createDatabase({
      url: 'postgres://nobody@127.0.0.1:9/none',
      connectionTimeoutMs: 1000,
    });
    const broken = await startTestServer({ handle: down });
    try {
      expect((await broken.as(null).get('/api/health')).statusCode).toBe(503);
      for (const [method, url, body] of [
        ['GET', '/api/jobs', undefined],
        ['POST', '/api/auth/login', { email: 'a@example.test', password: 'whatever' }],
        ['GET', '/api/auth/me', undefined],
        ['GET', `/trpc/jobs.list?input=${encodeURIComponent('{}')}`, undefined],
      ] as const) {
        const headers = { authorization: `Bearer ${'A'.repeat(43)}` };
        const res = await broken.app.inject({ method, url, headers, ...(body && { payload: body }) });
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(503);
        expect(hasStackTrace(res.body)).toBe(false);
      }
    } finally {
      await broken.close();
      await down.close();
    }
  });
});
