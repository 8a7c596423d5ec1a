import { openApiPath, REST_TAGS, type RestRoute } from '@ai-interviewer/api';
import { errorCodeTable, MAX_BODY_BYTES, SESSION_COOKIE } from '@ai-interviewer/core';
import { z } from 'zod';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

function toJsonSchema(schema: z.ZodType | undefined, io: 'input' | 'output'): JsonSchema | null {
  if (!schema || schema instanceof z.ZodVoid || schema instanceof z.ZodNull) return null;
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'issues'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorCodeTable) },
        message: { type: 'string' },
        details: {
          type: 'object',
          description:
            'structured facts about the error, e.g. `retry_after` (seconds) or a lifecycle `state`',
        },
        issues: {
          type: 'array',
          description: 'one entry per bad field',
          items: {
            type: 'object',
            properties: {
              path: { type: 'array', items: { type: ['string', 'number'] } },
              message: { type: 'string' },
            },
          },
        },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/**
 * Every error status the route can answer (a client checking answers against the document finds
 * each one): from its access, path, method and input, plus what its meta adds (`errors`).
 */
function errorResponsesFor(rest: RestRoute, input: JsonSchema | null): Record<string, unknown> {
  const writes = rest.method !== 'GET';
  // an id in the body or query (job_description_id, session_id…) names an object that may not exist
  const refersToObject =
    rest.path.includes(':') ||
    Object.values(input?.properties ?? {}).some((p) => p.format === 'uuid' || p.format === 'guid');
  const out: Record<string, unknown> = {
    '400': errorResponse('Invalid input: every bad field is named in `issues`'),
    '429': errorResponse('Rate limited'),
    '503': errorResponse('A dependency (database, model) is unavailable'),
  };
  if (rest.access !== 'public') out['401'] = errorResponse('No valid credentials');
  if ((rest.access !== 'public' && rest.access !== 'private') || writes)
    out['403'] = errorResponse(
      'Not allowed: your role, a field only an admin may set, or a cookie-authenticated write without our Origin',
    );
  if (refersToObject) out['404'] = errorResponse('Not found (or not yours)');
  if (writes)
    out['409'] = errorResponse(
      'Conflict: a lifecycle step not allowed from the current status, or a duplicate',
    );
  if (rest.fileBody) out['413'] = errorResponse('The file is larger than the limit');
  else if (writes && rest.method !== 'DELETE')
    out['413'] = errorResponse(`The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
  for (const [status, description] of Object.entries(rest.errors ?? {}))
    out[status] = errorResponse(description);
  return out;
}

/** OpenAPI 3.1 from the procedures' meta (route and zod schemas): never written by hand. */
export function buildOpenApiDocument(routes: readonly RestRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const { meta, access } = route;
    const rest = route;
    const input = toJsonSchema(meta.input, 'input');
    const output = toJsonSchema(meta.output, 'output');
    const path = openApiPath(rest.path);
    const pathParams = [...rest.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] as string);

    const props = { ...(input?.properties ?? {}) };
    const required = new Set(input?.required ?? []);
    const parameters: unknown[] = pathParams.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: props[name] ?? { type: 'string' },
    }));
    for (const name of pathParams) {
      delete props[name];
      required.delete(name);
    }

    const operation: Record<string, unknown> = {
      operationId: route.procedure.replace('.', '_'),
      summary: rest.summary,
      description: `Access: ${access}. tRPC procedure: \`${route.procedure}\`.`,
      tags: [rest.tag],
      ...(access === 'public' ? {} : { security: [{ bearerAuth: [] }, { cookieAuth: [] }] }),
    };
    if (rest.fileBody) {
      const { field, mediaTypes } = rest.fileBody;
      const file = { type: 'string', format: 'binary', description: props[field]?.description };
      delete props[field];
      required.delete(field);
      for (const [name, schema] of Object.entries(props)) {
        parameters.push({ name, in: 'query', required: required.has(name), schema });
      }
      operation.requestBody = {
        required: true,
        content: Object.fromEntries(mediaTypes.map((t) => [t, { schema: file }])),
      };
    } else if (rest.method === 'GET' || rest.method === 'DELETE') {
      for (const [name, schema] of Object.entries(props)) {
        parameters.push({ name, in: 'query', required: required.has(name), schema });
      }
    } else if (Object.keys(props).length > 0) {
      operation.requestBody = {
        required: required.size > 0,
        content: {
          'application/json': {
            schema: { ...input, properties: props, required: [...required] },
          },
        },
      };
    }
    if (parameters.length) operation.parameters = parameters;
    operation.responses = {
      [String(rest.status)]:
        rest.status === 204 || !output
          ? { description: 'Done, no content' }
          : {
              description: route.attachment ? `OK: a file to save (${route.attachment})` : 'OK',
              ...(route.attachment && {
                headers: {
                  'Content-Disposition': {
                    description: 'attachment, with the file name',
                    schema: { type: 'string', example: `attachment; filename="${route.attachment}"` },
                  },
                },
              }),
              content: { 'application/json': { schema: output } },
            },
      ...errorResponsesFor(route, input),
    };
    paths[path] ??= {};
    paths[path][rest.method.toLowerCase()] = operation;
  }

  paths['/health'] = {
    get: {
      operationId: 'health',
      summary:
        'Is the database reachable? Also says which transcription (`transcription`) and voice (`speech`) are active',
      tags: ['Health'],
      responses: { '200': { description: 'Healthy' }, '503': { description: 'The database is unreachable' } },
    },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'AI Interviewer API',
      version: '1.0.0',
      description:
        'Practise job interviews with an AI interviewer. Log in with POST /api/auth/login and send the token as `Authorization: Bearer <token>`. Lists take `limit` (1-100, default 20) and `offset`. Errors are `{"error": {"code", "message", "issues", "details"?}}`.',
    },
    servers: [{ url: '/api' }],
    tags: [...REST_TAGS, 'Health'].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/auth/login' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
      },
    },
  };
}
