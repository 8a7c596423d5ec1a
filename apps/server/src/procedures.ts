import type { AnyProcedure } from '@trpc/server';
import { appRouter } from './router.ts';
import { type Context, schemaOf } from './trpc.ts';

/**
 * Calling a procedure in-process, without tRPC's caller proxy: the REST adapter and the /trpc
 * fast path look a procedure up once and invoke it with the same options tRPC's own HTTP handler
 * passes (the middlewares, input and output parsers all run as usual).
 */
// `_def.procedures` is typed as the nested router record, but holds the flat "a.b" map at run time.
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure | undefined>;

/** The procedure at "jobs.list", or undefined. */
export const procedureAt = (path: string): AnyProcedure | undefined =>
  Object.hasOwn(procedures, path) ? procedures[path] : undefined;

export function runProcedure(
  procedure: AnyProcedure,
  path: string,
  ctx: Context,
  input: unknown,
  batchIndex = 0,
): Promise<unknown> {
  return procedure({
    path,
    ctx,
    type: procedure._def.type,
    getRawInput: () => Promise.resolve(input),
    signal: undefined,
    batchIndex,
  });
}

/** The zod schemas a procedure validates with (see SyncParser in trpc.ts). */
export const schemasOf = (procedure: AnyProcedure) => {
  const def = procedure._def as { inputs: unknown[]; output?: unknown };
  return { input: schemaOf(def.inputs[0]), output: schemaOf(def.output) };
};
