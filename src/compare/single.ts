/**
 * Single design: one baseline run against one current run. The samples inside a run say nothing
 * about how the next run's median will move, so the between-run spread is not estimated but
 * assumed: a noise floor σ (log scale, per run) measured on the accuracy corpus. The test is a z
 * test on log(cur / base) with se² = 2σ² + the within-run standard errors of both medians. It is
 * deliberately conservative: it prefers "inconclusive" (with the detectable effect) to a false
 * alarm, and points to the history and paired designs for power.
 */
import { finiteValues, selectInPlace } from './location.js';
import type { Estimate } from './estimate.js';

/** Default between-run noise floor (log-scale SD per run); see bench/accuracy.ts for its origin. */
export const DEFAULT_NOISE_FLOOR = 0.05;

/**
 * Within-run standard error of log(median): 1.2533 · robust CV / √n, the robust CV being
 * 1.4826 · MAD / median. 0 when there are fewer than 3 samples (nothing to say).
 */
export function withinRunSe(samples: readonly number[] | undefined, median: number): number {
  if (!samples || samples.length < 3 || !(median > 0)) return 0;
  const { values } = finiteValues(samples);
  const n = values.length;
  if (n < 3) return 0;
  for (let i = 0; i < n; i++) values[i] = Math.abs((values[i] as number) - median);
  const mad = selectInPlace(values, n >> 1);
  return (1.2533 * 1.4826 * mad) / median / Math.sqrt(n);
}

/** Single-run estimate: log locations of one run each, their within-run SEs, and the floor. */
export function singleEstimate(
  logBase: number,
  logCur: number,
  withinBase: number,
  withinCur: number,
  noiseFloor: number,
): Estimate {
  return {
    delta: logCur - logBase,
    se: Math.sqrt(2 * noiseFloor * noiseFloor + withinBase * withinBase + withinCur * withinCur),
    df: Infinity,
    nBase: 1,
    nCur: 1,
    method: `z test with a between-run noise floor of ${(noiseFloor * 100).toFixed(1)}% per run`,
  };
}
