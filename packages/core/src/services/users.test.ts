import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenAuth } from '../auth/auth.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import * as uq from '../queries/users.ts';
import { listUsersInput } from '../schemas/users.ts';
import {
  DEFAULT_PASSWORD,
  domainError,
  makeAdmin,
  makeJob,
  makeServiceContext,
  makeSession,
  makeUser,
  STRONG_ANSWER,
  unique,
} from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import type { ServiceContext } from './context.ts';
import * as feedback from './feedback.ts';
import * as jobs from './jobs.ts';
import * as users from './users.ts';

let h: DatabaseHandle;
let ctx: ServiceContext;
let auth: TokenAuth;

beforeAll(async () => {
  h = await createTestDatabase();
  ctx = makeServiceContext(h.db);
  auth = new TokenAuth(h.db);
});
afterAll(async () => {
  await h?.close();
});

const fresh = () => {
  const u = unique();
  return { email: `new${u}@example.test`, username: `new_${u}`, password: 'a long enough password' };
};

describe('register and log in', () => {
  it('register creates an active candidate; the password is stored as argon2id only', async () => {
    const input = fresh();
    const user = await users.register(ctx.db, input);
    expect(user).toMatchObject({
      email: input.email,
      username: input.username,
      active: true,
      roles: ['candidate'],
    });
    expect(user).not.toHaveProperty('password');
    expect(user).not.toHaveProperty('password_hash');
    const row = await ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(input.password);
  });

  it('a duplicate email in another case, or a duplicate username, is CONFLICT', async () => {
    const input = fresh();
    await users.register(ctx.db, { ...input, email: input.email.replace('new', 'NeW') });
    const e1 = await domainError(users.register(ctx.db, { ...fresh(), email: input.email }), 'CONFLICT');
    expect(e1.message).toMatch(/email/i);
    const e2 = await domainError(
      users.register(ctx.db, { ...fresh(), username: input.username.toUpperCase() }),
      'CONFLICT',
    );
    expect(e2.message).toMatch(/username/i);
  });

  it('verifyCredentials accepts the email or the username, in any case', async () => {
    const { user, password } = await makeUser(ctx.db);
    expect((await users.verifyCredentials(ctx.db, user.email, password)).id).toBe(user.id);
    expect((await users.verifyCredentials(ctx.db, user.username.toUpperCase(), password)).id).toBe(user.id);
    expect((await users.verifyCredentials(ctx.db, user.email.toUpperCase(), password)).roles).toEqual([
      'candidate',
    ]);
  });

  it('a wrong password and an unknown account give the same UNAUTHORIZED', async () => {
    const { user } = await makeUser(ctx.db);
    const wrong = await domainError(
      users.verifyCredentials(ctx.db, user.email, 'not the password'),
      'UNAUTHORIZED',
    );
    const unknown = await domainError(
      users.verifyCredentials(ctx.db, `nobody${unique()}@example.test`, DEFAULT_PASSWORD),
      'UNAUTHORIZED',
    );
    expect(wrong.message).toBe(unknown.message);
  });

  it('a deactivated account is FORBIDDEN (with the right password only)', async () => {
    const { user, password } = await makeUser(ctx.db, { active: false });
    await domainError(users.verifyCredentials(ctx.db, user.email, password), 'FORBIDDEN');
    await domainError(users.verifyCredentials(ctx.db, user.email, 'wrong password'), 'UNAUTHORIZED');
  });

  it('a custom factory password works', async () => {
    const { user, password } = await makeUser(ctx.db, { password: 'another secret 123' });
    expect(password).toBe('another secret 123');
    await users.verifyCredentials(ctx.db, user.username, password);
    await domainError(users.verifyCredentials(ctx.db, user.username, DEFAULT_PASSWORD), 'UNAUTHORIZED');
  });
});

