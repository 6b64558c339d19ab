import { defineConfig } from 'vitest/config';

/**
 * Tests that measure real time and assert a verdict on it (A/B on a real repository). They run
 * after the rest, one file at a time, so the load of other test workers cannot become the
 * noise they measure.
 */
export default defineConfig({
  test: {
    include: ['__tests__/**/*.timing.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
