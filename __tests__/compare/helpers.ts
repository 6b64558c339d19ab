/** Small builders of run files for the compare tests. */
import type { BenchmarkResult, Machine, Metric, RunFile } from '../../src/model/index.js';

export const machine: Machine = { os: 'linux', arch: 'x64', cpuModel: 'Test CPU', cores: 4, nodeVersion: 'v20.20.2' };

/** A benchmark whose samples are `center` × (1 + small fixed wiggle), or only a value when `samples` is false. */
export function bench(
  id: string,
  center: number,
  opts: { samples?: number[] | false; direction?: 'smaller' | 'bigger'; unit?: string; metrics?: Record<string, Metric> } = {},
): BenchmarkResult {
  const [suite, ...rest] = id.split('/');
  const samples =
    opts.samples === false ? undefined : (opts.samples ?? [0.99, 1.0, 1.01, 0.995, 1.005, 1.0, 0.998, 1.002].map((f) => f * center));
  return {
    id,
    suite: suite as string,
    name: rest.join('/'),
    unit: opts.unit ?? 'ns',
    direction: opts.direction ?? 'smaller',
    value: center,
    ...(samples ? { samples } : {}),
    stats: { n: samples?.length ?? 1, mean: center, median: center, min: center, max: center, stdev: 0 },
    ...(opts.metrics ? { metrics: opts.metrics } : {}),
  };
}

/** A run file holding `benchmarks`. */
export function run(benchmarks: BenchmarkResult[], extra: Partial<RunFile> = {}): RunFile {
  return { schemaVersion: 1, tool: 'track-performance', timestamp: '2026-11-23T00:00:00Z', machine, benchmarks, ...extra };
}

/** Runs where benchmark `id` has the given locations, one run each. */
export function runsOf(id: string, values: number[], opts: Parameters<typeof bench>[2] = {}): RunFile[] {
  return values.map((v) => run([bench(id, v, opts)]));
}
