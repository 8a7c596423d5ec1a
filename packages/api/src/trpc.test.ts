import { DomainError } from '@ai-interviewer/core';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toDomainError } from './errors.ts';
import { procedureList, restRoutes } from './procedures.ts';
import { appRouter } from './root.ts';
import { type Context, createCallerFactory } from './trpc.ts';

describe('every procedure is built from a tier', () => {
  it('finds the procedures through the router’s public shape', () => {
    expect(procedureList.length).toBeGreaterThan(30);
    expect(procedureList.map((p) => p.path)).toContain('jobs.list');
  });

  it.each(procedureList)('$path has its tier, input and output in meta', ({ path, meta }) => {
    expect(['public', 'authed', 'admin']).toContain(meta.tier);
    expect(meta.input).toBeInstanceOf(z.ZodType);
    // only the stream yields unchecked by tRPC (it parses its result itself)
    if (path !== 'feedback.submitStream') expect(meta.output).toBeInstanceOf(z.ZodType);
  });

  it.each(procedureList)(
    '$path validates synchronously (zod’s fast path: no async refinement)',
    ({ meta }) => {
      for (const schema of [meta.input, meta.output]) {
        if (!schema) continue;
        const result = schema['~standard'].validate({});
        expect(result).not.toBeInstanceOf(Promise);
      }
    },
  );
});

describe('REST routes from meta', () => {
  it('no two procedures claim one method and path', () => {
    const keys = restRoutes.map((r) => `${r.method} ${r.path}`);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('every path parameter is a field of the procedure’s input', () => {
    for (const r of restRoutes) {
      const shape = (r.meta.input as { shape?: Record<string, unknown> }).shape ?? {};
      for (const [, name] of r.path.matchAll(/:([A-Za-z_]+)/g))
        expect(shape, `${r.path}`).toHaveProperty(name!);
    }
  });
});

describe('the error formatter', () => {
  const ctx = { actor: null, user: null } as unknown as Context;
  const caller = createCallerFactory(appRouter)(ctx);

  it('a bad input is VALIDATION naming the field (through the Standard Schema parser)', async () => {
    const error = await caller.jobs.list({ limit: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    const domain = toDomainError(error);
    expect(domain.code).toBe('VALIDATION');
    expect(domain.issues.map((i) => i.path.join('.'))).toEqual(['limit']);
  });

  it('an unknown key is named as its own field', async () => {
    const error = await caller.jobs
      .get({ id: crypto.randomUUID(), nope: 1 } as never)
      .catch((e: unknown) => e);
    expect(toDomainError(error).issues).toEqual([{ path: ['nope'], message: 'is not a known field' }]);
  });

  it('an authed tier refuses the anonymous before reading the input', async () => {
    const error = await caller.auth.me().catch((e: unknown) => e);
    expect(toDomainError(error)).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a DomainError keeps its code; anything else is INTERNAL with no detail', () => {
    expect(toDomainError(new DomainError('CONFLICT', 'x')).code).toBe('CONFLICT');
    expect(toDomainError(new Error('secret'))).toMatchObject({
      code: 'INTERNAL',
      message: expect.not.stringContaining('secret'),
    });
  });
});
