/** Synthetic log-space series for the trend tests: seeded Gaussian noise plus known steps. */
import { rng } from '../../research/corpus/simulate.js';
import type { BenchmarkResult, RunFile } from '../../src/model/index.js';

/** n log values: noise of standard deviation `sd` (Box–Muller) plus steps [index, relative change]. */
export function noisy(n: number, sd: number, seed: number, steps: Array<[number, number]>): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const g = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    return steps.filter(([at]) => i >= at).reduce((s, [, f]) => s + Math.log1p(f), 0) + sd * g;
  });
}

/** Commit `i` of exactRuns. */
export const commit = (i: number) => `c${String(i).padStart(3, '0')}${'0'.repeat(36)}`;
/** One run per value (an exact metric: no spread) of benchmark `s/b`, an hour apart. */
export function exactRuns(values: number[]): RunFile[] {
  return values.map((v, i) => ({
    schemaVersion: 1,
    tool: 'track-performance',
    commit: commit(i),
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 36e5).toISOString(),
    benchmarks: [
      {
        id: 's/b',
        suite: 's',
        name: 'b',
        unit: 'ns',
        direction: 'smaller',
        value: v,
        stats: { n: 1, mean: v, median: v, min: v, max: v, stdev: 0 },
      },
    ],
  }));
}

/** One value of benchmark `s/<name>` (ns, smaller is better), no samples. */
export function result(name: string, value: number, extra: Partial<BenchmarkResult> = {}): BenchmarkResult {
  return {
    id: `s/${name}`,
    suite: 's',
    name,
    unit: 'ns',
    direction: 'smaller',
    value,
    stats: { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 },
    ...extra,
  };
}
