import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Lucia, TimeSpan } from 'lucia';
import type { Database } from '../db/types.ts';
import { DEFAULT_SESSION_ABSOLUTE_DAYS, DEFAULT_SESSION_TTL_HOURS } from '../defaults.ts';
import type { User } from '../schemas/users.ts';
import type { Actor } from '../services/actor.ts';
import { iso } from '../services/mappers.ts';
import { type AuthSessionAttributes, type AuthUserAttributes, KyselyLuciaAdapter } from './lucia-adapter.ts';

export interface AuthOptions {
  /** Idle lifetime; each use past its half slides it forward (lucia's rule). */
  sessionTtl?: TimeSpan;
  /** Hard cap from login, however active the session. */
  absoluteTtlMs?: number;
  /** Secure cookie (production). */
  secureCookie?: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

/** The cookie that carries a login's token in the browser (the server sets and clears it). */
export const SESSION_COOKIE = 'ai_session';

/** 32 random bytes (256 bits) as base64url: the token the client holds. */
export const newToken = () => randomBytes(32).toString('base64url');
/** What the database stores and lucia sees as the session id: a leaked table holds no usable token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createLucia(db: Kysely<Database>, opts: AuthOptions = {}) {
  return new Lucia(new KyselyLuciaAdapter(db), {
    sessionExpiresIn: opts.sessionTtl ?? new TimeSpan(DEFAULT_SESSION_TTL_HOURS, 'h'),
    sessionCookie: {
      name: SESSION_COOKIE,
      expires: true,
      attributes: { secure: opts.secureCookie ?? false, sameSite: 'lax' },
    },
    getUserAttributes: (a) => a,
    getSessionAttributes: (a) => a,
  });
}
export type AppLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: AppLucia;
    DatabaseUserAttributes: AuthUserAttributes;
    DatabaseSessionAttributes: AuthSessionAttributes;
  }
}

export interface IssuedToken {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

/** Token auth on top of lucia: issue, validate (one query), revoke. */
export class TokenAuth {
  readonly lucia: AppLucia;
  private readonly absoluteTtlMs: number;

  constructor(db: Kysely<Database>, opts: AuthOptions = {}) {
    this.lucia = createLucia(db, opts);
    this.absoluteTtlMs = opts.absoluteTtlMs ?? DEFAULT_SESSION_ABSOLUTE_DAYS * DAY_MS;
  }

  async issue(userId: string): Promise<IssuedToken> {
    const token = newToken();
    const absoluteExpiresAt = new Date(Date.now() + this.absoluteTtlMs);
    const session = await this.lucia.createSession(
      userId,
      { absolute_expires_at: absoluteExpiresAt },
      { sessionId: hashToken(token) },
    );
    return { token, sessionId: session.id, expiresAt: this.capped(session.expiresAt, absoluteExpiresAt) };
  }

  /** The actor behind a token, or null (unknown, expired, past its absolute cap, deactivated user). */
  async validate(
    token: string,
  ): Promise<{ actor: Actor; user: User; expiresAt: Date; refreshed: boolean } | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const { session, user } = await this.lucia.validateSession(hashToken(token));
    if (!session || !user) return null;
    if (session.absolute_expires_at.getTime() <= Date.now() || !user.active) {
      await this.lucia.invalidateSession(session.id);
      return null;
    }
    return {
      actor: { id: user.id, roles: user.roles, sessionId: session.id },
      user: {
        id: user.id,
        email: user.email,
        username: user.username,
        active: user.active,
        roles: user.roles,
        created_at: iso(user.created_at),
      },
      expiresAt: this.capped(session.expiresAt, session.absolute_expires_at),
      refreshed: session.fresh,
    };
  }

  /**
   * The expiry the database holds: lucia computes "now + TTL" when it slides a session forward,
   * but the adapter stores it capped at the absolute expiry, and the cookie must say the same.
   */
  private capped(expiresAt: Date, absoluteExpiresAt: Date): Date {
    return expiresAt.getTime() > absoluteExpiresAt.getTime() ? absoluteExpiresAt : expiresAt;
  }

  revoke(token: string): Promise<void> {
    return this.lucia.invalidateSession(hashToken(token));
  }
}
