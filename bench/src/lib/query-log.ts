/**
 * Counts the statements this process sends to PostgreSQL by wrapping `pg.Client#query`, the one
 * call every pool client (and so Kysely's PostgresDialect) goes through, BEGIN/COMMIT included.
 * Core and the bench resolve the same `pg` module, so an in-process server is counted exactly.
 */
import pg from 'pg';

export interface QueryLog {
  /** SQL text of every statement since the last reset. */
  readonly statements: string[];
  reset(): void;
  uninstall(): void;
}

export function installQueryLog(): QueryLog {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const statements: string[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    statements.push(typeof first === 'string' ? first : (first?.text ?? '(unknown)'));
    return original.apply(this, args);
  };
  return {
    statements,
    reset: () => {
      statements.length = 0;
    },
    uninstall: () => {
      proto.query = original;
    },
  };
}
