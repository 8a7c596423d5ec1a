import { describe, expect, it } from 'vitest';
import { detailsOf, errorMessage, fieldErrorsOf, formMessage } from './errors.ts';

const trpcError = (
  domainCode: string,
  message: string,
  issues: { path: (string | number)[]; message: string }[] = [],
  details?: { retry_after?: number; state?: 'pending' | 'ongoing' | 'completed' | 'cancelled' },
) => ({
  message,
  data: { code: 'BAD_REQUEST', httpStatus: 400, domainCode, issues, path: 'x', details },
});

describe('fieldErrorsOf', () => {
  it('keys the server issues by field path, first message wins, capitalised', () => {
    const e = trpcError('VALIDATION', 'email: must be a valid email address', [
      { path: ['email'], message: 'must be a valid email address' },
      { path: ['email'], message: 'second' },
      { path: ['password'], message: 'must be at least 8 characters' },
      { path: ['items', 0, 'name'], message: 'is required' },
    ]);
    expect(fieldErrorsOf(e)).toEqual({
      email: 'Must be a valid email address',
      password: 'Must be at least 8 characters',
      'items.0.name': 'Is required',
    });
  });
  it('shows a unique-constraint CONFLICT on the field its issue names, never guessed from the message', () => {
    const taken = trpcError('CONFLICT', 'This username is taken', [
      { path: ['username'], message: 'This username is taken' },
    ]);
    expect(fieldErrorsOf(taken)).toEqual({ username: 'This username is taken' });
    // a message that names a field but carries no issue stays a form-level message
    expect(fieldErrorsOf(trpcError('CONFLICT', 'An account with this email already exists'))).toEqual({});
  });
  it('is empty for anything else', () => {
    expect(fieldErrorsOf(null)).toEqual({});
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });
});

describe('errorMessage', () => {
  it('explains a failed login', () => {
    expect(errorMessage(trpcError('UNAUTHORIZED', 'Invalid email/username or password'), 'login')).toBe(
      'That email/username and password do not match an account.',
    );
    expect(errorMessage(trpcError('UNAUTHORIZED', 'Authentication required'))).toBe(
      'Your session has ended. Please log in again.',
    );
  });
  it('explains rate limiting with the wait it reads from details.retry_after, not the message', () => {
    expect(errorMessage(trpcError('RATE_LIMITED', 'anything', [], { retry_after: 42 }))).toBe(
      'Too many attempts. Try again in 42 s.',
    );
    expect(errorMessage(trpcError('RATE_LIMITED', 'anything', [], { retry_after: 3500 }))).toBe(
      'Too many attempts. Try again in 59 min.',
    );
    expect(errorMessage(trpcError('RATE_LIMITED', 'Too many attempts; try again in 42 s'))).toBe(
      'Too many attempts. Please wait a little and try again.',
    );
  });
  it('reads a lifecycle CONFLICT’s state from details', () => {
    const e = trpcError('CONFLICT', 'Cannot end a session that is completed', [], { state: 'completed' });
    expect(detailsOf(e).state).toBe('completed');
    expect(detailsOf(trpcError('CONFLICT', 'x'))).toEqual({});
  });
  it('explains a network failure', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe(
      'Cannot reach the server. Check your connection and try again.',
    );
  });
  it('hides internal details', () => {
    expect(errorMessage(trpcError('INTERNAL', 'boom'))).toBe(
      'Something went wrong on our side. Please try again.',
    );
  });
  it('passes the server message through otherwise', () => {
    expect(errorMessage(trpcError('CONFLICT', 'Cannot end a session that is completed'))).toBe(
      'Cannot end a session that is completed',
    );
  });
});

describe('formMessage', () => {
  it('is null when every issue is shown inline', () => {
    const e = trpcError('VALIDATION', 'email: bad', [{ path: ['email'], message: 'bad' }]);
    expect(formMessage(e, fieldErrorsOf(e), ['email'])).toBeNull();
  });
  it('is the message when an issue has no field on the form', () => {
    const e = trpcError('VALIDATION', 'roles: nope', [{ path: ['roles'], message: 'nope' }]);
    expect(formMessage(e, fieldErrorsOf(e), ['email'])).toBe('roles: nope');
  });
  it('is null without an error', () => {
    expect(formMessage(null, {}, [])).toBeNull();
  });
});
