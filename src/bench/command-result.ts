import type { BenchmarkResult, Metric } from '../model/index.js';
import type { Rusage } from './gnu-time.js';
import { summarize } from '../model/summarize.js';

/** One timed run of a command. `rusage` is absent when no method could read it. */
export interface CommandRun {
  ok: boolean;
  wallNs: number;
  rusage?: Rusage;
}

/** How CPU time and peak RSS were read: GNU time, or not at all. */
export type RusageMethod = 'gnu-time' | 'none';

/** A command benchmark: the shared result plus how its resource use was measured. */
export interface CommandBenchmarkResult extends BenchmarkResult {
  measuredWith: RusageMethod;
}

/**
 * Turns a command's timed runs into its benchmark: wall time (ns) is the primary metric, with
 * `cpuUser`, `cpuSystem` (ns), `peakRss` (B) and `cpuUtilization` ((user+sys)/wall) beside it.
 * Only successful runs are timed; when `withSuccessRate`, `successRate` (successful/runs) is
 * added. When no run succeeded, the failed runs are timed instead (the caller reports an error).
 */
export function commandResult(
  suite: string,
  name: string,
  runs: readonly CommandRun[],
  method: RusageMethod,
  withSuccessRate: boolean,
): CommandBenchmarkResult {
  if (runs.length === 0) throw new RangeError('commandResult: no runs');
  const ok = runs.filter((r) => r.ok);
  const timed = ok.length > 0 ? ok : runs;
  const wall = timed.map((r) => r.wallNs);
  const stats = summarize(wall);
  const metrics: Record<string, Metric> = {};
  const withRusage = timed.filter((r) => r.rusage !== undefined);
  if (withRusage.length > 0) {
    const ru = withRusage.map((r) => r.rusage!);
    metrics.cpuUser = sampled(
      'ns',
      'smaller',
      ru.map((r) => r.cpuUserNs),
    );
    metrics.cpuSystem = sampled(
      'ns',
      'smaller',
      ru.map((r) => r.cpuSystemNs),
    );
    metrics.peakRss = sampled(
      'B',
      'smaller',
      ru.map((r) => r.peakRssBytes),
    );
    metrics.cpuUtilization = sampled(
      'ratio',
      'bigger',
      withRusage.map((r) => (r.rusage!.cpuUserNs + r.rusage!.cpuSystemNs) / r.wallNs),
    );
  }
  if (withSuccessRate) {
    const rate = ok.length / runs.length;
    metrics.successRate = { unit: 'ratio', direction: 'bigger', value: rate, stats: { ...summarize([rate]), n: runs.length } };
  }
  return {
    id: `${suite}/${name}`,
    suite,
    name,
    unit: 'ns',
    direction: 'smaller',
    value: stats.median,
    samples: wall,
    stats,
    metrics,
    measuredWith: method,
  };
}

function sampled(unit: Metric['unit'], direction: Metric['direction'], samples: number[]): Metric {
  const stats = summarize(samples);
  return { unit, direction, value: stats.median, samples, stats };
}
