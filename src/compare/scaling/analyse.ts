/**
 * A concurrency sweep, analysed: the levels' table, the USL and Amdahl fits with the better one
 * chosen by AICc, the peak N*, the knee, and advice in words. Pure: measurements in, data out.
 * Bad input never throws: the result carries a `reason` and no fit.
 */
import { adviceFor } from './advice.js';
import { kneeOf, summarizeLevels, type LevelMeasurements } from './levels.js';
import type { LevelSummary } from '../../model/scaling.js';
import { fitModel, fitQuantile, uslThroughput, type ScalingPoint } from './usl.js';
import type { Interval, ModelFit, Peak, ScalingAnalysis, ScalingFit } from '../../model/scaling.js';

/** Fewer distinct levels than this: no fit (three parameters need a fourth point to be tested). */
export const MIN_LEVELS = 4;
/** Fewer than this: a fit with a warning, as R's `usl` and usl4j warn (usl4j refuses). */
export const WARN_LEVELS = 6;
/** Default efficiency floor that marks the knee. */
export const DEFAULT_EFFICIENCY_FLOOR = 0.5;
/** A best level below this speedup over the lowest is a flat curve: nothing to fit. */
const FLAT_SPEEDUP = 1.1;

export interface ScalingOptions {
  /** Efficiency (speedup / N) below which a level is past the knee (default 0.5). */
  efficiencyFloor?: number;
}

export type { Peak, ScalingAnalysis, ScalingFit } from '../../model/scaling.js';

/**
 * Analyses a sweep (levels in any order; repeats of one N may come as separate entries). When some
 * levels were `added` near a knee, the fit covers all levels and `firstFit` the ones before.
 */
export function analyseScaling(input: readonly LevelMeasurements[], options: ScalingOptions = {}): ScalingAnalysis {
  const added = [...new Set(input.filter((l) => l.added).map((l) => l.n))].sort((a, b) => a - b);
  const all = analyseLevels(input, options);
  if (added.length === 0) return all;
  const before = input.filter((l) => !l.added);
  const first = analyseLevels(before, options);
  const levels = [...new Set(before.map((l) => l.n))].sort((a, b) => a - b);
  return { ...all, added, firstFit: { levels, ...(first.fit && { fit: first.fit }), ...(first.reason && { reason: first.reason }) } };
}

