import type { SessionStatus } from './enums.ts';

/**
 * The one domain error type. Every layer above core (tRPC, REST) maps `code` through
 * `errorCodeTable` and nowhere else, so a code always means the same status everywhere.
 */
export const errorCodeTable = {
  VALIDATION: { http: 400, trpc: 'BAD_REQUEST' },
  UNAUTHORIZED: { http: 401, trpc: 'UNAUTHORIZED' },
  FORBIDDEN: { http: 403, trpc: 'FORBIDDEN' },
  NOT_FOUND: { http: 404, trpc: 'NOT_FOUND' },
  CONFLICT: { http: 409, trpc: 'CONFLICT' },
  PAYLOAD_TOO_LARGE: { http: 413, trpc: 'PAYLOAD_TOO_LARGE' },
  RATE_LIMITED: { http: 429, trpc: 'TOO_MANY_REQUESTS' },
  UNAVAILABLE: { http: 503, trpc: 'SERVICE_UNAVAILABLE' },
  INTERNAL: { http: 500, trpc: 'INTERNAL_SERVER_ERROR' },
} as const satisfies Record<string, { http: number; trpc: string }>;

export type ErrorCode = keyof typeof errorCodeTable;
export type TrpcErrorCode = (typeof errorCodeTable)[ErrorCode]['trpc'];

/** One bad field: `path` names it the way the client sent it (e.g. ["email"]). */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Facts a client acts on, sent beside the message (tRPC `data.details`, REST `error.details`) so
 * that no client parses the message text.
 */
export interface ErrorDetails {
  /** RATE_LIMITED: seconds until trying again can succeed (also sent as Retry-After). */
  retry_after?: number;
  /** CONFLICT with a session's lifecycle: the status the session is in now. */
  state?: SessionStatus;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') =>
  new DomainError('FORBIDDEN', message);
export const conflict = (message: string, details?: ErrorDetails) =>
  new DomainError('CONFLICT', message, [], details);
export const unauthorized = (message = 'Authentication required') => new DomainError('UNAUTHORIZED', message);
/** 429 that says when to come back, in the message and as Retry-After. */
export const rateLimited = (message: string, retryAfterMs: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new DomainError('RATE_LIMITED', `${message}; try again in ${seconds} s`, [], {
    retry_after: seconds,
  });
};
export const invalidField = (field: string, message: string) =>
  new DomainError('VALIDATION', `${field}: ${message}`, [{ path: [field], message }]);

export function errorCodeFromTrpc(trpcCode: string): ErrorCode {
  const entry = Object.entries(errorCodeTable).find(([, v]) => v.trpc === trpcCode);
  return (entry?.[0] as ErrorCode | undefined) ?? 'INTERNAL';
}
