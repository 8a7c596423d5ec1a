import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file starts its own server on its own schema of the run's embedded PostgreSQL.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['../../packages/core/src/testing/global-setup.ts'],
  },
});
