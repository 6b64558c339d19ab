/**
 * One benchmark across the baseline and current runs: per-run locations, the design's change
 * estimate (before the suite-wide correction), the trend, and the cases that need no test
 * (new, missing, unusable values).
 */
import type { BenchmarkComparison, BenchmarkResult, Design, LocationStatistic } from '../model/index.js';
import type { Estimate } from './estimate.js';
import { exactValues, type ExactValues } from './exact.js';
import { historyEstimate } from './history.js';
import { medianInPlace, runLocation } from './location.js';
import { pairedEstimate } from './paired.js';
import { runSpread, singleEstimate, type RunSpread } from './single.js';

export interface BenchmarkInput {
  id: string;
  /** This benchmark in each baseline run, oldest first (undefined where a run lacks it). */
  baseline: Array<BenchmarkResult | undefined>;
  /** This benchmark in each current run. */
  current: Array<BenchmarkResult | undefined>;
  design: Design;
  noiseFloor: number;
  /** The statistic that stands for a run (compare.location). */
  location: LocationStatistic;
}

/**
 * A comparison waiting for the suite-wide steps (moderation, machine noise, correction), or
 * final when `estimate` is absent.
 */
export interface Pending {
  comparison: BenchmarkComparison;
  estimate?: Estimate;
  /** Identical values in every run of each side: judged without a test (exact.ts). */
  exact?: ExactValues;
}

interface Side {
  logs: Array<number | undefined>;
  /** Positive finite locations, in run order (the trend). */
  values: number[];
  /** Within-run spreads, computed only for a side of one run (the single design needs them). */
  spreads: Array<RunSpread | undefined>;
  results: Array<BenchmarkResult | undefined>;
}

function side(results: Array<BenchmarkResult | undefined>, location: LocationStatistic, warnings: string[], label: string): Side {
  let dropped = 0;
  let unusable = 0;
  const values: number[] = [];
  const single = results.length === 1;
  const spreads: Array<RunSpread | undefined> = [];
  const logs = results.map((b) => {
    if (!b) return undefined;
    const loc = runLocation(b, single, location);
    // The spread is the scatter around the median whatever stands for the run; the kept samples
    // (a scratch buffer, free to reorder) give both without a copy.
    if (single) spreads.push(runSpread(loc.finite, location === 'median' || !loc.finite ? loc.value : medianInPlace(loc.finite)));
    dropped += loc.dropped;
    if (!(loc.value > 0) || !Number.isFinite(loc.value)) {
      unusable++;
      return undefined;
    }
    values.push(loc.value);
    return Math.log(loc.value);
  });
  if (dropped > 0) warnings.push(`${dropped} ${label} sample(s) were NaN or infinite and were ignored.`);
  if (unusable > 0) warnings.push(`${unusable} ${label} run(s) had no positive finite value and were ignored.`);
  return { logs, values, results, spreads };
}

/** The single design's spread: the within-run scatter around the median, whatever stands for the run. */
function medianSpread(b: BenchmarkResult): RunSpread {
  return runSpread(b.samples, runLocation(b).value);
}

function defined(xs: Array<number | undefined>): number[] {
  return xs.filter((x): x is number => x !== undefined);
}

function chooseEstimate(input: BenchmarkInput, base: Side, cur: Side): Estimate | string {
  if (input.design === 'paired') {
    const pb: number[] = [];
    const pc: number[] = [];
    base.logs.forEach((b, i) => {
      const c = cur.logs[i];
      if (b !== undefined && c !== undefined) {
        pb.push(b);
        pc.push(c);
      }
    });
    if (pb.length >= 2) return pairedEstimate(pb, pc);
    if (pb.length === 0) return 'no pair has a usable value on both sides';
  }
  const lb = defined(base.logs);
  const lc = defined(cur.logs);
  if (lb.length === 0) return 'no baseline run has a positive finite value, so a relative change is undefined';
  if (lc.length === 0) return 'no current run has a positive finite value, so a relative change is undefined';
  if (input.design !== 'paired' && lb.length + lc.length >= 3) return historyEstimate(lb, lc);
  // One run each (or one usable pair): the noise floor stands in for the between-run spread.
  const bi =
    input.design === 'paired'
      ? base.logs.findIndex((x, i) => x !== undefined && cur.logs[i] !== undefined)
      : base.logs.findIndex((x) => x !== undefined);
  const ci = input.design === 'paired' ? bi : cur.logs.findIndex((x) => x !== undefined);
  const b = base.results[bi] as BenchmarkResult;
  const c = cur.results[ci] as BenchmarkResult;
  const lbv = base.logs[bi] as number;
  const lcv = cur.logs[ci] as number;
  const sb = base.spreads[bi] ?? (input.location === 'median' ? runSpread(b.samples, Math.exp(lbv)) : medianSpread(b));
  const sc = cur.spreads[ci] ?? (input.location === 'median' ? runSpread(c.samples, Math.exp(lcv)) : medianSpread(c));
  return singleEstimate(lbv, lcv, sb, sc, input.noiseFloor);
}

/** Estimates one benchmark's change; verdicts needing no test ('new', 'missing', unusable) are final. */
export function estimateBenchmark(input: BenchmarkInput): Pending {
  const latestBase = [...input.baseline].reverse().find(Boolean);
  const latestCur = [...input.current].reverse().find(Boolean);
  const ref = (latestCur ?? latestBase) as BenchmarkResult;
  const warnings: string[] = [];
  const comparison: BenchmarkComparison = {
    id: input.id,
    suite: ref.suite,
    name: ref.name,
    unit: ref.unit,
    direction: ref.direction,
    verdict: 'inconclusive',
    warnings,
  };
  const base = side(input.baseline, input.location, warnings, 'baseline');
  if (base.values.length > 0) comparison.trend = base.values;
  if (!latestBase) return { comparison: { ...comparison, verdict: 'new', reason: 'Only in the current run(s).' } };
  if (!latestCur) return { comparison: { ...comparison, verdict: 'missing', reason: 'Only in the baseline run(s).' } };
  const cur = side(input.current, input.location, warnings, 'current');
  if (latestBase.unit !== latestCur.unit || latestBase.direction !== latestCur.direction) {
    comparison.reason = `The unit or direction changed (${latestBase.unit}, ${latestBase.direction} → ${latestCur.unit}, ${latestCur.direction}); the values cannot be compared.`;
    return { comparison };
  }
  const exact = exactValues(input.baseline, input.current);
  if (exact) {
    comparison.baseline = { value: exact.base, n: base.values.length };
    comparison.current = { value: exact.cur, n: cur.values.length };
    return { comparison, exact };
  }
  const est = chooseEstimate(input, base, cur);
  if (typeof est === 'string') {
    comparison.reason = `Cannot compare: ${est}.`;
    return { comparison };
  }
  const lb = defined(base.logs);
  const lc = defined(cur.logs);
  comparison.baseline = { value: Math.exp(lb.reduce((s, x) => s + x, 0) / lb.length), n: est.nBase };
  comparison.current = { value: Math.exp(lc.reduce((s, x) => s + x, 0) / lc.length), n: est.nCur };
  return { comparison, estimate: est };
}
