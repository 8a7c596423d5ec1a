import { defineConfig } from 'vitest/config';

/** Real Chromium against the real server (in-process, on the run's embedded PostgreSQL) serving the built SPA. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    // the embedded PostgreSQL first: the server in e2e/global-setup.ts runs on it
    globalSetup: ['../../packages/core/src/testing/global-setup.ts', './e2e/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    // files run in parallel (each with its own server and browser); tests inside a file in order
    fileParallelism: true,
    maxWorkers: 4,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
