import { type Kysely, sql } from 'kysely';
import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import { prepare } from '../db/prepared.ts';
import type { Database } from '../db/types.ts';
import type { RoleName } from '../enums.ts';

export interface AuthUserAttributes {
  email: string;
  username: string;
  active: boolean;
  roles: RoleName[];
  created_at: Date;
}
export interface AuthSessionAttributes {
  absolute_expires_at: Date;
}

/** Every authenticated request runs this, so it is compiled once (db/prepared.ts). */
const sessionAndUser = prepare((db, p: { sessionId: string }) =>
  db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.expires_at',
      's.absolute_expires_at',
      'u.id as user_id',
      'u.email',
      'u.username',
      'u.active',
      'u.created_at',
    ])
    .select(
      sql<RoleName[]>`array(SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id
          WHERE ur.user_id = u.id ORDER BY r.name)`.as('roles'),
    )
    .where('s.id', '=', p.sessionId),
);

/**
 * Lucia v3 ships no Kysely adapter; this is ours.
 * Session ids are SHA-256 hashes of the bearer tokens (see tokens.ts).
 */
export class KyselyLuciaAdapter implements Adapter {
  constructor(private readonly db: Kysely<Database>) {}

  /** Session, user and roles in one round trip: authentication costs one query. */
  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const [row] = await sessionAndUser(this.db, { sessionId });
    if (!row) return [null, null];
    return [
      {
        id: row.session_id,
        userId: row.user_id,
        expiresAt: new Date(row.expires_at),
        attributes: { absolute_expires_at: new Date(row.absolute_expires_at) },
      },
      {
        id: row.user_id,
        attributes: {
          email: row.email,
          username: row.username,
          active: row.active,
          roles: row.roles,
          created_at: new Date(row.created_at),
        },
      },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db
      .selectFrom('auth_sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      expiresAt: new Date(r.expires_at),
      attributes: { absolute_expires_at: new Date(r.absolute_expires_at) },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const attrs = session.attributes as unknown as AuthSessionAttributes;
    await this.db
      .insertInto('auth_sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        expires_at: session.expiresAt,
        absolute_expires_at: attrs.absolute_expires_at,
      })
      .execute();
  }

  /** Sliding expiry never passes the absolute cap. */
  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('auth_sessions')
      .set({ expires_at: sql`least(${expiresAt}::timestamptz, absolute_expires_at)` })
      .where('id', '=', sessionId)
      .execute();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db
      .deleteFrom('auth_sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', new Date()), eb('absolute_expires_at', '<=', new Date())]))
      .execute();
  }
}
