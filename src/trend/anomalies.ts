/**
 * Anomalies: single runs far off their neighbours on both sides — a bad runner, a noisy
 * neighbour — marked and left out of change-point detection, so that one run raises no alert.
 *
 * The residual of a run is its distance to the median of the `k` runs before it and to the median
 * of the `k` runs after it; it is an anomaly when both are beyond `threshold` robust standard
 * deviations on the same side. A step is not an anomaly: the runs after it agree with it. The
 * noise scale is robust too: 1.4826 × the median absolute deviation of the run-to-run
 * differences, ÷ √2 (steps and drift barely move it; Hampel 1974, the MAD's consistency factor).
 * The newest run has no runs after it: off the runs before it (and off the run just before), it is
 * marked `pending` — the next run tells an outlier from a step.
 */

import { medianOfSorted } from './median.js';

export const DEFAULT_ANOMALY_Z = 5;
const NEIGHBOURS = 3;
/** Differences below this (in log space, ~1e-7 relative) are the stored values' rounding (round7). */
const EPSILON = 1e-7;

export interface AnomalyFound {
  index: number;
  /** Signed distance to the nearer neighbours' median, in the series' scale (log: ln ratio). */
  deviation: number;
  /** |deviation| in robust standard deviations (Infinity when the series is otherwise exact). */
  z: number;
  /** The newest run: no runs after it yet. */
  pending: boolean;
}

/** Robust standard deviation of the run-to-run noise of `z` (0 for an exact series). */
export function noiseScale(z: ArrayLike<number>): number {
  if (z.length < 3) return 0;
  const diffs = new Float64Array(z.length - 1);
  for (let i = 1; i < z.length; i++) diffs[i - 1] = (z[i] as number) - (z[i - 1] as number);
  const mid = medianOfSorted(diffs.sort());
  for (let i = 0; i < diffs.length; i++) diffs[i] = Math.abs((diffs[i] as number) - mid);
  return (1.4826 * medianOfSorted(diffs.sort())) / Math.SQRT2;
}

/**
 * Median of z[from..to) clipped to the series (at most NEIGHBOURS = 3 values); NaN when empty.
 * By comparisons, not a sort: Math.min and Math.max order −0 before +0 as a typed array's sort
 * does, so the value is the same, for a fraction of the cost of a sort per run and side.
 */
function sideMedian(z: ArrayLike<number>, from: number, to: number): number {
  const a = Math.max(0, from);
  const b = Math.min(z.length, to);
  const n = b - a;
  if (n <= 0) return NaN;
  const x = z[a] as number;
  if (n === 1) return x;
  const y = z[a + 1] as number;
  if (n === 2) return (Math.min(x, y) + Math.max(x, y)) / 2;
  const w = z[a + 2] as number;
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), w));
}

/** Anomalous runs of `z` (oldest first); none for fewer than 5 runs. */
export function findAnomalies(z: ArrayLike<number>, threshold = DEFAULT_ANOMALY_Z): AnomalyFound[] {
  const n = z.length;
  if (n < 5) return [];
  const sigma = noiseScale(z);
  const scaled = (d: number) => (Math.abs(d) <= EPSILON ? 0 : sigma > 0 ? Math.abs(d) / sigma : Infinity);
  const out: AnomalyFound[] = [];
  for (let i = 0; i < n; i++) {
    const x = z[i] as number;
    // Distances to the median before and after; a run at either end is also compared with its
    // one neighbour, which must disagree too.
    const before = i === 0 ? x - (z[1] as number) : x - sideMedian(z, i - NEIGHBOURS, i);
    const after = i === n - 1 ? x - (z[n - 2] as number) : x - sideMedian(z, i + 1, i + 1 + NEIGHBOURS);
    if (!(before > 0 === after > 0) || before === 0 || after === 0) continue;
    const weakest = Math.min(scaled(before), scaled(after));
    if (!(weakest >= threshold)) continue;
    out.push({ index: i, deviation: Math.abs(before) < Math.abs(after) ? before : after, z: weakest, pending: i === n - 1 });
  }
  return out;
}
