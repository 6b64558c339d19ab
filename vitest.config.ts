import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // Tests whose verdict depends on measured time run alone (vitest.timing.config.ts).
    exclude: ['**/node_modules/**', '__tests__/**/*.timing.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Child processes and git make some tests slow on a 2-core runner; keep parallelism modest.
    maxWorkers: 2,
  },
});
