/**
 * The significance test of a change point, as Apache Otava makes E-Divisive deterministic:
 * Student's two-sample t-test (pooled variance, two-sided) between the runs before and after
 * the candidate, instead of Matteson & James's permutation test. Otava's TTestSignificanceTester
 * passes population standard deviations to scipy's `ttest_ind_from_stats`; here the sample
 * standard deviations are used (the textbook test, slightly more conservative).
 */
import { studentTTwoSidedP } from '../compare/student-t.js';

/** Mean and sample standard deviation of one side of a split. */
export interface SideStats {
  n: number;
  mean: number;
  sd: number;
}

/** Mean and sample standard deviation of `xs[from..to)`; equal values give exactly their value and 0. */
export function sideStats(xs: ArrayLike<number>, from: number, to: number): SideStats {
  const n = to - from;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const x = xs[i] as number;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (n > 0 && min === max) return { n, mean: min, sd: 0 }; // a sum's rounding must not invent spread
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (let i = from; i < to; i++) ss += ((xs[i] as number) - mean) ** 2;
  return { n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

/**
 * Two-sided p-value of Student's pooled t-test. With no spread on either side (a deterministic
 * metric) any difference of means is certain (p = 0) and none is p = 1; fewer than three values
 * in all cannot be tested (p = 1), as in Otava.
 */
export function pooledTTestP(a: SideStats, b: SideStats): number {
  if (a.n < 1 || b.n < 1 || a.n + b.n <= 2) return 1;
  const df = a.n + b.n - 2;
  const pooled = ((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / df;
  const diff = b.mean - a.mean;
  if (pooled === 0) return diff === 0 ? 1 : 0;
  const t = diff / Math.sqrt(pooled * (1 / a.n + 1 / b.n));
  return studentTTwoSidedP(t, df);
}
