import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewUserRow, UserRow, UserUpdate } from '../db/types.ts';
import type { RoleName } from '../enums.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type UserWithRoles = UserRow & { roles: RoleName[] };

/**
 * The roles of the user whose id is the column `userId` ("users.id", "u.id"), as an array in
 * the same row: one round trip per user read (here, and for every authenticated request).
 */
export const rolesOf = (userId: string) => sql<RoleName[]>`array(
  SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id
  WHERE ur.user_id = ${sql.ref(userId)} ORDER BY r.name)`;

const selectUsers = (db: Db) =>
  db.selectFrom('users').selectAll('users').select(rolesOf('users.id').as('roles'));

export const findUserById = (db: Db, id: string): Promise<UserWithRoles | undefined> =>
  selectUsers(db).where('users.id', '=', id).executeTakeFirst();

/** Login accepts an email or a username, both case-insensitively. */
export const findUserByLogin = (db: Db, login: string): Promise<UserWithRoles | undefined> =>
  selectUsers(db)
    .where((eb) =>
      eb.or([
        eb(sql`lower(users.email)`, '=', login.toLowerCase()),
        eb(sql`lower(users.username)`, '=', login.toLowerCase()),
      ]),
    )
    .executeTakeFirst();

export async function listUsers(
  db: Db,
  opts: { limit: number; offset: number; q?: string | undefined },
): Promise<{ items: UserWithRoles[]; total: number }> {
  let base = db.selectFrom('users');
  if (opts.q) {
    const pattern = `%${escapeLike(opts.q)}%`;
    base = base.where((eb) =>
      eb.or([eb('users.email', 'ilike', pattern), eb('users.username', 'ilike', pattern)]),
    );
  }
  const [items, count] = await Promise.all([
    base
      .selectAll('users')
      .select(rolesOf('users.id').as('roles'))
      .orderBy('users.created_at', 'desc')
      .orderBy('users.seq', 'desc')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.n };
}

export const insertUser = (db: Db, row: NewUserRow) =>
  db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();

export const updateUserRow = (db: Db, id: string, patch: UserUpdate) =>
  db
    .updateTable('users')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();

export async function setUserRoles(db: Db, userId: string, roles: RoleName[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto('user_roles')
    .columns(['user_id', 'role_id'])
    .expression((eb) =>
      eb
        .selectFrom('roles')
        .select([eb.val(userId).as('user_id'), 'roles.id'])
        .where('roles.name', 'in', roles),
    )
    .execute();
}

/**
 * Locks a user's sessions, then the user's row, until the transaction ends: the order in which an
 * answer (or a start, an end) takes them — its session FOR UPDATE, then the user's row through a
 * foreign key — so a deletion waits for such a write instead of deadlocking with it; and any
 * write that references the user (a new private job) has committed, or waits for the deletion.
 */
export async function lockUserAndSessions(db: Db, id: string): Promise<void> {
  await db
    .selectFrom('interview_sessions')
    .select('id')
    .where('user_id', '=', id)
    .orderBy('id')
    .forUpdate()
    .execute();
  await db.selectFrom('users').select('id').where('id', '=', id).forUpdate().execute();
}

export const deleteUserRow = (db: Db, id: string) =>
  db.deleteFrom('users').where('id', '=', id).executeTakeFirst();

/**
 * Locks the admin role's row until the transaction ends: every change that can remove an admin
 * takes it first, so such changes run one after another and each counts the admins the previous
 * one left (under READ COMMITTED, two demotions could otherwise both count the other as admin).
 */
export async function lockAdminRole(db: Db): Promise<void> {
  await db.selectFrom('roles').select('id').where('name', '=', 'admin').forUpdate().execute();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .where('roles.name', '=', 'admin')
    .where('users.active', '=', true)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Escape LIKE wildcards so a search for "50%" means the text "50%". */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
