import { appRouter, type Context, errorShape, formatError } from '@ai-interviewer/api';
import { invalidField, MAX_BATCH_CALLS } from '@ai-interviewer/core';
import { callTRPCProcedure, getTRPCErrorFromUnknown, TRPCError } from '@trpc/server';
import { fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import { getHTTPStatusCode } from '@trpc/server/http';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { domainErrorOfFastify, notJson } from './errors.ts';

export interface TrpcHttpOptions {
  createContext: (req: FastifyRequest, reply: FastifyReply) => Context;
  /** false: every request goes through tRPC's own handler (the bench and tests compare the two). */
  fastQueries?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The calls of a plain GET of queries — `/trpc/jobs.list?input=…` or the SPA's batches
 * `/trpc/a,b?batch=1&input={"0":…}` — or null for anything else (streaming, unparsable input…),
 * which tRPC's own handler then answers as it always does.
 */
function plainQueries(req: FastifyRequest, path: string) {
  if (req.headers['trpc-accept'] !== undefined || req.headers.accept?.includes('application/jsonl'))
    return null;
  const query = req.query as Record<string, unknown>;
  if (query.connectionParams !== undefined) return null;
  if (query.input !== undefined && typeof query.input !== 'string') return null;
  const isBatch = query.batch === '1';
  let paths: string[];
  let inputs: unknown;
  try {
    paths = isBatch ? path.split(',') : [path];
    inputs = query.input ? JSON.parse(query.input as string) : undefined;
  } catch {
    return null;
  }
  if (isBatch && inputs !== undefined && !isObject(inputs)) return null;
  const calls = paths.map((path, index) => ({
    path,
    input: isBatch ? (inputs as Record<string, unknown> | undefined)?.[index] : inputs,
  }));
  return { calls, isBatch };
}

/** tRPC's own answer for a path that names no query (unknown, or a mutation): its handler words it. */
const notAQuery = (e: unknown) => e instanceof TRPCError && e.code === 'NOT_FOUND' && e.cause === undefined;

/**
 * The path as tRPC reads it: its handler decodes the routed path (which the router has already
 * decoded once) again before splitting it into calls, so `%252C` is a separator too. Null when it
 * does not decode (tRPC's handler then refuses it).
 */
function callsPath(routed: string): string | null {
  try {
    return decodeURIComponent(routed);
  } catch {
    return null;
  }
}

/** The number of procedures a batch path names ("a,b,c" → 3), without splitting a long path. */
function callCount(path: string): number {
  let n = 1;
  for (let i = path.indexOf(','); i >= 0; i = path.indexOf(',', i + 1)) n++;
  return n;
}

/**
 * /trpc: tRPC's own Fastify handler, with the batch cap and our error shape for what fails
 * before it. Plain GETs of queries (what the SPA sends most) are answered here through tRPC's
 * public `callTRPCProcedure`, without the handler's conversion of every request to a Fetch
 * `Request`/`Response`, which costs more CPU than a read's procedure (docs/performance.md): same
 * procedures, error formatter output, status and headers (trpc-http.test.ts compares the two).
 */
export const trpcHttp: FastifyPluginAsync<TrpcHttpOptions> = async (app, opts) => {
  // tRPC's fastify adapter hands a multipart body to JSON.stringify (a 500); no procedure takes FormData
  app.addHook('onRequest', async (req) => {
    if (/^multipart\//i.test(req.headers['content-type'] ?? '')) {
      throw notJson();
    }
  });
  // Errors raised before a procedure runs — the auth hook's Origin check, a database outage while
  // resolving the caller, a body too large — in tRPC's error shape, which the client reads
  // (for a batch too: it applies a single error to every call).
  app.setErrorHandler((error, req, reply) => {
    const domain = domainErrorOfFastify(error as Error);
    if (domain.code === 'INTERNAL') req.log.error({ err: error }, 'unhandled error');
    const path = (req.params as { path?: string } | undefined)?.path;
    const shape = errorShape(domain, path);
    return reply.status(shape.data.httpStatus).send({ error: shape });
  });
  // As tRPC's plugin does: its handler reads the JSON text itself.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  const trpcOptions = {
    router: appRouter,
    createContext: ({ req, res }: { req: FastifyRequest; res: FastifyReply }) => opts.createContext(req, res),
    // a backstop: the route below refuses an oversized batch before tRPC parses it
    maxBatchSize: MAX_BATCH_CALLS,
  };

  /** The answer to a plain GET of queries, or null when one path names no query (tRPC's handler answers then). */
  async function answerQueries(
    req: FastifyRequest,
    reply: FastifyReply,
    { calls, isBatch }: NonNullable<ReturnType<typeof plainQueries>>,
  ) {
    const ctx = opts.createContext(req, reply);
    const settled = await Promise.allSettled(
      calls.map(({ path, input }, batchIndex) =>
        callTRPCProcedure({
          router: appRouter,
          path,
          type: 'query',
          ctx,
          getRawInput: async () => input,
          signal: undefined,
          batchIndex,
        }),
      ),
    );
    if (settled.some((r) => r.status === 'rejected' && notAQuery(r.reason))) return null;
    const results = settled.map((r, i) => {
      if (r.status === 'fulfilled') return { result: { data: r.value as unknown } };
      const { path } = calls[i] as (typeof calls)[number];
      // exactly what tRPC's handler would answer: its error, through the error formatter
      return { error: formatError(getTRPCErrorFromUnknown(r.reason), path, ctx) };
    });
    return reply
      .status(getHTTPStatusCode(results))
      .header('vary', 'trpc-accept, accept')
      .type('application/json') // Fastify adds "; charset=utf-8", which tRPC's handler leaves out
      .send(JSON.stringify(isBatch ? results : results[0]));
  }

  app.all<{ Params: { path: string } }>('/:path', async (req, reply) => {
    // counted on the path that is split into calls, not the routed one (a doubly encoded comma)
    const path = callsPath(req.params.path);
    const counted = path ?? req.params.path;
    if ((req.query as { batch?: unknown }).batch === '1' && callCount(counted) > MAX_BATCH_CALLS) {
      throw invalidField('batch', `at most ${MAX_BATCH_CALLS} calls per request`);
    }
    const plan =
      opts.fastQueries !== false && req.method === 'GET' && path !== null ? plainQueries(req, path) : null;
    if (plan && (await answerQueries(req, reply, plan)) !== null) return reply;
    await fastifyRequestHandler({ ...trpcOptions, req, res: reply, path: req.params.path });
  });
};
