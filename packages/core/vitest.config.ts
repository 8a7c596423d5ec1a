import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file gets its own database (PGlite starts in ~3 s), so give hooks room.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['./src/testing/global-setup.ts'],
  },
});
