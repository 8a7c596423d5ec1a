import { ZodError } from 'zod';
import { translateDbError } from './db/errors.ts';
import { DomainError, type FieldIssue } from './errors.ts';

/**
 * Turns anything a call threw into the DomainError the client gets. The edge (tRPC's formatter,
 * the REST error handler) calls this once; services let database errors through untranslated.
 * What it does not recognise is a fault of ours: INTERNAL, never its message.
 */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof ZodError) return validationError(error);
  const translated = translateDbError(error);
  if (translated instanceof DomainError) return translated;
  return new DomainError('INTERNAL', 'Something went wrong on our side');
}

/** A zod failure as a 400 naming each bad field the way the client sent it. */
export function validationError(error: ZodError): DomainError {
  const issues: FieldIssue[] = error.issues.flatMap((i) => {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // zod reports unknown keys once, on their parent: name each key as its own field
    if (i.code === 'unrecognized_keys')
      return i.keys.map((key) => ({ path: [...path, key], message: 'is not a known field' }));
    return [{ path, message: i.message }];
  });
  const first = issues[0];
  const msg = first ? `${first.path.join('.') || 'input'}: ${first.message}` : 'Invalid input';
  return new DomainError('VALIDATION', msg, issues);
}
