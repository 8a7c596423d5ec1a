import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file gets its own schema on the run's embedded PostgreSQL (global-setup.ts).
    hookTimeout: 60_000,
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['./src/testing/global-setup.ts'],
  },
});
