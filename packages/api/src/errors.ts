import {
  toDomainError as coreToDomainError,
  DomainError,
  errorCodeFromTrpc,
  type SchemaIssue,
  validationError,
} from '@ai-interviewer/core';
import { StandardSchemaV1Error, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

/**
 * Turns anything a procedure threw into a DomainError, so tRPC and REST report it the same way.
 * Called once per failed call, at the edge: by the error formatter (tRPC) and by the REST
 * adapter. This part knows tRPC (its wrapper, its Standard Schema input errors, its protocol
 * errors); everything else is core's one translation (DomainError, zod, database errors).
 */
export function toDomainError(error: unknown): DomainError {
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  if (cause instanceof StandardSchemaV1Error) return validationError(cause.issues as readonly SchemaIssue[]);
  const domain = coreToDomainError(cause);
  if (domain.code !== 'INTERNAL' || !(error instanceof TRPCError)) return domain;
  // not ours: tRPC's own error, e.g. a body that is not JSON (PARSE_ERROR, its cause a SyntaxError)
  const code = errorCodeFromTrpc(error.code);
  if (code !== 'INTERNAL') return new DomainError(code, error.message);
  // tRPC's own protocol errors (wrong method, unsupported media type…) are client mistakes, never a 500
  if (getHTTPStatusCodeFromError(error) < 500) return new DomainError('VALIDATION', error.message);
  return domain;
}