function analyseLevels(input: readonly LevelMeasurements[], options: ScalingOptions): ScalingAnalysis {
  const floor = options.efficiencyFloor ?? DEFAULT_EFFICIENCY_FLOOR;
  const warnings: string[] = [];
  const failed = input.filter((l) => l.error !== undefined).map((l) => ({ n: l.n, error: l.error! }));
  const measured = mergeLevels(input.filter((l) => l.error === undefined && l.throughputs.length > 0));
  const bad = measured.find((l) => !(l.n >= 1) || l.throughputs.some((x) => !(x > 0 && Number.isFinite(x))));
  const done = (levels: LevelSummary[], reason?: string, fit?: ScalingFit): ScalingAnalysis => {
    const knee = kneeOf(levels, floor);
    const base = { levels, failed, efficiencyFloor: floor, ...(knee !== undefined && { knee }), warnings };
    const analysis: ScalingAnalysis = { ...base, ...(fit && { fit }), ...(reason && { reason }), advice: '' };
    analysis.advice = adviceFor(analysis);
    return analysis;
  };
  if (bad)
    return done([], `level N = ${bad.n} has a throughput that is not a positive number (${bad.throughputs.join(', ')}) or N is below 1`);
  const prelim = summarizeLevels(measured, measured.length ? lowestPerWorker(measured) : undefined);
  if (failed.length > 0) {
    const list = failed.map((f) => f.n).join(', ');
    return done(
      prelim,
      `${failed.length === 1 ? 'level' : 'levels'} N = ${list} failed (see its error); a fit over a curve with a hole would mislead: fix it, or leave the level out with --levels`,
    );
  }
  if (measured.length < MIN_LEVELS) return done(prelim, `too few levels for a fit: measured ${measured.length}, need ${MIN_LEVELS}`);
  const first = prelim[0]!;
  const rest = prelim.slice(1);
  if (rest.every((l) => l.throughput < first.throughput)) {
    return done(
      prelim,
      `throughput falls from N = ${rest[0]!.n} on: every level above N = ${first.n} is slower than it (retrograde from the start: a lock or a shared resource serialises the work)`,
    );
  }
  const best = rest.reduce((a, b) => (b.throughput > a.throughput ? b : a));
  if (best.throughput / first.throughput < FLAT_SPEEDUP) {
    return done(
      prelim,
      `flat curve: the best level (N = ${best.n}) is only ${(best.throughput / first.throughput).toFixed(2)}× N = ${first.n}; nothing parallelises (does the command use {N}?)`,
    );
  }
  if (measured.length < WARN_LEVELS)
    warnings.push(
      `only ${measured.length} levels: a fit on fewer than ${WARN_LEVELS} is rough (R's usl warns likewise); measure more levels`,
    );
  const points: ScalingPoint[] = measured.flatMap((l) => l.throughputs.map((throughput) => ({ n: l.n, throughput })));
  if (points.length - 3 < 2)
    warnings.push(`only ${points.length} measurements for 3 parameters: the intervals are very wide; repeat each level more`);
  const usl = fitModel(points, 'usl');
  const amdahl = fitModel(points, 'amdahl');
  const chosen = usl.aicc < amdahl.aicc ? 'usl' : 'amdahl';
  const maxN = measured[measured.length - 1]!.n;
  const fit: ScalingFit = {
    chosen,
    usl,
    amdahl,
    amdahlLimit: amdahlLimit(amdahl),
    ...(usl.params.kappa > 0 && { peak: peakOf(usl, measured[0]!.n, maxN) }),
  };
  const levels = measured.some((l) => l.n === 1) ? prelim : summarizeLevels(measured, (chosen === 'usl' ? usl : amdahl).params.lambda);
  if (!measured.some((l) => l.n === 1)) warnings.push(`N = 1 was not measured: speedups are relative to the fitted λ`);
  if (fit.peak && !fit.peak.inRange && chosen === 'usl')
    warnings.push(
      `the fitted peak N* ≈ ${fit.peak.n.toFixed(1)} lies outside the measured N = ${measured[0]!.n}…${maxN}: an extrapolation`,
    );
  return done(levels, undefined, fit);
}

/** Repeats of one N given as several entries become one level; sorted by N. */
function mergeLevels(levels: readonly LevelMeasurements[]): LevelMeasurements[] {
  const by = new Map<number, number[]>();
  for (const l of levels) by.set(l.n, [...(by.get(l.n) ?? []), ...l.throughputs]);
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([n, throughputs]) => ({ n, throughputs }));
}

/** Before any fit: one worker's throughput estimated from the lowest level as if it scaled linearly. */
function lowestPerWorker(levels: readonly LevelMeasurements[]): number {
  const l = levels[0]!;
  return Math.exp(l.throughputs.reduce((s, x) => s + Math.log(x), 0) / l.throughputs.length) / l.n;
}

function peakOf(usl: ModelFit, minN: number, maxN: number): Peak {
  const { sigma, kappa } = usl.params;
  const n = Math.sqrt((1 - sigma) / kappa);
  // Delta method on log N* = ½ log(1−σ) − ½ log κ, with the fit's covariance of (σ, κ).
  const gs = -0.5 / (1 - sigma);
  const gk = -0.5 / kappa;
  const c = usl.covariance;
  const v = gs * gs * c[1]![1]! + 2 * gs * gk * c[1]![2]! + gk * gk * c[2]![2]!;
  const half = fitQuantile(usl) * Math.sqrt(Math.max(0, v));
  const hi = usl.intervals.kappa.lo <= 0 ? Infinity : Math.exp(Math.log(n) + half);
  return {
    n,
    interval: { lo: Math.exp(Math.log(n) - half), hi },
    throughput: uslThroughput(usl.params, n),
    inRange: n >= minN && n <= maxN,
  };
}

function amdahlLimit(amdahl: ModelFit): { value: number; interval: Interval } {
  const { sigma } = amdahl.params;
  const s = amdahl.intervals.sigma;
  return { value: 1 / sigma, interval: { lo: 1 / s.hi, hi: s.lo > 0 ? 1 / s.lo : Infinity } };
}
