import { defineConfig } from 'vitest/config';

/** Real Chromium against the real server (in-process, fresh in-memory database) serving the built SPA. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    // files run in parallel (each with its own server and browser); tests inside a file in order
    fileParallelism: true,
    maxWorkers: 4,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
