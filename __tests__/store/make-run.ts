/** Run files for the store tests: small, deterministic, with a hostile benchmark name. */
import type { BenchmarkResult, RunFile } from '../../src/model/index.js';

/** A name that must stay inert wherever it is shown or stored. */
export const HOSTILE = '<img src=x onerror=alert(1)> | @octocat **bold** `x` \n"quote"';

/** One benchmark with samples around `value`. */
export function bench(name: string, value: number, extra: Partial<BenchmarkResult> = {}): BenchmarkResult {
  const samples = [value - 1, value, value + 1];
  return {
    id: `suite/${name}`,
    suite: 'suite',
    name,
    unit: 'ns',
    direction: 'smaller',
    value,
    samples,
    stats: { n: 3, mean: value, median: value, min: samples[0]!, max: samples[2]!, stdev: 1 },
    ...extra,
  };
}

/** A run at commit `commit` and `timestamp`, with the given benchmarks (default two, one hostile). */
export function makeRun(commit: string, timestamp: string, benchmarks?: BenchmarkResult[]): RunFile {
  return {
    schemaVersion: 1,
    tool: 'track-performance',
    commit,
    ref: 'refs/heads/main',
    timestamp,
    benchmarks: benchmarks ?? [bench('parse', 100), bench(HOSTILE, 2000)],
  };
}

/** ISO timestamp `hours` hours after 2026-01-01T00:00Z. */
export function at(hours: number): string {
  return new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000).toISOString();
}
