import type { Kysely } from 'kysely';
import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import type { Database } from '../db/types.ts';
import type { RoleName } from '../enums.ts';
import * as q from '../queries/auth-sessions.ts';

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

/**
 * Lucia v3 ships no Kysely adapter; this is ours (its SQL is in queries/auth-sessions.ts).
 * Session ids are SHA-256 hashes of the bearer tokens (`hashToken` in auth.ts).
 */
export class KyselyLuciaAdapter implements Adapter {
  constructor(private readonly db: Kysely<Database>) {}

  /** Session, user and roles in one round trip: authentication costs one query. */
  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const [row] = await q.findSessionAndUser(this.db, { sessionId });
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
    const rows = await q.listAuthSessionsOfUser(this.db, userId);
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      expiresAt: new Date(r.expires_at),
      attributes: { absolute_expires_at: new Date(r.absolute_expires_at) },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const attrs = session.attributes as unknown as AuthSessionAttributes;
    await q.insertAuthSession(this.db, {
      id: session.id,
      user_id: session.userId,
      expires_at: session.expiresAt,
      absolute_expires_at: attrs.absolute_expires_at,
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await q.slideAuthSession(this.db, sessionId, expiresAt);
  }

  async deleteSession(sessionId: string): Promise<void> {
    await q.deleteAuthSession(this.db, sessionId);
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await q.deleteAuthSessionsOfUser(this.db, userId);
  }

  async deleteExpiredSessions(): Promise<void> {
    await q.deleteExpiredAuthSessions(this.db);
  }
}
