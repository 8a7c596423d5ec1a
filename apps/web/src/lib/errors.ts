import type { AppClientError } from '../trpc.ts';

/** What the SPA reads from a failed call: tRPC errors carry `data` from the server's error formatter. */
export interface ErrorLike {
  message: string;
  data?: Partial<NonNullable<AppClientError['data']>> | null | undefined;
}

export type FieldErrors = Record<string, string>;

type ErrorDetails = NonNullable<NonNullable<ErrorLike['data']>['details']>;

const isErrorLike = (e: unknown): e is ErrorLike =>
  typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';

export function domainCodeOf(error: unknown): string | undefined {
  return isErrorLike(error) ? (error.data?.domainCode ?? undefined) : undefined;
}

export function httpStatusOf(error: unknown): number | undefined {
  return isErrorLike(error) ? (error.data?.httpStatus ?? undefined) : undefined;
}

const capitalise = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/**
 * The server's field issues keyed by field path ("email", "skills", "items.0.name"), first
 * message per field. A unique-constraint CONFLICT ("This username is taken") carries its field
 * as an issue too, so it shows inline like any other.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isErrorLike(error)) return {};
  const out: FieldErrors = {};
  for (const issue of error.data?.issues ?? []) {
    const key = issue.path.map(String).join('.') || 'form';
    if (!(key in out)) out[key] = capitalise(issue.message);
  }
  return out;
}

/** The structured facts the server sends beside the message (retry_after, a session's state). */
export function detailsOf(error: unknown): ErrorDetails {
  return (isErrorLike(error) ? error.data?.details : undefined) ?? {};
}

/** A wait in words: seconds under two minutes, then minutes, then hours (rounded up). */
export function formatWait(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 2 * 3600) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.ceil(seconds / 3600)} h`;
}

/** A sentence a person can act on, for any error (network, server, validation). */
export function errorMessage(error: unknown, context?: 'login'): string {
  if (!isErrorLike(error)) return 'Something went wrong. Please try again.';
  const code = error.data?.domainCode;
  if (!error.data) {
    // no response body we understand: the request never reached the API
    if (/fetch|network|load failed/i.test(error.message)) {
      return 'Cannot reach the server. Check your connection and try again.';
    }
    return error.message || 'Something went wrong. Please try again.';
  }
  switch (code) {
    case 'UNAUTHORIZED':
      return context === 'login'
        ? 'That email/username and password do not match an account.'
        : 'Your session has ended. Please log in again.';
    case 'RATE_LIMITED': {
      const wait = detailsOf(error).retry_after;
      return wait === undefined
        ? 'Too many attempts. Please wait a little and try again.'
        : `Too many attempts. Try again in ${formatWait(wait)}.`;
    }
    case 'INTERNAL':
      return 'Something went wrong on our side. Please try again.';
    case 'UNAVAILABLE':
      return `${error.message}`;
    default:
      return error.message;
  }
}

/** A form's general message: hidden when every issue is already shown next to its field. */
export function formMessage(
  error: unknown,
  fieldErrors: FieldErrors,
  shownFields: readonly string[],
): string | null {
  if (!error) return null;
  const unshown = Object.keys(fieldErrors).filter((k) => !shownFields.includes(k));
  if (Object.keys(fieldErrors).length > 0 && unshown.length === 0) return null;
  return errorMessage(error);
}
