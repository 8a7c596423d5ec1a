import { ZodError } from 'zod';
import { translateDbError } from './db/errors.ts';
import { DomainError, type FieldIssue } from './errors.ts';
import { MAX_ERROR_ISSUES } from './limits.ts';

/**
 * Turns anything a call threw into the DomainError the client gets. The edge (tRPC's formatter,
 * the REST error handler) calls this once; services let database errors through untranslated.
 * What it does not recognise is a fault of ours: INTERNAL, never its message.
 */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof ZodError) return validationError(error.issues);
  const translated = translateDbError(error);
  if (translated instanceof DomainError) return translated;
  return new DomainError('INTERNAL', 'Something went wrong on our side');
}

/** One issue as zod reports it: a ZodError's, or the same through tRPC's Standard Schema error. */
export interface SchemaIssue {
  path?: readonly unknown[];
  message: string;
  code?: string;
  keys?: readonly string[];
}

/**
 * Schema issues as a 400 naming each bad field the way the client sent it: the first
 * MAX_ERROR_ISSUES of them, so that a body of 90,000 unknown keys is not answered with 5 MB of
 * issues (it was, in ~1 s of CPU, to anyone: register takes no login).
 */
export function validationError(schemaIssues: readonly SchemaIssue[]): DomainError {
  const issues: FieldIssue[] = [];
  for (const i of schemaIssues) {
    // Standard Schema paths may hold `{key}` segments
    const path = (i.path ?? []).map((p) => {
      const key = typeof p === 'object' && p !== null && 'key' in p ? (p as { key: unknown }).key : p;
      return typeof key === 'string' || typeof key === 'number' ? key : String(key);
    });
    // zod reports unknown keys once, on their parent: name each key as its own field
    if (i.code === 'unrecognized_keys' && i.keys) {
      for (const key of i.keys.slice(0, MAX_ERROR_ISSUES - issues.length))
        issues.push({ path: [...path, key], message: 'is not a known field' });
    } else issues.push({ path, message: i.message });
    if (issues.length >= MAX_ERROR_ISSUES) break;
  }
  const first = issues[0];
  const msg = first ? `${first.path.join('.') || 'input'}: ${first.message}` : 'Invalid input';
  return new DomainError('VALIDATION', msg, issues);
}
