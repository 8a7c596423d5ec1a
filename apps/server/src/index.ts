export { buildServer, type ServerOptions } from './app.ts';
export type { AppRouter } from './router.ts';
