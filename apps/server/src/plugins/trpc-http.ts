import { type AppRouter, appRouter, type Context, errorShape } from '@ai-interviewer/api';
import { DomainError, invalidField, MAX_BATCH_CALLS } from '@ai-interviewer/core';
import { type FastifyTRPCPluginOptions, fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { domainErrorOfFastify } from './errors.ts';

export interface TrpcHttpOptions {
  createContext: (req: FastifyRequest, reply: FastifyReply) => Context;
  onError: NonNullable<FastifyTRPCPluginOptions<AppRouter>['trpcOptions']['onError']>;
}

/** The number of procedures a batch path names ("a,b,c" → 3), without splitting a long path. */
function callCount(path: string): number {
  let n = 1;
  for (let i = path.indexOf(','); i >= 0; i = path.indexOf(',', i + 1)) n++;
  return n;
}

/** /trpc: tRPC's own Fastify handler, with the batch cap and our error shape for what fails before it. */
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
    onError: opts.onError,
    // a backstop: the route below refuses an oversized batch before tRPC parses it
    maxBatchSize: MAX_BATCH_CALLS,
  };

  app.all<{ Params: { path: string } }>('/:path', async (req, reply) => {
    if ((req.query as { batch?: unknown }).batch === '1' && callCount(req.params.path) > MAX_BATCH_CALLS) {
      throw invalidField('batch', `at most ${MAX_BATCH_CALLS} calls per request`);
    }
    await fastifyRequestHandler({ ...trpcOptions, req, res: reply, path: req.params.path });
  });
};
