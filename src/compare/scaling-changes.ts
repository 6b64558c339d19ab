/**
 * Regressions in scaling: a sweep's speedup at the configured N, and the USL's contention σ and
 * coherency κ, against the baseline run's sweep of the same suite. A change in scaling is a
 * regression even when N = 1 did not move.
 *
 * The intervals are within-run (the fit's covariance, the levels' pooled spread): they do not
 * carry run-to-run noise, which on shared runners moves contention itself. So a change counts
 * only when the two 95% intervals do not overlap (for equal widths about p < 0.006, stricter than
 * a test on the difference) and it reaches the minimum effect; σ and κ count only when the
 * fitted speedup at N moved by the minimum effect with them, so a shift of a parameter that the
 * curve does not feel is not a finding.
 */
import type { BenchmarkComparison, Interval, ScalingAnalysis } from '../model/index.js';
import { speedupAt } from './scaling-targets.js';
import { uslThroughput } from './scaling/index.js';
import { levelNoise, louder, widenParameter, widenRatio, type LevelNoise } from './scaling/level-noise.js';

export interface ChangeContext {
  suite: string;
  /** The configured N (a target's `at`, else the highest level both sweeps measured). */
  at: number;
  minEffect: (id: string) => number;
}

type Side = { value: number; interval?: Interval };

const idOf = (suite: string, name: string) => `${suite}/${name}`;

function entry(ctx: ChangeContext, name: string, unit: string, direction: 'bigger' | 'smaller'): BenchmarkComparison {
  return { id: idOf(ctx.suite, name), suite: ctx.suite, name, unit, direction, verdict: 'new', warnings: [] };
}

const logHalf = (i: Interval) => (Math.log(i.hi) - Math.log(i.lo)) / 2;

/**
 * Judges one quantity: `worse` (and `better`) when the intervals are disjoint that way. The
 * interval of the relative change combines the two log half-widths in quadrature; on a ratio of
 * values at or near 0 (σ, κ of a linear curve) no relative change is given.
 */
function judge(c: BenchmarkComparison, cur: Side, base: Side, minEffect: number, felt?: number): BenchmarkComparison {
  const out: BenchmarkComparison = { ...c, current: { value: cur.value, n: 1 }, baseline: { value: base.value, n: 1 }, minEffect };
  if (!cur.interval || !base.interval || ![cur.interval.lo, base.interval.lo].every(Number.isFinite)) {
    return { ...out, verdict: 'inconclusive', reason: 'no interval on one side (a level not measured, or no fit): nothing to test' };
  }
  const bigger = c.direction === 'bigger';
  const rose = cur.interval.lo > base.interval.hi;
  const fell = cur.interval.hi < base.interval.lo;
  const relative = base.value > 0 && cur.value > 0 && cur.interval.lo > 0 && base.interval.lo > 0;
  if (relative) {
    out.change = cur.value / base.value - 1;
    const half = Math.hypot(logHalf(cur.interval), logHalf(base.interval));
    const d = Math.log(cur.value / base.value);
    out.ci = [Math.expm1(d - half), Math.expm1(d + half)];
  }
  // How much the curve felt it: the relative change of the speedup (σ, κ pass the fitted one).
  const effect = felt ?? out.change ?? 0;
  const worse = bigger ? fell : rose;
  const better = bigger ? rose : fell;
  const feltWorse = effect <= -minEffect;
  const feltBetter = effect >= minEffect;
  const figures = `${fmt(base.value)} (${range(base.interval)}) → ${fmt(cur.value)} (${range(cur.interval)})`;
  if (worse && feltWorse) return { ...out, verdict: 'regression', reason: `${figures}: the 95% intervals do not overlap` };
  if (better && feltBetter) return { ...out, verdict: 'improvement', reason: `${figures}: the 95% intervals do not overlap` };
  if ((worse || better) && !(feltWorse || feltBetter))
    return { ...out, verdict: 'unchanged', reason: `${figures}: moved, but the speedup at N moved less than the minimum effect` };
  if (out.ci && out.ci[0] > -minEffect && out.ci[1] < minEffect) return { ...out, verdict: 'unchanged', reason: figures };
  const mde = relative ? Math.expm1(logHalf(cur.interval) + logHalf(base.interval)) : undefined;
  return {
    ...out,
    verdict: 'inconclusive',
    reason: `${figures}: the intervals overlap`,
    ...(mde !== undefined && { minDetectableEffect: mde }),
  };
}

