/** The router's type lives in @ai-interviewer/api (what the SPA imports); re-exported for older importers. */
export type { AppRouter } from '@ai-interviewer/api';
export { buildServer, type ServerOptions } from './app.ts';
