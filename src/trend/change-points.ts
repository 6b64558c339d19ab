/**
 * Change points of one series, deterministically, as Apache Otava (formerly Hunter) finds them:
 *  1. split — E-Divisive means (e-divisive.ts) in sliding windows of `window` runs, each window
 *     starting half a window after the last (or at the last change point found), with a relaxed
 *     p-value (10× the final one below 0.05): the union of what they find are "weak" change points;
 *     here the same sweep is made again with windows twice as long and its finds join the union
 *     (only candidates are added: the merge below still decides). Twice the runs on each side of
 *     a step give the t-test √2 more power on a noisy series, where a 50-run window with steps
 *     40–50 runs apart sees 20–25 runs a side; on the corpus noise this found +10% steps within
 *     ±2 runs in 35% of histories instead of 26%, with as few false alarms (docs/trends.md);
 *  2. merge — each weak change point is re-tested between its neighbours over the whole series;
 *     the weakest (highest p) above `pValue` is dropped and its neighbours re-tested, until all
 *     pass, then those whose relative change is ≤ `minMagnitude` are dropped the same way.
 *
 * Sources: Matteson & James (2014), JASA 109(505); Daly, Brown, Ingo, O'Leary & Bradford,
 * "The Use of Change Point Detection to Identify Software Performance Regressions in a
 * Continuous Integration System", ICPE 2020; Fleming et al., "Hunter: Using Change Point
 * Detection to Hunt for Performance Regressions", ICPE 2023; Apache Otava's docs/MATH.md and
 * otava/analysis.py (`split`, `merge`, `compute_change_points`: window_len 50, max_pvalue 0.001).
 * Deliberate differences: the second, longer sweep; the split's t-test on [τ, κ) (e-divisive.ts);
 * and after a removal Otava re-tests the change point after the removed one and the one after
 * that, here the two neighbours (before and after) are re-tested, the two whose intervals changed.
 */
import { eDivisiveWindow, MIN_TESTED_RUNS, PairSums } from './e-divisive.js';
import { pooledTTestP, sideStats, type SideStats } from './t-test.js';

export const DEFAULT_WINDOW = 50;
export const DEFAULT_MAX_P = 0.001;

export interface ChangePointOptions {
  /** Sliding window length in runs (Otava's window_len; default 50). */
  window?: number;
  /** Final significance level (Otava's max_pvalue; default 0.001). */
  pValue?: number;
  /** First-pass p-value of the weak change points (default Otava's: 10× `pValue` below 0.05). */
  weakPValue?: number;
  /** Change points whose relative change is at most this are merged away (default 0). */
  minMagnitude?: number;
  /** Whether `z` holds logarithms (relative change = e^Δ − 1) or raw values (ratio of means). */
  log?: boolean;
}

/** A change point at `index`: the first value of the new level; sides between its neighbours. */
export interface DetectedChange {
  index: number;
  before: SideStats;
  after: SideStats;
  pValue: number;
  /** Relative change of the location, after / before − 1. */
  change: number;
}

/** Otava's first-pass p-value for the weak change points. */
export function weakPValue(p: number): number {
  return p < 0.05 ? p * 10 : p < 0.5 ? p * 2 : p;
}

function relativeChange(before: SideStats, after: SideStats, log: boolean): number {
  if (log) return Math.expm1(after.mean - before.mean);
  return before.mean === 0 ? NaN : after.mean / before.mean - 1;
}

/** Otava's magnitude: the larger of the forward and backward relative changes. */
function magnitude(c: DetectedChange, log: boolean): number {
  if (log) return Math.expm1(Math.abs(c.after.mean - c.before.mean));
  const back = c.after.mean === 0 ? NaN : c.before.mean / c.after.mean - 1;
  const m = Math.max(Math.abs(c.change), Math.abs(back));
  return Number.isNaN(m) ? Infinity : m;
}

function measure(z: ArrayLike<number>, cuts: readonly number[], j: number, log: boolean): DetectedChange {
  const index = cuts[j] as number;
  const before = sideStats(z, j > 0 ? (cuts[j - 1] as number) : 0, index);
  const after = sideStats(z, index, j + 1 < cuts.length ? (cuts[j + 1] as number) : z.length);
  return { index, before, after, pValue: pooledTTestP(before, after), change: relativeChange(before, after, log) };
}

/** Otava's split step: the weak change points of every window, as sorted unique indexes (`sums`: the series' table, for windows up to `window`). */
function split(z: ArrayLike<number>, window: number, maxP: number, sums: PairSums, seen: Map<number, number[]>): number[] {
  const step = Math.max(1, Math.floor(window / 2));
  const found = new Set<number>();
  let start = 0;
  while (start < z.length) {
    const end = Math.min(start + window, z.length);
    // The same window in both sweeps (the series' end, clipped) gives the same cuts: searched once.
    const key = start * (z.length + 1) + end;
    let cuts = seen.get(key);
    if (!cuts) seen.set(key, (cuts = eDivisiveWindow(z, start, end, maxP, sums)));
    for (const c of cuts) found.add(c);
    start = Math.max(cuts.length ? (cuts[cuts.length - 1] as number) : 0, start + step);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * The short sweep's weak change points and those of the long sweep not within MIN_TESTED_RUNS runs of
 * one of them: near one, it is the same change, found where Otava's window puts it.
 */
function withLonger(short: number[], long: number[]): number[] {
  const extra = long.filter((c) => short.every((d) => Math.abs(c - d) >= MIN_TESTED_RUNS));
  return [...short, ...extra].sort((a, b) => a - b);
}

/** Change points of `z` (oldest first), ascending by index. */
export function detectChangePoints(z: ArrayLike<number>, options: ChangePointOptions = {}): DetectedChange[] {
  const window = Math.max(2, Math.floor(options.window ?? DEFAULT_WINDOW));
  const maxP = options.pValue ?? DEFAULT_MAX_P;
  const minMagnitude = options.minMagnitude ?? 0;
  const log = options.log ?? true;
  const weakP = options.weakPValue ?? weakPValue(maxP);
  // One table of pair-distance sums serves every window of both sweeps. A series no longer
  // than a window gets one window [0, n) from the long sweep, the short sweep's first: its
  // finds are the short sweep's already, and adding them changes nothing.
  const sums = new PairSums(z, 2 * window);
  const seen = new Map<number, number[]>();
  const short = split(z, window, weakP, sums, seen);
  const cuts = z.length <= window ? short : withLonger(short, split(z, 2 * window, weakP, sums, seen));
  const cps = cuts.map((_, j) => measure(z, cuts, j, log));
  // Otava's merge step.
  while (cps.length) {
    let weakest = 0;
    for (let j = 1; j < cps.length; j++) if ((cps[j] as DetectedChange).pValue > (cps[weakest] as DetectedChange).pValue) weakest = j;
    if ((cps[weakest] as DetectedChange).pValue < maxP) {
      weakest = 0;
      for (let j = 1; j < cps.length; j++) if (magnitude(cps[j]!, log) < magnitude(cps[weakest]!, log)) weakest = j;
      if (magnitude(cps[weakest]!, log) > minMagnitude) break;
    }
    cps.splice(weakest, 1);
    cuts.splice(weakest, 1);
    for (const j of [weakest - 1, weakest]) if (j >= 0 && j < cps.length) cps[j] = measure(z, cuts, j, log);
  }
  return cps;
}
