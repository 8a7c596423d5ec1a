import {
  toDomainError as coreToDomainError,
  DomainError,
  errorCodeFromTrpc,
  type FieldIssue,
} from '@ai-interviewer/core';
import { StandardSchemaV1Error, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

type Issue = { path?: readonly unknown[]; message: string; code?: string; keys?: string[] };

/** zod's issues (from a ZodError, or through tRPC's Standard Schema error) as named fields. */
function fieldIssues(issues: readonly Issue[]): FieldIssue[] {
  return issues.flatMap((i) => {
    const path = (i.path ?? []).map((p) =>
      typeof p === 'object' && p !== null && 'key' in p ? (p as { key: PropertyKey }).key : p,
    ) as PropertyKey[];
    const named = path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
    // zod reports unknown keys once, on their parent: name each key as its own field
    if (i.code === 'unrecognized_keys' && i.keys)
      return i.keys.map((key) => ({ path: [...named, key], message: 'is not a known field' }));
    return [{ path: named, message: i.message }];
  });
}

/**
 * Turns anything a procedure threw into a DomainError, so tRPC and REST report it the same way.
 * Called once per failed call, at the edge: by the error formatter (tRPC) and by the REST
 * adapter. This part knows tRPC (its wrapper, its Standard Schema input errors, its protocol
 * errors); everything else is core's one translation (DomainError, zod, database errors).
 */
export function toDomainError(error: unknown): DomainError {
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  if (cause instanceof StandardSchemaV1Error) {
    const issues = fieldIssues(cause.issues as readonly Issue[]);
    const first = issues[0];
    const msg = first ? `${first.path.join('.') || 'input'}: ${first.message}` : 'Invalid input';
    return new DomainError('VALIDATION', msg, issues);
  }
  const domain = coreToDomainError(cause);
  if (domain.code !== 'INTERNAL' || !(error instanceof TRPCError)) return domain;
  // not ours: tRPC's own error, e.g. a body that is not JSON (PARSE_ERROR, its cause a SyntaxError)
  const code = errorCodeFromTrpc(error.code);
  if (code !== 'INTERNAL') return new DomainError(code, error.message);
  // tRPC's own protocol errors (wrong method, unsupported media type…) are client mistakes, never a 500
  if (getHTTPStatusCodeFromError(error) < 500) return new DomainError('VALIDATION', error.message);
  return domain;
}
