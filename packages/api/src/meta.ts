import type { z } from 'zod';

/** Who may call a procedure at all; past it, core decides about each object (404 when not yours). */
export type Tier = 'public' | 'authed' | 'admin';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The documented access rule of a REST endpoint when it is finer than its tier (SPEC §5): the
 * object in the path is checked by core, and a caller who may not see it gets 404, never 403.
 */
export type ObjectAccess =
  | 'owner or admin'
  | 'admin, or the owner of a private one'
  /** the owner's own choice (sharing a report): an admin, who may see the object, gets 403 */
  | 'owner (admins: 403)';

/** The groups of the REST API in its OpenAPI document, in the order they are listed. */
export const REST_TAGS = [
  'Auth',
  'Users',
  'Job descriptions',
  'Sessions',
  'Feedback',
  'Voice',
  'Sharing',
] as const;

/** `/users/:id` (a RestMeta path, Fastify's syntax) as OpenAPI and readers write it: `/users/{id}`. */
export const openApiPath = (fastifyPath: string) => fastifyPath.replace(/:([A-Za-z_]+)/g, '{$1}');

/** A procedure's REST endpoint (SPEC §6). */
export interface RestMeta {
  method: HttpMethod;
  /** Fastify syntax under /api; path parameters are fields of the procedure's input with the same name. */
  path: string;
  status: 200 | 201 | 204;
  summary: string;
  tag: (typeof REST_TAGS)[number];
  /** When the object in the path narrows the tier (see ObjectAccess). */
  object?: ObjectAccess;
  /**
   * The body is a file, not JSON: its bytes go to this input field, base64-encoded (what the
   * procedure takes over tRPC), and the other fields come from the query string.
   */
  fileBody?: { field: string; mediaTypes: string[] };
  /** The JSON answer is a file to save: sent with `Content-Disposition: attachment` and this name. */
  attachment?: string;
  /**
   * Error statuses this endpoint answers that its access, path, method and input do not imply
   * (the OpenAPI document derives those), with what each means here.
   */
  errors?: Partial<Record<401 | 403 | 404 | 409, string>>;
}

/** What every procedure carries in its public `meta` (set by the tier helpers in trpc.ts). */
export interface Meta {
  tier: Tier;
  input: z.ZodType;
  /** Absent only for a stream (an async generator), which checks what it yields itself. */
  output?: z.ZodType;
  rest?: RestMeta;
}

export type Access = 'public' | 'private' | 'admin' | ObjectAccess;

/** The access rule a route documents: its object rule, else its tier's. */
export const accessOf = (meta: Meta): Access =>
  meta.rest?.object ?? (meta.tier === 'public' ? 'public' : meta.tier === 'authed' ? 'private' : 'admin');
