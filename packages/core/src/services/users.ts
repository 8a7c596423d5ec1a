import type { Kysely } from 'kysely';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../auth/password.ts';
import type { Database } from '../db/types.ts';
import type { RoleName } from '../enums.ts';
import { DomainError, forbidden, invalidField, notFound, unauthorized } from '../errors.ts';
import { deleteAuthSessionsOfUser } from '../queries/auth-sessions.ts';
import { deletePrivateJobsOf } from '../queries/jobs.ts';
import * as q from '../queries/users.ts';
import type { Page } from '../schemas/common.ts';
import { ensureAdminInput, type UpdateUserInput, type User } from '../schemas/users.ts';
import { canSee, isAdmin, type MaybeActor, requireActor, requireAdmin } from './actor.ts';
import { toUser } from './mappers.ts';

type Db = Kysely<Database>;

async function createAccount(
  db: Db,
  input: { email: string; username: string; password: string; roles?: RoleName[]; active?: boolean },
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const { id } = await q.insertUser(trx, {
      email: input.email,
      username: input.username,
      password_hash: passwordHash,
      active: input.active ?? true,
    });
    await q.setUserRoles(trx, id, input.roles ?? ['candidate']);
    return toUser((await q.findUserById(trx, id))!);
  });
}

/** Anyone may register; a new account is always a candidate. */
export const register = (db: Db, input: { email: string; username: string; password: string }) =>
  createAccount(db, input);

export async function createUser(
  db: Db,
  actor: MaybeActor,
  input: {
    email: string;
    username: string;
    password: string;
    roles?: RoleName[] | undefined;
    active?: boolean | undefined;
  },
): Promise<User> {
  requireAdmin(actor);
  return createAccount(db, { ...input, roles: input.roles ?? ['candidate'], active: input.active ?? true });
}

/**
 * Checks a login. The same error for an unknown account and a wrong password, and one
 * argon2 verification in both cases.
 */
export async function verifyCredentials(db: Db, login: string, password: string): Promise<User> {
  const row = await q.findUserByLogin(db, login);
  const ok = row ? await verifyPassword(row.password_hash, password) : await verifyAgainstDummy(password);
  if (!row || !ok) throw unauthorized('Invalid email/username or password');
  if (!row.active) throw forbidden('This account is deactivated');
  return toUser(row);
}

/** The account a login string names (email or username), so rate limits count per account. */
export async function accountIdForLogin(db: Db, login: string): Promise<string | null> {
  return (await q.findUserByLogin(db, login))?.id ?? null;
}

export async function getUser(db: Db, actor: MaybeActor, id: string): Promise<User> {
  requireActor(actor);
  const row = canSee(actor, id) ? await q.findUserById(db, id) : undefined;
  if (!row) throw notFound('User');
  return toUser(row);
}

export async function listUsers(
  db: Db,
  actor: MaybeActor,
  input: { limit: number; offset: number; q?: string | undefined },
): Promise<Page<User>> {
  requireAdmin(actor);
  const { items, total } = await q.listUsers(db, input);
  return { items: items.map(toUser), total, limit: input.limit, offset: input.offset };
}