const fmt = (x: number) => Number(x.toPrecision(3)).toString();
const range = (i: Interval | undefined) => (i ? `${fmt(i.lo)}–${Number.isFinite(i.hi) ? fmt(i.hi) : '∞'}` : '?');

/** The fitted USL speedup at N, X(N)/λ. */
function fittedSpeedup(a: ScalingAnalysis, n: number): number | undefined {
  const u = a.fit?.usl;
  return u ? uslThroughput(u.params, n) / u.params.lambda : undefined;
}

/**
 * The three comparisons of one sweep (`new` when the baseline has no sweep of the suite): speedup
 * at N (bigger is better), σ and κ of the USL fit (smaller is better).
 */
export function scalingChanges(ctx: ChangeContext, current: ScalingAnalysis, baseline: ScalingAnalysis | undefined): BenchmarkComparison[] {
  const speedup = entry(ctx, `speedup at N = ${ctx.at}`, 'x', 'bigger');
  const sigma = entry(ctx, 'contention σ', 'ratio', 'smaller');
  const kappa = entry(ctx, 'coherency κ', 'ratio', 'smaller');
  const cur = speedupAt(current, ctx.at);
  if (!baseline) {
    return [
      { ...speedup, ...(cur && { current: { value: cur.value, n: 1 } }) },
      ...(current.fit
        ? [sigma, kappa].map((e, i) => ({ ...e, current: { value: paramOf(current, i ? 'kappa' : 'sigma')!.value, n: 1 } }))
        : []),
    ];
  }
  const base = speedupAt(baseline, ctx.at);
  const out: BenchmarkComparison[] = [];
  // Both sides' intervals widened by the noise a level's repeats share: the louder side's (level-noise.ts).
  const both = louder(levelNoise(current), levelNoise(baseline));
  const noise = { current: both, baseline: both };
  const asSide = (s: NonNullable<ReturnType<typeof speedupAt>>, n: LevelNoise | undefined): Side => ({
    value: s.value,
    ...(s.ci && { interval: widenRatio(s.value, { lo: s.ci[0], hi: s.ci[1] }, n) }),
  });
  out.push(
    cur && base
      ? judge(speedup, asSide(cur, noise.current), asSide(base, noise.baseline), ctx.minEffect(speedup.id))
      : {
          ...speedup,
          verdict: 'inconclusive',
          reason: `N = ${ctx.at} has no speedup on ${cur ? 'the baseline' : 'this run'}'s side (${(cur ? baseline : current).reason ?? 'not measured'})`,
        },
  );
  const fc = fittedSpeedup(current, ctx.at);
  const fb = fittedSpeedup(baseline, ctx.at);
  const felt = fc !== undefined && fb !== undefined ? fc / fb - 1 : undefined;
  for (const [e, key] of [
    [sigma, 'sigma'],
    [kappa, 'kappa'],
  ] as const) {
    const c = paramOf(current, key, noise.current);
    const b = paramOf(baseline, key, noise.baseline);
    out.push(
      c && b
        ? judge(e, c, b, ctx.minEffect(e.id), felt)
        : {
            ...e,
            verdict: 'inconclusive',
            reason: `no fit on ${c ? 'the baseline' : 'this run'}'s side (${(c ? baseline : current).reason ?? ''})`,
          },
    );
  }
  return out;
}

function paramOf(a: ScalingAnalysis, key: 'sigma' | 'kappa', noise?: LevelNoise): Side | undefined {
  const u = a.fit?.usl;
  return u ? { value: u.params[key], interval: widenParameter(u.params[key], u.intervals[key], noise) } : undefined;
}
