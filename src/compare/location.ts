/**
 * The location of one run: the median of its finite samples, their mean rate (`mean-rate`), or
 * their best sample (`best`: the fastest time, the highest throughput); the tool's value when it
 * gave no samples.
 * The run — not the sample — is the unit that carries between-run noise, so every design works
 * on these per-run locations (in log space, where a slowdown is a shift).
 */
import { quickselect } from 'simple-statistics';
import type { BenchmarkResult, LocationStatistic } from '../model/index.js';

/**
 * k-th smallest (0-based) of `a`, reordering `a` in place so that the k smallest come first:
 * simple-statistics' Floyd–Rivest quickselect, O(n), which took bench:compare-speed's single
 * comparison from about 1 s with Hoare's to about 0.7 s. Typed arrays index like arrays, which is
 * all it needs.
 */
export function selectInPlace(a: Float64Array, k: number): number {
  quickselect(a as unknown as number[], k);
  return a[k] as number;
}

/** Scratch buffer reused by runLocation: comparing thousands of large runs allocates no garbage. */
let scratch = new Float64Array(1024);

/**
 * Finite values of `xs` in a typed array, and how many were dropped (NaN, ±Infinity). With
 * `reuse`, the array is a view of a shared scratch buffer, valid until the next such call.
 */
export function finiteValues(xs: readonly number[], reuse = false): { values: Float64Array; dropped: number } {
  const len = xs.length;
  if (reuse && scratch.length < len) scratch = new Float64Array(Math.max(len, scratch.length * 2));
  const out = reuse ? scratch : new Float64Array(len);
  let n = 0;
  for (let i = 0; i < len; i++) {
    const x = xs[i] as number;
    if (x - x === 0) out[n++] = x; // finite: NaN and ±Infinity give NaN here
  }
  const values = reuse ? out.subarray(0, n) : n === len ? out : out.slice(0, n);
  return { values, dropped: len - n };
}

/** Median of a typed array in O(n) (reorders it). NaN when empty. */
export function medianInPlace(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return NaN;
  const upper = selectInPlace(a, n >> 1);
  if (n % 2 === 1) return upper;
  // After selecting the upper middle, the lower middle is the largest element to its left.
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if ((a[i] as number) > lower) lower = a[i] as number;
  return (lower + upper) / 2;
}

/** The location of one run of a benchmark, with what was ignored on the way. */
export interface RunLocation {
  /** Median (or best) of the finite samples, else the finite `value`; NaN when there is nothing usable. */
  value: number;
  /** Number of usable samples (1 when only a value was given, 0 when nothing is usable). */
  n: number;
  /** Samples that were NaN or infinite and were ignored. */
  dropped: number;
  /** The finite samples (reordered), when asked for, so a caller can reuse them without a copy. */
  finite?: Float64Array;
}

/**
 * Location of one benchmark in one run. With `keep`, `finite` holds the finite samples in the
 * shared scratch buffer: use it before the next call.
 */
export function runLocation(
  b: Pick<BenchmarkResult, 'samples' | 'value' | 'direction'>,
  keep = false,
  statistic: LocationStatistic = 'median',
): RunLocation {
  if (b.samples && b.samples.length > 0) {
    const { values, dropped } = finiteValues(b.samples, true);
    if (values.length > 0) {
      const value =
        statistic === 'best'
          ? best(values, b.direction)
          : statistic === 'mean-rate'
            ? meanRate(values, b.direction)
            : medianInPlace(values);
      return { value, n: values.length, dropped, ...(keep ? { finite: values } : {}) };
    }
    return { value: Number.isFinite(b.value) ? b.value : NaN, n: Number.isFinite(b.value) ? 1 : 0, dropped };
  }
  return Number.isFinite(b.value) ? { value: b.value, n: 1, dropped: 0 } : { value: NaN, n: 0, dropped: 0 };
}

/**
 * The mean rate: where smaller is better (times), the harmonic mean of the samples — the time
 * per operation at the mean throughput; where bigger is better (throughputs), their arithmetic
 * mean. Either way it is the mean of the rate, so a run reads the same whichever unit a tool
 * reports. Unlike the median, it moves smoothly when a run's samples fall in two modes (a burst
 * of contention and its absence): the median jumps between the modes as their shares cross
 * 50%. Slow samples weigh little (1/x), so a GC pause or a burst barely moves it. Samples of
 * zero or below have no rate: then the median stands in.
 */
export function meanRate(values: Float64Array, direction: BenchmarkResult['direction']): number {
  const n = values.length;
  let sum = 0;
  if (direction === 'bigger') {
    for (let i = 0; i < n; i++) sum += values[i] as number;
    return sum / n;
  }
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (!(x > 0)) return medianInPlace(values);
    sum += 1 / x;
  }
  return n / sum;
}

/** The best value: the smallest where smaller is better, else the largest. */
function best(values: Float64Array, direction: BenchmarkResult['direction']): number {
  let m = values[0] as number;
  for (let i = 1; i < values.length; i++) {
    const x = values[i] as number;
    if (direction === 'bigger' ? x > m : x < m) m = x;
  }
  return m;
}

/**
 * Distribution-free confidence interval of the median from order statistics (normal
 * approximation to the binomial ranks). Returns null when there are fewer than 6 samples.
 */
export function medianCi(samples: readonly number[], z = 1.959963984540054): [number, number] | null {
  const { values } = finiteValues(samples);
  const n = values.length;
  if (n < 6) return null;
  const sorted = values.sort();
  const half = (z * Math.sqrt(n)) / 2;
  const lo = Math.max(0, Math.floor(n / 2 - half) - 1);
  const hi = Math.min(n - 1, Math.ceil(n / 2 + half));
  return [sorted[lo] as number, sorted[hi] as number];
}
