/**
 * Reading a statistic of a metric across the current run(s): the primary metric, an extra metric
 * by name, or the derived `cpuUtilization` = (cpuUser + cpuSystem) / wall time.
 */
import { quantileSorted } from 'simple-statistics';
import type { BaseUnit, BenchmarkResult, Metric, RunFile, Stats } from '../model/index.js';
import { finiteValues } from './location.js';

export type StatName = 'median' | 'mean' | 'min' | 'max' | 'p75' | 'p95' | 'p99';

interface MetricLike {
  unit: BaseUnit;
  value: number;
  samples?: number[];
  stats?: Stats;
}

/** The metric of one benchmark result, derived when it is `cpuUtilization` and absent. */
export function metricOf(b: BenchmarkResult, name: string | undefined): MetricLike | undefined {
  if (name === undefined) return b;
  const m: Metric | undefined = b.metrics?.[name];
  if (m) return m;
  if (name === 'cpuUtilization') {
    const user = b.metrics?.cpuUser;
    const sys = b.metrics?.cpuSystem;
    if (!user || !sys || user.unit !== b.unit || sys.unit !== b.unit || !(b.value > 0)) return undefined;
    return { unit: 'ratio', value: (user.value + sys.value) / b.value };
  }
  return undefined;
}

/** One statistic of sorted finite samples. */
function statOfSorted(sorted: Float64Array, stat: StatName): number {
  const n = sorted.length;
  switch (stat) {
    case 'min':
      return sorted[0] as number;
    case 'max':
      return sorted[n - 1] as number;
    case 'mean':
      return sorted.reduce((s, x) => s + x, 0) / n;
    case 'median':
      return n % 2 ? (sorted[n >> 1] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
    default:
      return quantileSorted(Array.from(sorted), Number(stat.slice(1)) / 100);
  }
}

/** Value of `stat` for a metric in one run, or undefined when it cannot be known. */
function statOfOne(m: MetricLike, stat: StatName): number | undefined {
  if (m.samples && m.samples.length > 0) {
    const { values } = finiteValues(m.samples);
    if (values.length > 0) return statOfSorted(values.sort(), stat);
  }
  const fromStats = m.stats?.[stat];
  if (fromStats !== undefined && Number.isFinite(fromStats)) return fromStats;
  if ((!m.stats || m.stats.n <= 1) && Number.isFinite(m.value)) return m.value;
  return undefined;
}

/**
 * `stat` of a metric over the current runs: on the pooled samples when every run has samples,
 * else the median of the per-run statistics. Undefined when no run can tell.
 */
export function metricStat(
  runs: readonly RunFile[],
  id: string,
  metric: string | undefined,
  stat: StatName,
): { value: number; unit: BaseUnit; n: number } | undefined {
  const found: MetricLike[] = [];
  for (const r of runs) {
    const b = r.benchmarks.find((x) => x.id === id);
    const m = b ? metricOf(b, metric) : undefined;
    if (m) found.push(m);
  }
  const first = found[0];
  if (!first) return undefined;
  if (found.every((m) => m.samples && m.samples.length > 0)) {
    const pooled = finiteValues(found.flatMap((m) => m.samples as number[])).values;
    if (pooled.length > 0) return { value: statOfSorted(pooled.sort(), stat), unit: first.unit, n: pooled.length };
  }
  const per = found.map((m) => statOfOne(m, stat)).filter((v): v is number => v !== undefined);
  if (per.length === 0) return undefined;
  return { value: statOfSorted(Float64Array.from(per).sort(), 'median'), unit: first.unit, n: per.length };
}
