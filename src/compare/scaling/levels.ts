/**
 * Throughput per concurrency level with its interval, speedup and parallel efficiency.
 *
 * Run-to-run noise on throughput is multiplicative, so each level stands for the geometric mean
 * of its repeats, and intervals are taken on the log scale with the log-SD pooled over all
 * levels (one noise level for the machine: with 3 repeats a level's own SD has 2 degrees of
 * freedom and a t quantile of 4.3; pooled over 6 levels it has 12).
 */
import { studentTQuantile } from '../student-t.js';
import type { LevelSummary } from '../../model/scaling.js';

/** What a sweep measured at one level: one throughput per repeat, or the error that stopped it. */
export interface LevelMeasurements {
  n: number;
  throughputs: number[];
  error?: string;
  /** Measured after the first fit, near its knee (see knee-levels.ts). */
  added?: boolean;
}

export type { LevelSummary } from '../../model/scaling.js';

const logMean = (xs: readonly number[]) => xs.reduce((s, x) => s + Math.log(x), 0) / xs.length;

/** Pooled within-level log-SD and its degrees of freedom (0 when every level has one repeat). */
export function pooledLogSd(levels: readonly LevelMeasurements[]): { sd: number; df: number } {
  let ss = 0;
  let df = 0;
  for (const l of levels) {
    if (l.throughputs.length < 2) continue;
    const m = logMean(l.throughputs);
    ss += l.throughputs.reduce((s, x) => s + (Math.log(x) - m) ** 2, 0);
    df += l.throughputs.length - 1;
  }
  return { sd: df > 0 ? Math.sqrt(ss / df) : NaN, df };
}

/**
 * Summaries of measured levels (sorted by N; errors excluded by the caller). `base` is the
 * throughput of one worker to divide by: the measured N = 1 when present, else the caller's
 * estimate (the fit's λ).
 */
export function summarizeLevels(levels: readonly LevelMeasurements[], base?: number): LevelSummary[] {
  const { sd, df } = pooledLogSd(levels);
  const q = df > 0 ? studentTQuantile(0.975, df) : NaN;
  const one = levels.find((l) => l.n === 1);
  const logBase = one ? logMean(one.throughputs) : base !== undefined ? Math.log(base) : NaN;
  const baseN = one ? one.throughputs.length : Infinity;
  return [...levels]
    .sort((a, b) => a.n - b.n)
    .map((l) => {
      const lm = logMean(l.throughputs);
      const half = q * sd * Math.sqrt(1 / l.throughputs.length);
      const ratioHalf = l.n === 1 ? 0 : q * sd * Math.sqrt(1 / l.throughputs.length + 1 / baseN);
      const speedup = Math.exp(lm - logBase);
      return {
        n: l.n,
        repeats: l.throughputs.length,
        throughput: Math.exp(lm),
        interval: { lo: Math.exp(lm - half), hi: Math.exp(lm + half) },
        speedup,
        speedupInterval: { lo: Math.exp(lm - logBase - ratioHalf), hi: Math.exp(lm - logBase + ratioHalf) },
        efficiency: speedup / l.n,
      };
    });
}

/** The first level whose efficiency falls below the floor (the knee), if any. */
export function kneeOf(levels: readonly LevelSummary[], floor: number): number | undefined {
  return levels.find((l) => l.efficiency < floor)?.n;
}
