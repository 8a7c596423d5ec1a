import { pingDatabase, type ServiceContext } from '@ai-interviewer/core';
import type { FastifyPluginAsync } from 'fastify';
import type { Context } from '../trpc.ts';

export interface RestOptions {
  createContext: (o: { req: Context['req']; res: Context['reply'] }) => Context;
  services: ServiceContext;
}

/** The documented REST endpoints (SPEC §6) on top of the tRPC procedures. */
export const restApi: FastifyPluginAsync<RestOptions> = async (app, opts) => {
  app.get('/health', async (_req, reply) => {
    if (await pingDatabase(opts.services.db)) return { status: 'ok', database: 'ok' };
    return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
  });
};
