import { pingDatabase, type ServiceContext, voice } from '@ai-interviewer/core';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';

type OpenAPIV3Document =
  NonNullable<Extract<Parameters<typeof fastifySwagger>[1], { mode?: 'static' }>['specification']> extends {
    document: infer D;
  }
    ? D
    : never;

import { appRouter, type Context, type RestRoute, restRoutes, toDomainError } from '@ai-interviewer/api';
import { callTRPCProcedure } from '@trpc/server';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notJson, sendError } from '../plugins/errors.ts';
import { buildOpenApiDocument } from './openapi.ts';

export interface RestOptions {
  createContext: (req: FastifyRequest, reply: FastifyReply) => Context;
  services: ServiceContext;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Path parameters win over the same names in the body or query: the URL says which object. */
function inputOf(rest: RestRoute, req: FastifyRequest, noInput: boolean): unknown {
  const params = (req.params ?? {}) as Record<string, string>;
  if (rest.fileBody) {
    // the raw file, or the procedure's own JSON input (then every field is checked as over tRPC)
    if (Buffer.isBuffer(req.body)) {
      return {
        ...(req.query as Record<string, unknown>),
        ...params,
        [rest.fileBody.field]: req.body.toString('base64'),
      };
    }
    return { ...(req.query as Record<string, unknown>), ...(isObject(req.body) ? req.body : {}), ...params };
  }
  // raw bytes (an audio or octet-stream Content-Type) are only a file route's body
  if (Buffer.isBuffer(req.body)) throw notJson();
  const source = rest.method === 'GET' || rest.method === 'DELETE' ? req.query : req.body;
  if (source !== undefined && source !== null && !isObject(source)) return source; // let zod name the problem
  const merged = { ...(source ?? {}), ...params };
  // A procedure without input (logout, /auth/me) gets none however the request came; one with
  // an input gets an object, even an empty one, so zod names each missing field (`{}` or no body
  // on POST /sessions: "job_description_id: required", not "input: expected object").
  if (noInput && Object.keys(merged).length === 0) return undefined;
  return merged;
}

/**
 * The documented REST endpoints (SPEC §6): one Fastify route per procedure whose meta declares
 * one (packages/api/src/meta.ts). The handler only moves path, query and body into the input and
 * calls the procedure through tRPC's public `callTRPCProcedure` (its middlewares and parsers run
 * as over /trpc); a GET route's procedure is a query, every other one a mutation.
 */
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
    const { procedure: path, meta, ...rest } = route;
    const noInput = meta.input instanceof z.ZodVoid;
    const type = rest.method === 'GET' ? 'query' : 'mutation';
    app.route({
      method: rest.method,
      url: rest.path,
      ...(rest.fileBody && fileBodyLimit > 0 && { bodyLimit: fileBodyLimit }),
      handler: async (req, reply) => {
        try {
          const input = inputOf(route, req, noInput);
          const result = await callTRPCProcedure({
            router: appRouter,
            path,
            type,
            ctx: opts.createContext(req, reply),
            getRawInput: async () => input,
            signal: undefined,
            batchIndex: 0,
          });
          if (rest.status === 204) return reply.status(204).send();
          if (rest.attachment)
            reply.header('content-disposition', `attachment; filename="${rest.attachment}"`);
          return reply.status(rest.status).send(result);
        } catch (error) {
          // the REST edge: the one place a REST call's error is translated
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