describe('access control', () => {
  it('getUser: self and admin; another candidate NOT_FOUND; anonymous UNAUTHORIZED', async () => {
    const me = await makeUser(ctx.db);
    const other = await makeUser(ctx.db);
    const admin = await makeAdmin(ctx.db);
    expect(await users.getUser(ctx.db, me.actor, me.user.id)).toEqual(me.user);
    expect(await users.getUser(ctx.db, admin.actor, me.user.id)).toEqual(me.user);
    await domainError(users.getUser(ctx.db, other.actor, me.user.id), 'NOT_FOUND');
    await domainError(users.getUser(ctx.db, null, me.user.id), 'UNAUTHORIZED');
  });

  it('updateUser: self and admin; another candidate NOT_FOUND; anonymous UNAUTHORIZED', async () => {
    const me = await makeUser(ctx.db);
    const other = await makeUser(ctx.db);
    const admin = await makeAdmin(ctx.db);
    const name = `renamed_${unique()}`;
    expect((await users.updateUser(ctx.db, me.actor, me.user.id, { username: name })).username).toBe(name);
    await domainError(users.updateUser(ctx.db, other.actor, me.user.id, { username: 'hijack' }), 'NOT_FOUND');
    await domainError(users.updateUser(ctx.db, null, me.user.id, { username: 'hijack' }), 'UNAUTHORIZED');
    const byAdmin = await users.updateUser(ctx.db, admin.actor, me.user.id, {
      roles: ['candidate', 'admin'],
    });
    expect(byAdmin.roles).toEqual(['admin', 'candidate']);
  });

  it('deleteUser: self and admin; another candidate NOT_FOUND; anonymous UNAUTHORIZED', async () => {
    const me = await makeUser(ctx.db);
    const other = await makeUser(ctx.db);
    const admin = await makeAdmin(ctx.db);
    await domainError(users.deleteUser(ctx.db, other.actor, me.user.id), 'NOT_FOUND');
    await domainError(users.deleteUser(ctx.db, null, me.user.id), 'UNAUTHORIZED');
    await users.deleteUser(ctx.db, me.actor, me.user.id);
    expect(await uq.findUserById(ctx.db, me.user.id)).toBeUndefined();
    await users.deleteUser(ctx.db, admin.actor, other.user.id);
    expect(await uq.findUserById(ctx.db, other.user.id)).toBeUndefined();
    await domainError(users.deleteUser(ctx.db, admin.actor, other.user.id), 'NOT_FOUND');
  });

  it('listUsers and createUser are admin-only', async () => {
    const me = await makeUser(ctx.db);
    const admin = await makeAdmin(ctx.db);
    await domainError(users.listUsers(ctx.db, me.actor, listUsersInput.parse({})), 'FORBIDDEN');
    await domainError(users.listUsers(ctx.db, null, listUsersInput.parse({})), 'UNAUTHORIZED');
    await domainError(users.createUser(ctx.db, me.actor, fresh()), 'FORBIDDEN');
    await domainError(users.createUser(ctx.db, null, fresh()), 'UNAUTHORIZED');
    const made = await users.createUser(ctx.db, admin.actor, { ...fresh(), roles: ['admin'], active: false });
    expect(made).toMatchObject({ roles: ['admin'], active: false });
    const plain = await users.createUser(ctx.db, admin.actor, fresh());
    expect(plain).toMatchObject({ roles: ['candidate'], active: true });
  });

  it('a candidate cannot set roles or active (FORBIDDEN) and nothing changes', async () => {
    const me = await makeUser(ctx.db);
    const e1 = await domainError(
      users.updateUser(ctx.db, me.actor, me.user.id, { roles: ['admin'] }),
      'FORBIDDEN',
    );
    expect(e1.message).toContain('roles');
    const e2 = await domainError(
      users.updateUser(ctx.db, me.actor, me.user.id, { active: false, username: 'changed_too' }),
      'FORBIDDEN',
    );
    expect(e2.message).toContain('active');
    expect(await users.getUser(ctx.db, me.actor, me.user.id)).toEqual(me.user);
  });

  it('changing to an email that exists (other case) is CONFLICT', async () => {
    const a = await makeUser(ctx.db);
    const b = await makeUser(ctx.db);
    await domainError(
      users.updateUser(ctx.db, b.actor, b.user.id, {
        email: a.user.email.toUpperCase(),
        current_password: b.password,
      }),
      'CONFLICT',
    );
  });
});

