import { describe, expect, it } from 'vitest';
import { errorMessage, fieldErrorsOf, formMessage } from './errors.ts';

const trpcError = (
  domainCode: string,
  message: string,
  issues: { path: (string | number)[]; message: string }[] = [],
) => ({
  message,
  data: { code: 'BAD_REQUEST', httpStatus: 400, domainCode, issues, path: 'x' },
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
  it('attaches a CONFLICT without issues to the one field it names', () => {
    expect(fieldErrorsOf(trpcError('CONFLICT', 'This username is taken'), ['email', 'username'])).toEqual({
      username: 'This username is taken',
    });
    expect(
      fieldErrorsOf(trpcError('CONFLICT', 'An account with this email already exists'), [
        'email',
        'username',
      ]),
    ).toEqual({ email: 'An account with this email already exists' });
    expect(fieldErrorsOf(trpcError('CONFLICT', 'Something else'), ['email'])).toEqual({});
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
  it('explains rate limiting with the wait', () => {
    expect(errorMessage(trpcError('RATE_LIMITED', 'Too many attempts; try again in 42 s'))).toBe(
      'Too many attempts. Try again in 42 s',
    );
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
