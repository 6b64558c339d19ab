/** Running counted suites side by side: how many Valgrind processes at once, and a bounded pool. */
import os from 'node:os';
import type { Config } from '../config/types.js';

/**
 * Valgrind processes at once: `instructions.parallel`, else the CPU count, at least 1. Counts
 * do not feel the load (eight processes at once on a loaded 2-core machine counted the same),
 * so every core can count; timed suites never run beside them.
 */
export function countParallelism(config: Pick<Config, 'instructions'>): number {
  return Math.max(1, Math.floor(config.instructions?.parallel ?? os.availableParallelism()));
}

/** Runs `jobs` with at most `n` at once, in their order; their results in that order. */
export async function runLimited<T>(jobs: ReadonlyArray<() => Promise<T>>, n: number): Promise<T[]> {
  const out = new Array<T>(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, n), jobs.length) }, lane));
  return out;
}
