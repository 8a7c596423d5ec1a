import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, rateLimited } from './errors.ts';
import { toDomainError } from './to-domain-error.ts';

describe('toDomainError: what the client gets, translated once at the edge', () => {
  it('keeps a DomainError as it is', () => {
    const e = new DomainError('FORBIDDEN', 'no');
    expect(toDomainError(e)).toBe(e);
  });

  it('a zod failure → VALIDATION naming each field, unknown keys one by one', () => {
    const parsed = z.strictObject({ email: z.email() }).safeParse({ email: 'x', extra: 1 });
    const e = toDomainError(parsed.error);
    expect(e.code).toBe('VALIDATION');
    expect(e.issues.map((i) => i.path)).toEqual([['email'], ['extra']]);
    expect(e.message).toMatch(/^email: /);
  });

  it('a database error through the one constraint table', () => {
    const e = toDomainError(
      Object.assign(new Error('dup'), { code: '23505', constraint: 'users_username_lower_key' }),
    );
    expect(e).toMatchObject({ code: 'CONFLICT', issues: [{ path: ['username'] }] });
  });

  it.each(['40P01', '40001'])(
    'a lost race in the database (%s: deadlock, serialization) → CONFLICT, not a 500',
    (code) => {
      const e = toDomainError(Object.assign(new Error('deadlock detected'), { code, severity: 'ERROR' }));
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toMatch(/retry/);
    },
  );

  it('anything else is INTERNAL, without its message', () => {
    const e = toDomainError(new Error('secret internals'));
    expect(e.code).toBe('INTERNAL');
    expect(e.message).not.toContain('secret');
  });

  it('a rate limit carries retry_after in seconds, rounded up', () => {
    expect(rateLimited('Too many attempts', 1500).details).toEqual({ retry_after: 2 });
  });
});
