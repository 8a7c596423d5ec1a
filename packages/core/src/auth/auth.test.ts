import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import * as users from '../services/users.ts';
import { domainError, makeAdmin, makeUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import { hashToken, TokenAuth } from './auth.ts';
import { hashPassword, verifyPassword } from './password.ts';

let h: DatabaseHandle;
let auth: TokenAuth;

beforeAll(async () => {
  h = await createTestDatabase();
  auth = new TokenAuth(h.db);
});
afterAll(async () => {
  await h?.close();
});

const storedSessions = (userId: string) =>
  h.db.selectFrom('auth_sessions').selectAll().where('user_id', '=', userId).execute();

describe('TokenAuth', () => {
  it('an issued token validates to its user and actor', async () => {
    const { user } = await makeUser(h.db);
    const issued = await auth.issue(user.id);
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const v = await auth.validate(issued.token);
    expect(v?.user).toEqual(user);
    expect(v?.actor).toEqual({ id: user.id, roles: ['candidate'], sessionId: issued.sessionId });
  });

  it('the database stores the SHA-256 hex of the token, never the token', async () => {
    const { user } = await makeUser(h.db);
    const issued = await auth.issue(user.id);
    const expected = createHash('sha256').update(issued.token).digest('hex');
    expect(hashToken(issued.token)).toBe(expected);
    expect(issued.sessionId).toBe(expected);
    const rows = await storedSessions(user.id);
    expect(rows.map((r) => r.id)).toEqual([expected]);
    expect(rows[0]?.id).not.toBe(issued.token);
    // the stored id itself is not a usable token
    expect(await auth.validate(expected)).toBeNull();
  });

  it('revoke ends the token and only that one', async () => {
    const { user } = await makeUser(h.db);
    const a = await auth.issue(user.id);
    const b = await auth.issue(user.id);
    await auth.revoke(a.token);
    expect(await auth.validate(a.token)).toBeNull();
    expect(await auth.validate(b.token)).not.toBeNull();
    expect(await storedSessions(user.id)).toHaveLength(1);
  });

  it('garbage tokens give null, never an error', async () => {
    for (const t of ['', 'x', 'not a token!', 'A'.repeat(43), 'a'.repeat(500), "'; DROP TABLE users; --"]) {
      expect(await auth.validate(t)).toBeNull();
    }
  });

  it('past the absolute cap a token is dead, however fresh, and its row is removed', async () => {
    const short = new TokenAuth(h.db, { absoluteTtlMs: 1500 }); // room for a loaded CI machine
    const { user } = await makeUser(h.db);
    const issued = await short.issue(user.id);
    expect(await short.validate(issued.token)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1600));
    expect(await short.validate(issued.token)).toBeNull();
    expect(await auth.validate(issued.token)).toBeNull();
    expect(await storedSessions(user.id)).toEqual([]);
  });

  it('the token of a deleted user is dead', async () => {
    const { user, actor } = await makeUser(h.db);
    const issued = await auth.issue(user.id);
    await users.deleteUser(h.db, actor, user.id);
    expect(await auth.validate(issued.token)).toBeNull();
  });

  it('the token of a deactivated user is dead', async () => {
    const { user } = await makeUser(h.db);
    const issued = await auth.issue(user.id);
    await h.db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute();
    expect(await auth.validate(issued.token)).toBeNull();
  });

  it('roles are read fresh on every validation', async () => {
    const { user } = await makeUser(h.db);
    const admin = await makeAdmin(h.db);
    const issued = await auth.issue(user.id);
    await users.updateUser(h.db, admin.actor, user.id, { roles: ['admin', 'candidate'] });
    expect((await auth.validate(issued.token))?.actor.roles).toEqual(['admin', 'candidate']);
  });

  it('issuing for a user that does not exist fails cleanly (NOT_FOUND at the edge)', async () => {
    await domainError(auth.issue(crypto.randomUUID()), 'NOT_FOUND');
  });
});

describe('passwords', () => {
  it('argon2id hashes verify; a wrong password or a malformed hash gives false', async () => {
    const hash = await hashPassword('p4ssword with spaces ');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'p4ssword with spaces ')).toBe(true);
    expect(await verifyPassword(hash, 'p4ssword with spaces')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
