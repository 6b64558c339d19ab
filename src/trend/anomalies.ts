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
import { median, medianAbsoluteDeviation } from 'simple-statistics';

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
  const diffs: number[] = [];
  for (let i = 1; i < z.length; i++) diffs.push((z[i] as number) - (z[i - 1] as number));
  return diffs.length < 2 ? 0 : (1.4826 * medianAbsoluteDeviation(diffs)) / Math.SQRT2;
}

function side(z: ArrayLike<number>, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(z.length, to); i++) out.push(z[i] as number);
  return out;
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
    const before = side(z, i - NEIGHBOURS, i);
    const after = side(z, i + 1, i + 1 + NEIGHBOURS);
    // A run at either end is also compared with its one neighbour, which must disagree too.
    const refs = [before, after].filter((s) => s.length > 0).map((s) => x - median(s));
    if (before.length === 0) refs.push(x - (z[1] as number));
    if (after.length === 0) refs.push(x - (z[n - 2] as number));
    const sameSide = refs.every((d) => d > 0) || refs.every((d) => d < 0);
    const zs = refs.map(scaled);
    const weakest = Math.min(...zs);
    if (!sameSide || !(weakest >= threshold)) continue;
    const nearest = refs.reduce((a, b) => (Math.abs(b) < Math.abs(a) ? b : a));
    out.push({ index: i, deviation: nearest, z: weakest, pending: i === n - 1 });
  }
  return out;
}
