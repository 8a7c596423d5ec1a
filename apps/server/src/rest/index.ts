import { pingDatabase, type ServiceContext, voice } from '@ai-interviewer/core';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';

type OpenAPIV3Document =
  NonNullable<Extract<Parameters<typeof fastifySwagger>[1], { mode?: 'static' }>['specification']> extends {
    document: infer D;
  }
    ? D
    : never;

import type { AnyProcedure } from '@trpc/server';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendError } from '../plugins/errors.ts';
import { procedureAt, runProcedure, schemasOf } from '../procedures.ts';
import { type Context, toDomainError } from '../trpc.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { type RestRoute, restRoutes } from './routes.ts';

export interface RestOptions {
  createContext: (o: { req: Context['req']; res: Context['reply'] }) => Context;
  services: ServiceContext;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when the procedure takes no input (z.void(): auth.me, auth.logout). */
function takesNoInput(procedure: AnyProcedure): boolean {
  const { input } = schemasOf(procedure);
  return input === undefined || input instanceof z.ZodVoid;
}

/** Path parameters win over the same names in the body or query: the URL says which object. */
function inputOf(route: RestRoute, req: FastifyRequest, noInput: boolean): unknown {
  const params = (req.params ?? {}) as Record<string, string>;
  if (route.fileBody) {
    // the raw file, or the procedure's own JSON input (then every field is checked as over tRPC)
    if (Buffer.isBuffer(req.body)) {
      return {
        ...(req.query as Record<string, unknown>),
        ...params,
        [route.fileBody.field]: req.body.toString('base64'),
      };
    }
    return { ...(req.query as Record<string, unknown>), ...(isObject(req.body) ? req.body : {}), ...params };
  }
  const source = route.method === 'GET' || route.method === 'DELETE' ? req.query : req.body;
  if (source !== undefined && source !== null && !isObject(source)) return source; // let zod name the problem
  const merged = { ...(source ?? {}), ...params };
  if (Object.keys(merged).length > 0) return merged;
  // A GET without a query string (`GET /api/jobs`) is a list with its default page, not a missing input.
  return route.method === 'GET' && !noInput ? merged : undefined;
}

/** The documented REST endpoints (SPEC §6) on top of the tRPC procedures. */
export const restApi: FastifyPluginAsync<RestOptions> = async (app, opts) => {
  // Bodiless POSTs (start, end, logout) often still carry `Content-Type: application/json`:
  // an empty body is "no input" here, not a 400. Anything else goes to Fastify's own safe parser.
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, undefined);
    return defaultJson(req, text, done);
  });

  // Recordings arrive as raw audio; their kind is then checked by content, not by this header.
  app.addContentTypeParser(
    /^(audio\/|application\/octet-stream)/,
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );
  // Room for the service to measure an oversized recording and name the limit in its 413.
  const fileBodyLimit = 2 * (opts.services.voice?.limits.maxBytes ?? 0);

  for (const route of restRoutes) {
    const procedure = procedureAt(route.procedure);
    if (!procedure) throw new Error(`REST table names an unknown procedure: ${route.procedure}`);
    const noInput = takesNoInput(procedure);
    app.route({
      method: route.method,
      url: route.path,
      ...(route.fileBody && fileBodyLimit > 0 && { bodyLimit: fileBodyLimit }),
      handler: async (req, reply) => {
        try {
          const ctx = opts.createContext({ req, res: reply });
          const result = await runProcedure(procedure, route.procedure, ctx, inputOf(route, req, noInput));
          if (route.status === 204) return reply.status(204).send();
          if (route.attachment)
            reply.header('content-disposition', `attachment; filename="${route.attachment}"`);
          return reply.status(route.status).send(result);
        } catch (error) {
          const domain = toDomainError(error);
          if (domain.code === 'INTERNAL') req.log.error({ err: error }, 'REST error');
          return sendError(reply, domain);
        }
      },
    });
  }

  app.get('/health', async (_req, reply) => {
    // which transcription and voice are active: the server's (its model) or the browser's own
    const status = voice.voiceStatus(opts.services);
    const details = { transcription: status.transcriber ?? 'browser', speech: status.speaker ?? 'browser' };
    if (await pingDatabase(opts.services.db)) return { status: 'ok', database: 'ok', ...details };
    return reply.status(503).send({ status: 'unavailable', database: 'unreachable', ...details });
  });

  const document = buildOpenApiDocument(restRoutes);
  app.get('/openapi.json', async () => document);
  // swagger-ui reads the same document; its OpenAPI typings are stricter than what we build, hence the cast
  await app.register(fastifySwagger, {
    mode: 'static',
    specification: { document: document as unknown as OpenAPIV3Document },
  });
  // indexPrefix: without it the page at /api/docs (no trailing slash) links its assets under /docs/static
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', indexPrefix: app.prefix });
};
