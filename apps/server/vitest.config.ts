import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file starts its own server on its own database (PGlite starts in ~3 s).
    hookTimeout: 60_000,
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['../../packages/core/src/testing/global-setup.ts'],
  },
});
