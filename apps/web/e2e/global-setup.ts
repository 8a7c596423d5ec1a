import type { TestProject } from 'vitest/node';
import { startApp } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * One real server for the whole e2e run: embedded PostgreSQL takes seconds to boot, so the
 * test files share it (each test signs up its own user) and each file brings its own browser.
 */
export default async function setup(project: TestProject) {
  const app = await startApp();
  project.provide('baseUrl', app.baseUrl);
  return async () => {
    await app.close();
  };
}
