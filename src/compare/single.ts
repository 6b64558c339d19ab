/**
 * Single design: one baseline run against one current run. The samples inside a run cannot
 * show how the next run's median will move, so the between-run spread is assumed, not
 * estimated: per run, σ² = floor² + CV², where `floor` is a noise floor (default 0.6 log-SD:
 * on the accuracy corpus, recorded on a shared 2-core VM, run medians of 8 of 10 workloads moved
 * 8–31% between invocations with heavy tails, and one run per side cannot tell a 1-in-20 outlier
 * run from a change; on a quiet dedicated runner ~0.1 is realistic — set `compare.noiseFloor`)
 * and CV is the run's own robust within-run CV (1.4826·MAD/median) — on a loaded machine the
 * runs that scatter inside also move between invocations, and the accuracy corpus shows the
 * two spreads growing together. The test is a z test on log(cur / base) with
 * se² = σ_base² + σ_cur² + both medians' standard errors. It is deliberately conservative: it
 * prefers "inconclusive" (with the detectable effect) to a false alarm.
 */
import { finiteValues, selectInPlace } from './location.js';
import type { Estimate } from './estimate.js';

/** Default between-run noise floor (log-scale SD per run). */
export const DEFAULT_NOISE_FLOOR = 0.6;

/** Robust spread of one run: CV = 1.4826·MAD/median, and the usable sample count. */
export interface RunSpread {
  cv: number;
  n: number;
}

/** The robust within-run CV of a run's samples (0 with fewer than 3 samples: nothing to say). */
export function runSpread(samples: readonly number[] | Float64Array | undefined, median: number): RunSpread {
  if (!samples || samples.length < 3 || !(median > 0)) return { cv: 0, n: samples?.length ?? 1 };
  // A Float64Array is taken as a private copy of finite samples and overwritten.
  const values = samples instanceof Float64Array ? samples : finiteValues(samples).values;
  const n = values.length;
  if (n < 3) return { cv: 0, n };
  for (let i = 0; i < n; i++) values[i] = Math.abs((values[i] as number) - median);
  const mad = selectInPlace(values, n >> 1);
  return { cv: (1.4826 * mad) / median, n };
}

/** Variance of one run's log median as a predictor of another invocation: floor² + CV² + SE². */
function runVariance(s: RunSpread, floor: number): number {
  const se = (1.2533 * s.cv) / Math.sqrt(Math.max(1, s.n));
  return floor * floor + s.cv * s.cv + se * se;
}

/** Single-run estimate from the two log locations, the runs' spreads and the noise floor. */
export function singleEstimate(logBase: number, logCur: number, base: RunSpread, cur: RunSpread, noiseFloor: number): Estimate {
  return {
    delta: logCur - logBase,
    se: Math.sqrt(runVariance(base, noiseFloor) + runVariance(cur, noiseFloor)),
    df: Infinity,
    nBase: 1,
    nCur: 1,
    method: `z test with a between-run noise floor of ${(noiseFloor * 100).toFixed(1)}% per run`,
  };
}