describe('passwords and logins', () => {
  it('changing your own password needs current_password, and ends your other logins', async () => {
    const { user, actor, password } = await makeUser(ctx.db);
    const here = await auth.issue(user.id);
    const elsewhere = await auth.issue(user.id);
    const me = { ...actor, sessionId: here.sessionId };

    const missing = await domainError(
      users.updateUser(ctx.db, me, user.id, { password: 'a brand new password' }),
      'VALIDATION',
    );
    expect(missing.message).toContain('current_password');
    expect(missing.issues[0]?.path).toEqual(['current_password']);
    const wrong = await domainError(
      users.updateUser(ctx.db, me, user.id, {
        password: 'a brand new password',
        current_password: 'nope nope',
      }),
      'VALIDATION',
    );
    expect(wrong.issues[0]?.path).toEqual(['current_password']);
    // both logins still alive after the refusals
    expect(await auth.validate(elsewhere.token)).not.toBeNull();

    await users.updateUser(ctx.db, me, user.id, {
      password: 'a brand new password',
      current_password: password,
    });
    expect(await auth.validate(here.token)).not.toBeNull();
    expect(await auth.validate(elsewhere.token)).toBeNull();
    await users.verifyCredentials(ctx.db, user.email, 'a brand new password');
    await domainError(users.verifyCredentials(ctx.db, user.email, password), 'UNAUTHORIZED');
  });

  it('an admin resets a password without current_password, and every login of that user ends', async () => {
    const { user } = await makeUser(ctx.db);
    const admin = await makeAdmin(ctx.db);
    const t = await auth.issue(user.id);
    await users.updateUser(ctx.db, admin.actor, user.id, { password: 'set by the admin' });
    expect(await auth.validate(t.token)).toBeNull();
    await users.verifyCredentials(ctx.db, user.email, 'set by the admin');
  });

  it('deactivating a user ends all their logins and refuses new ones', async () => {
    const { user, password } = await makeUser(ctx.db);
    const admin = await makeAdmin(ctx.db);
    const t1 = await auth.issue(user.id);
    const t2 = await auth.issue(user.id);
    const updated = await users.updateUser(ctx.db, admin.actor, user.id, { active: false });
    expect(updated.active).toBe(false);
    expect(await auth.validate(t1.token)).toBeNull();
    expect(await auth.validate(t2.token)).toBeNull();
    const left = await ctx.db
      .selectFrom('auth_sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(left).toEqual([]);
    await domainError(users.verifyCredentials(ctx.db, user.email, password), 'FORBIDDEN');
  });
});

describe('listing', () => {
  it('limit / offset / total, newest first, stable; search by email or username', async () => {
    const admin = await makeAdmin(ctx.db);
    const tag = `pg${unique()}`;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await makeUser(ctx.db, { username: `${tag}_${i}` })).user.id);
    const got: string[] = [];
    for (const offset of [0, 2, 4]) {
      const p = await users.listUsers(
        ctx.db,
        admin.actor,
        listUsersInput.parse({ q: tag, limit: 2, offset }),
      );
      expect(p).toMatchObject({ total: 5, limit: 2, offset });
      got.push(...p.items.map((u) => u.id));
    }
    expect(got).toEqual([...made].reverse());
    const byEmail = await makeUser(ctx.db, { email: `${tag}-x@example.test` });
    const found = await users.listUsers(ctx.db, admin.actor, listUsersInput.parse({ q: `${tag}-x@` }));
    expect(found.items.map((u) => u.id)).toEqual([byEmail.user.id]);
    expect(() => listUsersInput.parse({ limit: 101 })).toThrow();
    expect(listUsersInput.parse({ limit: '100' }).limit).toBe(100);
  });
});

