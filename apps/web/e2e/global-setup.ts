import type { TestProject } from 'vitest/node';
import { type Chromium, provideChromium } from './browser.ts';
import { startApp } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: Pick<Chromium, 'executablePath' | 'env'>;
  }
}

/**
 * One browser binary and one real server for the whole e2e run. The browser is found (or
 * installed) first, so a machine without one fails before anything else, saying what is missing.
 * Embedded PostgreSQL takes seconds to boot, so the test files share the server (each test signs
 * up its own user) and each file launches its own browser.
 */
export default async function setup(project: TestProject) {
  const chromium = await provideChromium((line) => console.log(line));
  console.log(`e2e browser: ${chromium.description}`);
  project.provide('chromium', { executablePath: chromium.executablePath, env: chromium.env });
  const app = await startApp();
  project.provide('baseUrl', app.baseUrl);
  return async () => {
    await app.close();
  };
}
