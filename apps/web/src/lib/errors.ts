import type { AppClientError } from '../trpc.ts';

/** What the SPA reads from a failed call: tRPC errors carry `data` from the server's error formatter. */
export interface ErrorLike {
  message: string;
  data?: Partial<NonNullable<AppClientError['data']>> | null | undefined;
}

export type FieldErrors = Record<string, string>;

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
 * message per field. A CONFLICT without issues (e.g. "This username is taken") is attached to
 * the one known field its message names, so unique-constraint errors also show inline.
 */
export function fieldErrorsOf(error: unknown, knownFields: readonly string[] = []): FieldErrors {
  if (!isErrorLike(error)) return {};
  const out: FieldErrors = {};
  for (const issue of error.data?.issues ?? []) {
    const key = issue.path.map(String).join('.') || 'form';
    if (!(key in out)) out[key] = capitalise(issue.message);
  }
  if (Object.keys(out).length === 0 && error.data?.domainCode === 'CONFLICT') {
    const named = knownFields.filter((f) =>
      new RegExp(`\\b${f.replace(/_/g, '[ _]')}\\b`, 'i').test(error.message),
    );
    if (named.length === 1) out[named[0]!] = capitalise(error.message);
  }
  return out;
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
    case 'RATE_LIMITED':
      return `Too many attempts. ${capitalise(error.message.replace(/^Too many attempts;?\s*/i, ''))}`.trim();
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