describe('deleting a user', () => {
  it('removes their sessions, feedback, logins and private jobs, but not the public jobs they created', async () => {
    const keeper = await makeAdmin(ctx.db);
    const gone = await makeAdmin(ctx.db);
    const candidate = await makeUser(ctx.db);

    const publicJob = await makeJob(ctx.db, gone.actor);
    const privateJob = await makeJob(ctx.db, gone.actor, { visibility: 'private' });
    const s = await makeSession(ctx, gone.actor, {
      job_description_id: privateJob.id,
      question_count: 2,
      start: true,
    });
    const fb = await feedback.submitAnswer(ctx, gone.actor, { session_id: s.id, answer: STRONG_ANSWER });
    const token = await auth.issue(gone.user.id);
    // someone else's session on the public job survives
    const theirs = await makeSession(ctx, candidate.actor, {
      job_description_id: publicJob.id,
      question_count: 1,
    });

    await users.deleteUser(ctx.db, keeper.actor, gone.user.id);

    const count = async (table: 'interview_sessions' | 'feedback' | 'auth_sessions' | 'user_roles') =>
      (await ctx.db.selectFrom(table).select('user_id').where('user_id', '=', gone.user.id).execute()).length;
    expect(await count('interview_sessions')).toBe(0);
    expect(await count('feedback')).toBe(0);
    expect(await count('auth_sessions')).toBe(0);
    expect(await count('user_roles')).toBe(0);
    expect(
      await ctx.db.selectFrom('feedback').select('id').where('id', '=', fb.feedback.id).execute(),
    ).toEqual([]);
    expect(
      await ctx.db.selectFrom('session_questions').select('id').where('session_id', '=', s.id).execute(),
    ).toEqual([]);
    await domainError(jobs.getJob(ctx.db, keeper.actor, privateJob.id), 'NOT_FOUND');
    const stillPublic = await jobs.getJob(ctx.db, null, publicJob.id);
    expect(stillPublic.created_by).toBeNull();
    expect(stillPublic.visibility).toBe('public');
    expect(await auth.validate(token.token)).toBeNull();
    expect(
      (await ctx.db.selectFrom('interview_sessions').select('id').where('id', '=', theirs.id).execute())
        .length,
    ).toBe(1);
  });
});

