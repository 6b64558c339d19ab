import { max, mean, median, min, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import type { Stats } from './run-file.js';

/** Summary statistics of raw samples (n ≥ 1). Quantiles use simple-statistics' method. */
export function summarize(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new RangeError('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    mean: mean(sorted),
    median: median(sorted),
    min: min(sorted),
    max: max(sorted),
    stdev: sorted.length > 1 ? sampleStandardDeviation(sorted) : 0,
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
  };
}

/** Stats for a metric known only by one value (the tool gave no samples). */
export function summarizeValue(value: number): Stats {
  return { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 };
}
