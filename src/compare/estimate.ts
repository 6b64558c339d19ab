/**
 * What every design produces: an estimate of the change of log location (current − baseline)
 * with its standard error and degrees of freedom, and the figures derived from it.
 */
import { studentTQuantile, studentTTwoSidedP } from './student-t.js';

/** A change estimate in log space. `df = Infinity` means the spread is taken as known. */
export interface Estimate {
  /** log(current location) − log(baseline location); positive = the value grew. */
  delta: number;
  /** Standard error of `delta`. */
  se: number;
  df: number;
  /**
   * se² = s² · seFactor, where s² is the between-run variance estimated with `df` degrees of
   * freedom (1/n for n pairs): what lets moderate.ts shrink s².
   */
  seFactor?: number;
  /** Runs (or pairs) used on each side. */
  nBase: number;
  nCur: number;
  /** Short name of the method, e.g. "paired t (5 pairs)". */
  method: string;
}

/** Change, CI, p-value and minimum detectable effect of an estimate, as relative changes. */
export interface Derived {
  change: number;
  ci: [number, number];
  /** Two-sided p-value of "no change". */
  pValue: number;
  /** CI in log space, for the equivalence check. */
  logCi: [number, number];
  /** Smallest relative change detected with 80% power at `testAlpha` (two-sided), as a positive fraction. */
  minDetectableEffect: number;
}

/** The spread actually used: at least a tiny floor so identical runs do not give t = ∞. */
export const MIN_SE = 1e-4;

/**
 * Derives change, `1 − alpha` CI and p-value from an estimate. The MDE uses `testAlpha`, the
 * per-test level the suite-wide correction needs in the worst case (alpha / tests).
 */
export function derive(e: Estimate, alpha: number, testAlpha: number): Derived {
  const se = Math.max(e.se, MIN_SE);
  const tCrit = studentTQuantile(1 - alpha / 2, e.df);
  const lo = e.delta - tCrit * se;
  const hi = e.delta + tCrit * se;
  const mdeLog = (studentTQuantile(1 - testAlpha / 2, e.df) + studentTQuantile(0.8, e.df)) * se;
  return {
    change: Math.expm1(e.delta),
    ci: [Math.expm1(lo), Math.expm1(hi)],
    pValue: studentTTwoSidedP(e.delta / se, e.df),
    logCi: [lo, hi],
    minDetectableEffect: Math.expm1(mdeLog),
  };
}

/** Mean and sample variance of a small array (n ≥ 1; variance 0 when n = 1). */
export function meanVar(xs: readonly number[]): { mean: number; variance: number } {
  const n = xs.length;
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, variance: n > 1 ? ss / (n - 1) : 0 };
}