describe('ensureAdmin', () => {
  it('creates the admin once: running it twice leaves one user with the admin role', async () => {
    const email = `boot${unique()}@example.test`;
    const first = await users.ensureAdmin(ctx.db, { email, password: 'bootstrap password' });
    const second = await users.ensureAdmin(ctx.db, {
      email: email.toUpperCase(),
      password: 'bootstrap password',
    });
    expect(first.outcome).toBe('created');
    expect(second).toMatchObject({ outcome: 'unchanged', passwordReset: false });
    expect(second.user.id).toBe(first.user.id);
    expect(first.user.roles).toContain('admin');
    const rows = await ctx.db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .execute();
    expect(rows).toHaveLength(1);
    await users.verifyCredentials(ctx.db, email, 'bootstrap password');
  });

  it('promotes (and reactivates) an existing candidate, keeping their roles', async () => {
    const { user } = await makeUser(ctx.db, { active: false });
    const promoted = await users.ensureAdmin(ctx.db, { email: user.email, password: 'irrelevant' });
    expect(promoted.outcome).toBe('promoted');
    expect(promoted.user.id).toBe(user.id);
    expect(promoted.user.roles).toEqual(['admin', 'candidate']);
    expect(promoted.user.active).toBe(true);
  });

  it('reactivates a deactivated admin, and says so', async () => {
    const { user } = await makeAdmin(ctx.db, { active: false });
    const back = await users.ensureAdmin(ctx.db, { email: user.email, password: 'irrelevant' });
    expect(back.outcome).toBe('reactivated');
    expect(back.user.active).toBe(true);
  });

  it('gives a promoted account the configured password, so whoever registered the email first cannot keep theirs', async () => {
    const squatter = await makeUser(ctx.db, { password: 'squatter password' });
    const issued = await new TokenAuth(ctx.db).issue(squatter.user.id);
    const result = await users.ensureAdmin(ctx.db, {
      email: squatter.user.email,
      password: 'operator password',
    });
    expect(result).toMatchObject({ outcome: 'promoted', passwordReset: true });
    await users.verifyCredentials(ctx.db, squatter.user.email, 'operator password');
    await domainError(
      users.verifyCredentials(ctx.db, squatter.user.email, 'squatter password'),
      'UNAUTHORIZED',
    );
    expect(await new TokenAuth(ctx.db).validate(issued.token)).toBeNull();
  });

  it('holds the email and password to the rules register does (pnpm create-admin passes them unchecked)', async () => {
    const bad = await domainError(
      users.ensureAdmin(ctx.db, { email: 'not-an-email', password: 'x' }),
      'VALIDATION',
    );
    expect(bad.issues.map((i) => i.path.join('.'))).toEqual(['email', 'password']);
    expect(bad.message).toBe('email: must be a valid email address');
    // an existing account is not given a password nobody could set through the API
    const { user } = await makeUser(ctx.db);
    const short = await domainError(
      users.ensureAdmin(ctx.db, { email: user.email, password: 'short' }),
      'VALIDATION',
    );
    expect(short.issues).toEqual([{ path: ['password'], message: 'must be at least 8 characters' }]);
    await users.verifyCredentials(ctx.db, user.email, DEFAULT_PASSWORD);
    expect((await users.getUser(ctx.db, { id: user.id, roles: ['admin'] }, user.id)).roles).toEqual([
      'candidate',
    ]);
  });
});

describe('the last active admin', () => {
  it('cannot be deleted, demoted or deactivated (CONFLICT), and nothing changes', async () => {
    const admin = await makeAdmin(ctx.db);
    await makeAdmin(ctx.db, { active: false }); // inactive admins do not count
    // "last" is about the whole database: retire the admins other tests left behind (tests in a file run in order)
    await ctx.db
      .updateTable('users')
      .set({ active: false })
      .where('id', '<>', admin.user.id)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('user_roles')
          .innerJoin('roles', 'roles.id', 'user_roles.role_id')
          .select('user_roles.user_id')
          .where('roles.name', '=', 'admin'),
      )
      .execute();
    expect(await uq.countActiveAdmins(ctx.db)).toBe(1);

    const del = await domainError(users.deleteUser(ctx.db, admin.actor, admin.user.id), 'CONFLICT');
    expect(del.message).toMatch(/last active admin/);
    await domainError(
      users.updateUser(ctx.db, admin.actor, admin.user.id, { roles: ['candidate'] }),
      'CONFLICT',
    );
    await domainError(users.updateUser(ctx.db, admin.actor, admin.user.id, { active: false }), 'CONFLICT');

    const row = await uq.findUserById(ctx.db, admin.user.id);
    expect(row?.roles).toEqual(['admin', 'candidate']);
    expect(row?.active).toBe(true);
    expect(await uq.countActiveAdmins(ctx.db)).toBe(1);

    // with a second active admin, the first may step down; then the second is the last one
    const second = await makeAdmin(ctx.db);
    const demoted = await users.updateUser(ctx.db, second.actor, admin.user.id, { roles: ['candidate'] });
    expect(demoted.roles).toEqual(['candidate']);
    await domainError(users.deleteUser(ctx.db, second.actor, second.user.id), 'CONFLICT');
    await users.deleteUser(ctx.db, second.actor, admin.user.id);
    expect(await uq.findUserById(ctx.db, admin.user.id)).toBeUndefined();
  });
});
