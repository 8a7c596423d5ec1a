import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files run one at a time in name order, so their timings do not disturb each other; 99-pg-restart goes last. */
class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  test: {
    include: ['src/load/**/*.load.test.ts'],
    fileParallelism: false,
    sequence: { sequencer: ByName },
    pool: 'forks',
    globalSetup: ['./src/load/global-setup.ts'],
    // each file bounds its own loops (LOAD_SECONDS for the long one); these are the backstops
    testTimeout: 180_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
