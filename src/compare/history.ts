/**
 * History design: K baseline runs (the default branch's recent runs) against m current runs.
 * The run-to-run spread is estimated from the runs themselves — pooled over both sides when the
 * current side has several runs — and the difference of mean log locations is tested with a
 * two-sample Student t (pooled variance, K + m − 2 df). With one current run this is the
 * prediction-interval test: se = s·√(1/K + 1/m), so one run's own noise bounds the power.
 */
import { meanVar, type Estimate } from './estimate.js';

/** History estimate from finite log locations; needs K + m ≥ 3 and at least one side with ≥ 2 runs. */
export function historyEstimate(logBase: readonly number[], logCur: readonly number[]): Estimate {
  const b = meanVar(logBase);
  const c = meanVar(logCur);
  const k = logBase.length;
  const m = logCur.length;
  const df = k - 1 + (m - 1);
  const pooled = ((k - 1) * b.variance + (m - 1) * c.variance) / df;
  return {
    delta: c.mean - b.mean,
    se: Math.sqrt(pooled * (1 / k + 1 / m)),
    df,
    nBase: k,
    nCur: m,
    method: `two-sample t on run medians (${k} baseline, ${m} current runs)`,
  };
}
