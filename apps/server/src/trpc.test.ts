import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { appRouter } from './router.ts';
import { type SyncParser, schemaOf } from './trpc.ts';

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[]; output?: unknown } }>,
);

describe('procedure tiers', () => {
  it.each(procedures)('%s validates with zod’s synchronous parse (its fast path)', (_path, proc) => {
    const parsers = [...proc._def.inputs, ...(proc._def.output ? [proc._def.output] : [])];
    expect(parsers.length).toBeGreaterThan(0);
    for (const parser of parsers) {
      expect(parser).not.toBeInstanceOf(z.ZodType); // tRPC would call parseAsync on a bare schema
      expect(typeof (parser as SyncParser).parse).toBe('function');
      expect(schemaOf(parser)).toBeInstanceOf(z.ZodType);
    }
  });

  it('a sync parser rejects what its schema rejects', () => {
    const parser = procedures.find(([path]) => path === 'jobs.list')?.[1]._def.inputs[0] as SyncParser;
    expect(() => parser.parse({ limit: 1000 })).toThrow(z.ZodError);
    expect(parser.parse({})).toMatchObject({ limit: 20, offset: 0 });
  });
});
