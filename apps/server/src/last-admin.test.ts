/**
 * "At least one active admin" holds under concurrency (issue #12, finding 3): two admins demoting
 * (or deactivating, or deleting) each other at the same moment must not both succeed.
 *
 * Needs a real PostgreSQL: PGlite serves one connection at a time, so nothing there is
 * concurrent and this test could not fail. It fails, saying so, on any other engine.
 */
import { users } from '@ai-interviewer/core';
import { DEFAULT_PASSWORD, type MadeUser, makeAdmin } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const ROUNDS = 15;

async function activeAdmins(): Promise<number> {
  const page = await users.listUsers(s.db, { id: 'x', roles: ['admin'] }, { limit: 100, offset: 0 });
  return page.items.filter((u) => u.active && u.roles.includes('admin')).length;
}

/** Two admins, and only them, each with a bearer token; the same pair again in every round. */
async function twoAdmins(pair?: [MadeUser, MadeUser]): Promise<[MadeUser, MadeUser]> {
  const [a, b] = pair ?? [await makeAdmin(s.db), await makeAdmin(s.db)];
  for (const x of [a, b]) await users.ensureAdmin(s.db, { email: x.user.email, password: DEFAULT_PASSWORD });
  // earlier tests' admins step down
  await s.db
    .deleteFrom('user_roles')
    .where('role_id', 'in', s.db.selectFrom('roles').select('id').where('name', '=', 'admin'))
    .where('user_id', 'not in', [a.user.id, b.user.id])
    .execute();
  return [a, b];
}

const requirePostgres = () =>
  expect(
    s.handle.kind,
    'this test needs a real PostgreSQL (set TEST_DATABASE_URL=postgres://…): PGlite runs one statement at a time',
  ).toBe('postgres');

describe('the last active admin, under concurrent requests', () => {
  it.each([
    ['demote each other', (id: string) => ({ method: 'PATCH' as const, body: { roles: ['candidate'] }, id })],
    ['deactivate each other', (id: string) => ({ method: 'PATCH' as const, body: { active: false }, id })],
    ['delete each other', (id: string) => ({ method: 'DELETE' as const, body: undefined, id })],
  ])(
    'two admins who %s at once: one wins, the other is refused, one admin is left',
    async (_name, request) => {
      requirePostgres();
      let pair = await twoAdmins();
      for (let round = 0; round < ROUNDS; round++) {
        const [a, b] = pair;
        // Both log in before the race: a login racing the other's DELETE could find its user gone.
        const [tokenA, tokenB] = [(await s.login(a.user)).token, (await s.login(b.user)).token];
        const send = (token: string, target: MadeUser) => {
          const r = request(target.user.id);
          const client = s.as(token);
          return r.method === 'DELETE'
            ? client.delete(`/api/users/${r.id}`)
            : client.patch(`/api/users/${r.id}`, r.body);
        };
        const results = await Promise.all([send(tokenA, b), send(tokenB, a)]);
        const codes = results.map((r) => r.statusCode).sort();
        expect(await activeAdmins(), `round ${round}: ${codes}`).toBe(1);
        expect(
          codes.filter((c) => c < 300),
          `round ${round}: ${codes}`,
        ).toHaveLength(1);
        // the loser gets 409 (last admin), or 401/403/404 when the winner's change already reached it
        for (const r of results)
          if (r.statusCode >= 300) expect([401, 403, 404, 409]).toContain(r.statusCode);
        // back to exactly two admins (a deleted one is replaced)
        const gone = results.findIndex((r) => r.statusCode === 204);
        pair =
          gone === -1
            ? await twoAdmins(pair)
            : await twoAdmins(gone === 0 ? [a, await makeAdmin(s.db)] : [await makeAdmin(s.db), b]);
      }
    },
  );
});
