export { API_TABLE_END, API_TABLE_START, restRoutesTable, withRestRoutesTable } from './docs.ts';
export { toDomainError } from './errors.ts';
export {
  type Access,
  accessOf,
  type HttpMethod,
  type Meta,
  type ObjectAccess,
  openApiPath,
  REST_TAGS,
  type RestMeta,
  type Tier,
} from './meta.ts';
export { type ProcedureInfo, procedureList, type RestRoute, restRoutes } from './procedures.ts';
export { type AppRouter, appRouter } from './root.ts';
export { type Context, createCallerFactory, errorShape, formatError, type Throttle } from './trpc.ts';