export async function updateUser(
  db: Db,
  actor: MaybeActor,
  id: string,
  input: UpdateUserInput,
): Promise<User> {
  const me = requireActor(actor);
  const admin = isAdmin(me);
  const existing = canSee(me, id) ? await q.findUserById(db, id) : undefined;
  if (!existing) throw notFound('User');
  if (!admin && input.roles !== undefined) throw forbidden('roles: only an admin can change roles');
  if (!admin && input.active !== undefined)
    throw forbidden('active: only an admin can (de)activate an account');

  // Whoever holds a stolen token must not be able to take the account over: a new password or a
  // new email (the way to reset a password) on your own account needs the current password.
  const changingOwnEmail =
    me.id === id && input.email !== undefined && input.email.toLowerCase() !== existing.email.toLowerCase();
  const changingOwnPassword = me.id === id && input.password !== undefined;
  if (changingOwnPassword || changingOwnEmail) {
    const what = changingOwnPassword ? 'password' : 'email';
    if (!input.current_password) throw invalidField('current_password', `is required to change your ${what}`);
    if (!(await verifyPassword(existing.password_hash, input.current_password))) {
      throw invalidField('current_password', 'is not your current password');
    }
  }
  const losesAdmin =
    existing.roles.includes('admin') &&
    ((input.roles !== undefined && !input.roles.includes('admin')) || input.active === false);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;

  await db.transaction().execute(async (trx) => {
    if (losesAdmin) await q.lockAdminRole(trx);
    const updated = await q.updateUserRow(trx, id, {
      ...(input.email !== undefined && { email: input.email }),
      ...(input.username !== undefined && { username: input.username }),
      ...(passwordHash !== undefined && { password_hash: passwordHash }),
      ...(input.active !== undefined && { active: input.active }),
    });
    if (updated.numUpdatedRows === 0n) throw notFound('User'); // deleted since it was read
    if (input.roles !== undefined) await q.setUserRoles(trx, id, input.roles);
    // Counted after the lock above, so two admins cannot demote each other at once.
    if (losesAdmin && (await q.countActiveAdmins(trx)) === 0) {
      throw new DomainError('CONFLICT', 'This is the last active admin: promote another user first');
    }
  });
  // A new password or a deactivation ends the affected logins at once; your own current one survives a password change.
  if (passwordHash !== undefined)
    await deleteAuthSessionsOfUser(db, id, me.id === id ? me.sessionId : undefined);
  if (input.active === false) await deleteAuthSessionsOfUser(db, id);
  const row = await q.findUserById(db, id);
  if (!row) throw notFound('User'); // deleted meanwhile
  return toUser(row);
}

/** Deleting a user removes their data: sessions, feedback, logins (cascades) and their private jobs. */
export async function deleteUser(db: Db, actor: MaybeActor, id: string): Promise<void> {
  const me = requireActor(actor);
  const existing = canSee(me, id) ? await q.findUserById(db, id) : undefined;
  if (!existing) throw notFound('User');
  await db.transaction().execute(async (trx) => {
    if (existing.roles.includes('admin')) await q.lockAdminRole(trx); // see updateUser
    await q.lockUserAndSessions(trx, id);
    await deletePrivateJobsOf(trx, id);
    await q.deleteUserRow(trx, id);
    if (existing.roles.includes('admin') && (await q.countActiveAdmins(trx)) === 0) {
      throw new DomainError('CONFLICT', 'This is the last active admin: promote another user first');
    }
  });
}

/** What ensureAdmin did, so a start can say it. `reactivated`: was an admin, but deactivated. */
export type AdminOutcome = 'created' | 'promoted' | 'reactivated' | 'unchanged';

/** Create or promote the bootstrap admin (idempotent): used by ADMIN_EMAIL/ADMIN_PASSWORD and the CLI. */
export async function ensureAdmin(
  db: Db,
  unchecked: { email: string; password: string; username?: string },
): Promise<{ user: User; outcome: AdminOutcome; passwordReset: boolean }> {
  // the CLI passes its arguments as typed: a bad email or a short password is a 400 naming it
  const input = ensureAdminInput.parse(unchecked);
  const existing = await q.findUserByLogin(db, input.email);
  if (!existing) {
    const username = input.username ?? deriveUsername(input.email);
    const user = await createAccount(db, {
      email: input.email,
      username,
      password: input.password,
      roles: ['admin', 'candidate'],
    });
    return { user, outcome: 'created', passwordReset: false };
  }
  const roles = Array.from(new Set<RoleName>([...existing.roles, 'admin']));
  // Whoever registered the admin email first must not keep a password the operator does not know.
  const passwordKnown = await verifyPassword(existing.password_hash, input.password);
  const passwordHash = passwordKnown ? undefined : await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await q.setUserRoles(trx, existing.id, roles);
    await q.updateUserRow(trx, existing.id, {
      active: true,
      ...(passwordHash && { password_hash: passwordHash }),
    });
  });
  if (passwordHash) await deleteAuthSessionsOfUser(db, existing.id);
  const outcome: AdminOutcome = !existing.roles.includes('admin')
    ? 'promoted'
    : existing.active
      ? 'unchanged'
      : 'reactivated';
  return { user: toUser((await q.findUserById(db, existing.id))!), outcome, passwordReset: !passwordKnown };
}

const deriveUsername = (email: string) =>
  (email.split('@')[0] ?? 'admin')
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .padEnd(3, '_')
    .slice(0, 32);
