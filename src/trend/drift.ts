/**
 * Drift: a slow trend that no single step explains. The slope is Theil–Sen's (the median of the
 * slopes between every pair of runs; Theil 1950, Sen 1968), robust to a few bad runs; its
 * confidence interval is Sen's distribution-free one (the ranks of the pairwise slopes around
 * the median, from the Mann–Kendall variance, as scipy.stats.theilslopes computes it). The
 * significance is the Mann–Kendall trend test (Mann 1945, Kendall 1975): S = Σ sign(xj − xi)
 * over pairs, its variance corrected for ties, a continuity-corrected normal z. Runs are not
 * independent on a drifting machine; read the p-value as a screen, not a proof.
 */
import { probit, quickselect } from 'simple-statistics';
import { normalCdf } from '../compare/student-t.js';
import { medianOfSorted } from './median.js';

export interface SlopeFit {
  /** Theil–Sen slope: change of the series per unit of `x`. */
  slope: number;
  /** Sen's confidence interval of the slope at `confidence`. */
  ci: [number, number];
  /** Median of y − slope·x: the fitted line's value at x = 0. */
  intercept: number;
}

export interface MannKendall {
  s: number;
  z: number;
  /** Two-sided p-value. */
  pValue: number;
}

/** Variance of the Mann–Kendall S under no trend, corrected for tied values. */
function sVariance(y: readonly number[]): number {
  const n = y.length;
  // Tied groups are runs of equal values once sorted (a native sort of a typed copy).
  const sorted = Float64Array.from(y).sort();
  let ties = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    ties += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  return (n * (n - 1) * (2 * n + 5) - ties) / 18;
}

/** The Mann–Kendall S, its tie-corrected variance, and the two-sided p-value. */
export function mannKendall(y: readonly number[]): MannKendall & { variance: number } {
  const n = y.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i] as number;
    for (let j = i + 1; j < n; j++) {
      const d = (y[j] as number) - yi;
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
    }
  }
  const variance = sVariance(y);
  const z = variance > 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  return { s, z, pValue: variance > 0 ? 2 * normalCdf(-Math.abs(z)) : 1, variance };
}

/**
 * Theil–Sen slope of y on x (x strictly increasing), with Sen's interval at `confidence`.
 * `variance` is the Mann–Kendall variance of `y` (sVariance), when the caller already has it.
 */
export function theilSen(x: readonly number[], y: readonly number[], confidence = 0.95, variance = sVariance(y)): SlopeFit {
  const slopes = sortedSlopes(x, y);
  const m = slopes.length;
  if (m === 0) return { slope: NaN, ci: [NaN, NaN], intercept: NaN };
  const c = probit(1 - (1 - confidence) / 2) * Math.sqrt(variance);
  const lo = Math.max(0, Math.min(m - 1, Math.round((m - c) / 2) - 1));
  const hi = Math.max(0, Math.min(m - 1, Math.round((m + c) / 2)));
  const [mid, low, high] = orderStats(slopes, [lo, hi], x, y) as [number, number, number];
  const rest = Float64Array.from(y, (v, i) => v - mid * (x[i] as number)).sort();
  return { slope: mid, ci: [low, high], intercept: medianOfSorted(rest) };
}

/** The Theil–Sen slope alone (no interval, no intercept). */
export function theilSenSlope(x: readonly number[], y: readonly number[]): number {
  const slopes = sortedSlopes(x, y);
  return slopes.length ? orderStats(slopes, [], x, y)[0] : NaN;
}

/** The slopes between every pair of points with distinct x, in pair order. */
function pairSlopes(x: readonly number[], y: readonly number[]): Float64Array {
  const all = new Float64Array((x.length * (x.length - 1)) / 2);
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = (x[j] as number) - (x[i] as number);
      if (dx !== 0) all[m++] = ((y[j] as number) - (y[i] as number)) / dx;
    }
  }
  return all.subarray(0, m);
}

/**
 * The pair slopes sorted ascending: the order statistics (median, Sen's bounds) are read off
 * it. One native sort of a typed array costs less than the four selections it replaced, in code
 * that runs mostly before V8 optimizes it.
 */
function sortedSlopes(x: readonly number[], y: readonly number[]): Float64Array {
  return pairSlopes(x, y).sort();
}

/**
 * The median of the sorted slopes, then the k-th smallest for each of `ks`. The sort orders −0
 * before +0 where selection took either: when a statistic is a zero and the slopes hold a −0 (x
 * not ascending), they are selected as before, from the slopes in pair order, so the sign of
 * that zero is the one selection gives.
 */
function orderStats(sorted: Float64Array, ks: number[], x: readonly number[], y: readonly number[]): [number, ...number[]] {
  const out: [number, ...number[]] = [medianOfSorted(sorted), ...ks.map((k) => sorted[k] as number)];
  if (!out.some((v) => v === 0) || !hasNegativeZero(sorted)) return out;
  const slopes = pairSlopes(x, y);
  return [median(slopes), ...ks.map((k) => beside(slopes, k))];
}

function hasNegativeZero(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] === 0) return Object.is(a[i], -0); // −0 sorts first among the zeros
  return false;
}

/**
 * The median of `a`, reordering it so that a[0..p] ≤ a[p+1..] with p = ⌊(m−1)/2⌋, the lower
 * middle: later order statistics then need only select within one side (beside).
 */
function median(a: Float64Array): number {
  const m = a.length;
  const p = (m - 1) >> 1;
  const low = kth(a, p, 0, m - 1);
  return m % 2 ? low : (low + kth(a, p + 1, p + 1, m - 1)) / 2;
}

/** The k-th smallest of `a` once `median` has split it: selected within k's side only. */
function beside(a: Float64Array, k: number): number {
  const p = (a.length - 1) >> 1;
  return k <= p ? kth(a, k, 0, p) : kth(a, k, p + 1, a.length - 1);
}

/** The k-th smallest of a[left..right] (0-based k in that range), reordering that range: Floyd–Rivest selection, O(n), no full sort. */
function kth(a: Float64Array, k: number, left: number, right: number): number {
  if (right > left) quickselect(a as unknown as number[], k, left, right);
  return a[k] as number;
}
