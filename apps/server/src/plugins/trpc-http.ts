import { DomainError, errorCodeTable, invalidField, MAX_BATCH_CALLS } from '@ai-interviewer/core';
import {
  type AnyProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  TRPCError,
  transformTRPCResponse,
} from '@trpc/server';
import { type FastifyTRPCPluginOptions, fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import { getHTTPStatusCode } from '@trpc/server/http';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { procedureAt, runProcedure } from '../procedures.ts';
import { type AppRouter, appRouter } from '../router.ts';
import type { Context } from '../trpc.ts';
import { domainErrorOfFastify } from './errors.ts';

export interface TrpcHttpOptions {
  createContext: (o: { req: Context['req']; res: Context['reply'] }) => Context;
  onError: NonNullable<FastifyTRPCPluginOptions<AppRouter>['trpcOptions']['onError']>;
  /** false: every request goes through tRPC's own handler (tests compare the two byte for byte). */
  fastQueries?: boolean;
}

interface QueryCall {
  path: string;
  procedure: AnyProcedure;
  input: unknown;
}

const config = appRouter._def._config;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The calls of a plain GET of queries — `/trpc/jobs.list?input=…` or the SPA's batches
 * `/trpc/a,b?batch=1&input={"0":…}` — or null for anything else (streaming, a mutation,
 * an unknown path, unparsable input…), which tRPC's own handler then answers as it always does.
 */
function plainQueries(req: FastifyRequest, rawPath: string): { calls: QueryCall[]; isBatch: boolean } | null {
  if (req.headers['trpc-accept'] !== undefined || req.headers.accept?.includes('application/jsonl'))
    return null;
  const query = req.query as Record<string, unknown>;
  if (query.connectionParams !== undefined) return null;
  const isBatch = query.batch === '1';
  let paths: string[];
  let inputs: unknown;
  try {
    paths = isBatch ? decodeURIComponent(rawPath).split(',') : [decodeURIComponent(rawPath)];
    if (query.input !== undefined && typeof query.input !== 'string') return null;
    inputs = query.input ? JSON.parse(query.input) : undefined;
  } catch {
    return null;
  }
  if (isBatch && inputs !== undefined && !isObject(inputs)) return null;
  const calls: QueryCall[] = [];
  for (const [index, path] of paths.entries()) {
    const procedure = procedureAt(path);
    if (procedure?._def.type !== 'query') return null;
    const raw = isBatch ? (inputs as Record<string, unknown> | undefined)?.[index] : inputs;
    calls.push({
      path,
      procedure,
      input: raw === undefined ? undefined : config.transformer.input.deserialize(raw),
    });
  }
  return { calls, isBatch };
}

/** The number of procedures a batch path names ("a,b,c" → 3), without splitting a long path. */
function callCount(path: string): number {
  let n = 1;
  for (let i = path.indexOf(','); i >= 0; i = path.indexOf(',', i + 1)) n++;
  return n;
}

/**
 * /trpc. tRPC's fastify adapter turns every request into a Fetch `Request` (with an
 * AbortController) and sends back a Web `Response` stream; for the plain GETs of queries — what
 * the SPA sends most — that conversion cost more CPU than the procedure itself (docs/performance.md).
 * Those are answered here with the same procedures, error shapes, status and headers; everything
 * else goes to tRPC's own handler.
 */
export const trpcHttp: FastifyPluginAsync<TrpcHttpOptions> = async (app, opts) => {
  // tRPC's fastify adapter hands a multipart body to JSON.stringify (a 500); no procedure takes FormData
  app.addHook('onRequest', async (req) => {
    if (/^multipart\//i.test(req.headers['content-type'] ?? '')) {
      throw new DomainError('VALIDATION', 'Send JSON with Content-Type: application/json');
    }
  });
  // Errors raised before a procedure runs — the auth hook's Origin check, a database outage while
  // resolving the caller, a body too large — in tRPC's error shape, which the client reads
  // (for a batch too: it applies a single error to every call).
  app.setErrorHandler((error, req, reply) => {
    const domain = domainErrorOfFastify(error as Error);
    if (domain.code === 'INTERNAL') req.log.error({ err: error }, 'unhandled error');
    const { trpc, http } = errorCodeTable[domain.code];
    const trpcError = new TRPCError({ code: trpc, message: domain.message, cause: domain });
    const path = (req.params as { path?: string } | undefined)?.path;
    const shape = getTRPCErrorShape({
      config,
      ctx: undefined,
      error: trpcError,
      input: undefined,
      path,
      type: 'unknown',
    });
    return reply.status(http).send({ error: shape });
  });
  // As tRPC's plugin does: its handler reads the JSON text itself.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  const trpcOptions = {
    router: appRouter,
    createContext: opts.createContext,
    onError: opts.onError,
    // a backstop: the route below refuses an oversized batch before either path parses it
    maxBatchSize: MAX_BATCH_CALLS,
  };

  async function answerQueries(
    req: FastifyRequest,
    reply: FastifyReply,
    calls: QueryCall[],
    isBatch: boolean,
  ) {
    const ctx = opts.createContext({ req, res: reply });
    const results = await Promise.all(
      calls.map(async ({ path, procedure, input }, index) => {
        try {
          return { result: { data: await runProcedure(procedure, path, ctx, input, index) } };
        } catch (cause) {
          const error: TRPCError = getTRPCErrorFromUnknown(cause);
          opts.onError({ error, path, input, ctx, type: 'query', req });
          return { error: getTRPCErrorShape({ config, ctx, error, input, path, type: 'query' }) };
        }
      }),
    );
    const body = transformTRPCResponse(config, isBatch ? results : (results[0] as (typeof results)[0]));
    return reply
      .status(getHTTPStatusCode(results))
      .header('vary', 'trpc-accept, accept')
      .type('application/json') // Fastify adds "; charset=utf-8", which tRPC's handler leaves out
      .send(JSON.stringify(body));
  }

  app.all<{ Params: { path: string } }>('/:path', async (req, reply) => {
    // Both paths (the fast one and tRPC's) obey the same cap, checked before any input is parsed.
    if ((req.query as { batch?: unknown }).batch === '1' && callCount(req.params.path) > MAX_BATCH_CALLS) {
      throw invalidField('batch', `at most ${MAX_BATCH_CALLS} calls per request`);
    }
    const plan =
      opts.fastQueries !== false && req.method === 'GET' ? plainQueries(req, req.params.path) : null;
    if (plan) return answerQueries(req, reply, plan.calls, plan.isBatch);
    await fastifyRequestHandler({ ...trpcOptions, req, res: reply, path: req.params.path });
  });
};
