/**
 * Exact values: a metric that came out identical in every run on each side (an instruction
 * count, a byte size, an accuracy on a fixed corpus) has no noise to test against. Like
 * golang/perf's `benchmath.AssumeExact`, it is compared as is: no test, a zero-width interval,
 * a regression or improvement when it moved by at least the minimum effect, else unchanged.
 */
import type { BenchmarkComparison, BenchmarkResult, BenchmarkVerdict, Direction } from '../model/index.js';

/** The one value of each side when every observation on both sides is identical within its side. */
export interface ExactValues {
  base: number;
  cur: number;
}

function observations(results: ReadonlyArray<BenchmarkResult | undefined>): number[] {
  return results.flatMap((b) => (b ? (b.samples && b.samples.length > 0 ? b.samples : [b.value]) : []));
}

function constant(xs: readonly number[]): number | undefined {
  const first = xs[0];
  return first !== undefined && first > 0 && Number.isFinite(first) && xs.every((x) => x === first) ? first : undefined;
}

/**
 * The two values when both sides are constant. Two single values prove nothing (a noisy metric
 * measured once each): at least three observations in all, and two on one side, are needed.
 */
export function exactValues(
  baseline: ReadonlyArray<BenchmarkResult | undefined>,
  current: ReadonlyArray<BenchmarkResult | undefined>,
): ExactValues | undefined {
  const b = observations(baseline);
  const c = observations(current);
  if (b.length + c.length < 3 || Math.max(b.length, c.length) < 2) return undefined;
  const base = constant(b);
  const cur = constant(c);
  return base !== undefined && cur !== undefined ? { base, cur } : undefined;
}

const pct = (x: number): string => `${x > 0 ? '+' : ''}${+(x * 100).toFixed(2)}%`;

/** The verdict of an exact metric against the minimum effect. */
export function decideExact(
  v: ExactValues,
  minEffect: number,
  direction: Direction,
): Pick<BenchmarkComparison, 'verdict' | 'reason' | 'change' | 'ci' | 'pValue' | 'exact'> {
  const change = v.cur / v.base - 1;
  const moved = Math.abs(change) >= minEffect;
  const worse = direction === 'smaller' ? change > 0 : change < 0;
  const verdict: BenchmarkVerdict = change === 0 || !moved ? 'unchanged' : worse ? 'regression' : 'improvement';
  const reason =
    change === 0
      ? 'Exact: identical in every run, before and now.'
      : moved
        ? `Exact: every run gave the same value before and the same value now, ${pct(change)}, at least the minimum effect ${pct(minEffect)}.`
        : `Exact: every run gave the same value before and the same value now, ${pct(change)}, within the minimum effect ${pct(minEffect)}.`;
  return { verdict, reason, change, ci: [change, change], pValue: change === 0 ? 1 : 0, exact: true };
}
