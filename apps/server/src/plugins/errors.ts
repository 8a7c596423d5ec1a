import { toDomainError } from '@ai-interviewer/api';
import { DomainError, errorCodeTable, MAX_BODY_BYTES } from '@ai-interviewer/core';
import type { FastifyError, FastifyReply } from 'fastify';

/** The JSON error shape of SPEC §6, for every non-tRPC answer: `{"error": {code, message, issues, details?}}`. */
export const errorBody = (error: DomainError) => ({
  error: {
    code: error.code,
    message: error.message,
    issues: error.issues,
    ...(error.details !== undefined && { details: error.details }),
  },
});

/** An error answered on a route (with Retry-After when it says when to come back). */
export function sendError(reply: FastifyReply, error: DomainError) {
  const retryAfter = error.details?.retry_after;
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return reply.status(errorCodeTable[error.code].http).send(errorBody(error));
}

/** A body that is not JSON where JSON is expected (a wrong or missing Content-Type). */
export const notJson = () => new DomainError('VALIDATION', 'Send JSON with Content-Type: application/json');

/** "1 MiB", "4.5 MiB", "512 KiB": a body limit as a person reads it. */
const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`
    : `${Math.round((bytes / 1024) * 10) / 10} KiB`;

/**
 * Fastify's own client errors (bad JSON, body too large, bad content type) keep their 4xx.
 * `bodyLimit`: the route's (a recording's is larger than a JSON body's), named in a 413.
 */
export function domainErrorOfFastify(error: FastifyError | Error, bodyLimit = MAX_BODY_BYTES): DomainError {
  const fe = error as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
    return new DomainError('PAYLOAD_TOO_LARGE', `The request body is too large (max ${sizeOf(bodyLimit)})`);
  }
  if (fe.code === 'FST_ERR_BAD_URL') {
    return new DomainError('VALIDATION', 'The path is not a valid URL: a malformed percent-encoding');
  }
  if (fe.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return new DomainError('VALIDATION', 'The path is not a valid URL: a part of it is too long');
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) return notJson();
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && !(error instanceof DomainError)) {
    return new DomainError(
      'VALIDATION',
      fe.message.replace(/^Body is not valid JSON.*$/s, 'The body is not valid JSON'),
    );
  }
  return toDomainError(error);
}
