/**
 * Paired design (A/B in one job): the i-th baseline and i-th current run were measured side by
 * side, so machine drift is shared and cancels in d_i = log(cur_i) − log(base_i). Inference is a
 * one-sample Student t on the mean of d with n − 1 degrees of freedom (the classic paired t-test,
 * as R's `t.test(log(cur), log(base), paired = TRUE)`).
 */
import { meanVar, type Estimate } from './estimate.js';

/** Paired estimate from log locations of n ≥ 2 pairs (equal lengths, all finite). */
export function pairedEstimate(logBase: readonly number[], logCur: readonly number[]): Estimate {
  const d = logCur.map((c, i) => c - (logBase[i] as number));
  const { mean, variance } = meanVar(d);
  const n = d.length;
  return {
    delta: mean,
    se: Math.sqrt(variance / n),
    df: n - 1,
    seFactor: 1 / n,
    nBase: n,
    nCur: n,
    method: `paired t (${n} pairs)`,
  };
}
