/**
 * Noise that a level's repeats share: a neighbour's load during one level's runs, a process's
 * JIT or GC state in a tinybench sweep. The repeats' spread cannot see it, so intervals built
 * on that spread alone are too narrow, and two sweeps of the same code look different
 * (research/scaling-false-alarms.ts measured 3–12% false alarms from 2% of it). It shows as lack
 * of fit: the level means stray from the fitted curve more than the repeats' spread predicts.
 *
 * Method: the lack-of-fit mean square of the level means around the chosen model (one-way
 * random effects, Searle, Casella & McCulloch 1992, ch. 3) less the repeats' share gives the
 * level variance s²_L; a ratio of two level means gains 2 s²_L of log variance, and a fitted
 * parameter's standard error grows by the design effect √(1 + (r − 1) ρ), ρ = s²_L / (s²_L + s²)
 * (Kish, Survey Sampling, 1965). Pure.
 */
import type { Interval, ScalingAnalysis } from '../../model/scaling.js';
import { studentTQuantile } from '../student-t.js';
import { uslThroughput } from './usl.js';

export interface LevelNoise {
  /** Log-SD of the level offsets (0 when the level means sit on the curve as the repeats predict). */
  levelSd: number;
  /** Its 97.5% Student t quantile (degrees of freedom: levels − the model's parameters). */
  q: number;
  /** Factor on a fitted parameter's standard error. */
  designEffect: number;
}

/** The level noise of an analysed sweep, or none without a fit or with a single repeat per level. */
export function levelNoise(a: ScalingAnalysis): LevelNoise | undefined {
  const model = a.fit?.[a.fit.chosen];
  const withSpread = a.levels.filter((l) => l.repeats > 1 && Number.isFinite(l.interval.lo));
  if (!model || withSpread.length === 0) return undefined;
  const df = a.levels.reduce((s, l) => s + l.repeats - 1, 0);
  const qPure = studentTQuantile(0.975, df);
  const one = withSpread[0]!;
  // The levels' intervals are geomean × exp(± q s / √r): s back from any of them.
  const sd = (Math.log(one.interval.hi / one.throughput) * Math.sqrt(one.repeats)) / qPure;
  const dfLevels = a.levels.length - model.k;
  if (dfLevels < 1 || !(sd >= 0)) return undefined;
  const ms = a.levels.reduce((s, l) => s + Math.log(l.throughput / uslThroughput(model.params, l.n)) ** 2, 0) / dfLevels;
  const meanInvR = a.levels.reduce((s, l) => s + 1 / l.repeats, 0) / a.levels.length;
  const level2 = Math.max(0, ms - sd * sd * meanInvR);
  const r = a.levels.reduce((s, l) => s + l.repeats, 0) / a.levels.length;
  const rho = level2 + sd * sd > 0 ? level2 / (level2 + sd * sd) : 0;
  return { levelSd: Math.sqrt(level2), q: studentTQuantile(0.975, dfLevels), designEffect: Math.sqrt(1 + (r - 1) * rho) };
}

/** A speedup's interval (a ratio of two level means, on the log scale) widened by the level noise. */
export function widenRatio(value: number, i: Interval, noise: LevelNoise | undefined): Interval {
  if (!noise || noise.levelSd === 0) return i;
  const half = Math.log(i.hi / value);
  const wide = Math.hypot(half, noise.q * noise.levelSd * Math.SQRT2);
  return { lo: value * Math.exp(-wide), hi: value * Math.exp(wide) };
}

/** A fitted parameter's interval widened by the design effect around its value (its lower bound kept ≥ 0 when it was). */
export function widenParameter(value: number, i: Interval, noise: LevelNoise | undefined): Interval {
  if (!noise || noise.designEffect === 1) return i;
  const f = noise.designEffect;
  const lo = value - (value - i.lo) * f;
  return { lo: i.lo >= 0 ? Math.max(0, lo) : lo, hi: Number.isFinite(i.hi) ? value + (i.hi - value) * f : i.hi };
}

/**
 * The louder of two sweeps' level noise, for both. With 6 levels each estimate has 3–4 degrees of
 * freedom and often reads low; the two sweeps of a PR run on the same kind of machine, so the
 * larger one is the safer guess for both (in research/scaling-false-alarms.ts it cut the false
 * alarms of the level-noise rows from 12 to 9 in 3,600 same-code pairs, at some cost in detection).
 */
export function louder(a: LevelNoise | undefined, b: LevelNoise | undefined): LevelNoise | undefined {
  if (!a || !b) return a ?? b;
  const loud = a.levelSd >= b.levelSd ? a : b;
  return { ...loud, designEffect: Math.max(a.designEffect, b.designEffect) };
}
