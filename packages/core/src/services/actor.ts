import type { RoleName } from '../enums.ts';
import { forbidden, unauthorized } from '../errors.ts';

/** Who is acting. Every service takes it explicitly and decides access itself. */
export interface Actor {
  id: string;
  roles: RoleName[];
  /** The login session behind this request, so "log out everywhere else" can spare it. */
  sessionId?: string | undefined;
}
export type MaybeActor = Actor | null;

export const isAdmin = (actor: MaybeActor): boolean => Boolean(actor?.roles.includes('admin'));

export function requireActor(actor: MaybeActor): Actor {
  if (!actor) throw unauthorized();
  return actor;
}

export function requireAdmin(actor: MaybeActor): Actor {
  const a = requireActor(actor);
  if (!isAdmin(a)) throw forbidden('Admins only');
  return a;
}

/** Owner or admin may see it; anyone else is told it does not exist (SPEC §5). */
export const canSee = (actor: MaybeActor, ownerId: string | null): boolean =>
  Boolean(actor && (isAdmin(actor) || actor.id === ownerId));
