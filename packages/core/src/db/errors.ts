import { DomainError } from '../errors.ts';

interface PgError {
  code?: string;
  constraint?: string;
  message?: string;
}

const isPgError = (e: unknown): e is PgError =>
  typeof e === 'object' && e !== null && typeof (e as PgError).code === 'string';

/**
 * A unique constraint's name → the field it guards and what to tell the client. The one table:
 * services let database errors through, and the edge translates them once (`toDomainError`).
 */
export const UNIQUE_VIOLATIONS: Readonly<Record<string, { field: string; message: string }>> = {
  users_email_lower_key: { field: 'email', message: 'An account with this email already exists' },
  users_username_lower_key: { field: 'username', message: 'This username is taken' },
};

/**
 * Translate what PostgreSQL refuses into domain errors, so a client mistake the schema missed
 * is still a 4xx, and an outage is a 503, never a 500.
 */
export function translateDbError(e: unknown): unknown {
  if (e instanceof DomainError) return e;
  // Checked first: a socket error (ECONNREFUSED, …) also carries a string `code`.
  const down = connectionFailure(e);
  if (down) return down;
  if (!isPgError(e)) return e;
  const code = e.code ?? '';
  if (code === '23505') {
    const known = e.constraint ? UNIQUE_VIOLATIONS[e.constraint] : undefined;
    if (!known) return new DomainError('CONFLICT', 'This already exists');
    return new DomainError('CONFLICT', known.message, [{ path: [known.field], message: known.message }]);
  }
  if (code === '23503') return new DomainError('NOT_FOUND', 'A referenced record does not exist');
  // 22xxx data exceptions (bad number, out of range, NUL byte), 23514 check violation
  if (code.startsWith('22') || code === '23514' || code === '23502') {
    // The database's own message can name internals; the client gets a plain one.
    return new DomainError(
      'VALIDATION',
      'A value is not valid here (out of range, wrong type or a NUL byte)',
    );
  }
  // 57P01 admin shutdown, 57P03 cannot connect now, 08xxx connection exceptions, 53300 too many connections
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') {
    return new DomainError('UNAVAILABLE', 'The database is unavailable, please retry shortly');
  }
  if (code === '57014') return new DomainError('UNAVAILABLE', 'The database took too long to answer');
  // 40P01 deadlock, 40001 serialization failure: this request lost a race with another one; the
  // lock orders are meant to prevent it (users.deleteUser), and where one is missed it is not a 500
  if (code === '40P01' || code === '40001') {
    return new DomainError(
      'CONFLICT',
      'Another request changed the same data at the same moment: please retry',
    );
  }
  return e;
}

function connectionFailure(e: unknown): DomainError | null {
  if (!(e instanceof Error)) return null;
  const msg = e.message;
  const errno = (e as { code?: string }).code;
  if (
    errno === 'ECONNREFUSED' ||
    errno === 'ECONNRESET' ||
    errno === 'EPIPE' ||
    /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|connect ECONNREFUSED/i.test(
      msg,
    )
  ) {
    return new DomainError('UNAVAILABLE', 'The database is unavailable, please retry shortly');
  }
  return null;
}
