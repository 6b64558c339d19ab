/**
 * The runner's level: on shared CI runners the machine a run lands on makes every timed
 * benchmark of that run faster or slower together. In the accuracy corpus the run locations of
 * ten workloads correlate 0.70–0.98 with their common level, and that common part is most of
 * their run-to-run noise (9–22% between runs, 2.6–8.5% once it is taken out: docs/trends.md). A
 * change in the code moves some benchmarks, the runner moves them all: so the change-point
 * search reads each timed series with the runner's level taken out, and reads the level as a
 * series of its own (a step in it is the runner, or a change that slowed everything).
 *
 * Model, in log space: y[k,i] = a_k + β_k·r_i + (the benchmark's own steps) + noise — Mandel's
 * row-linear model of a two-way table (Mandel, "Non-additivity in two-way analysis of variance",
 * JASA 56, 1961), fitted robustly as Tukey's median polish fits the additive one (Tukey,
 * Exploratory Data Analysis, 1977, ch. 11): the run's level r_i is the median over the primary
 * timed series of their deviation from their own median, each benchmark's sensitivity β_k the
 * least-squares slope of its run-to-run differences on r's. A source series is adjusted by the
 * median of the *other* sources (leave-one-out), so its own step or noise never enters the level
 * it is corrected by. The same idea measured in pairs is duet benchmarking (Bulej et al., ICPE 2020).
 * Pure.
 */
import { theilSenSlope } from './drift.js';
import { median, medianOfSorted } from './median.js';
import type { RawSeries } from './series.js';

/** Fewest primary timed series in a run for its level: the median of 5 ignores 2 that stepped. */
export const MIN_LEVEL_SOURCES = 5;
/** Fewest runs with a level for a series' β. */
const MIN_FIT_RUNS = 8;
/**
 * Least correlation of a series' run-to-run differences with the level's for it to be corrected:
 * taking out β·r removes the share ρ² of its variance and adds β's error; below 0.5 (a quarter)
 * there is little to gain. The corpus's workloads correlate 0.70–0.98; independent series ≈ 0.
 */
const MIN_CORRELATION = 0.5;

/** Series whose values the runner's speed moves: times and rates. */
export const isTimed = (s: RawSeries): boolean => s.unit === 'ns' || s.unit === 'ops/s';

export interface CommonLevel {
  /** Per run of the history: the runner's level in log space (0 = a typical run; slower > 0), NaN where too few sources ran. */
  level: number[];
  /** Primary timed series the level is read from. */
  sources: number;
  /** Per series (same order as the input): its β and the log-space offset β·r of each of its points, or undefined when not adjusted. */
  adjust: Array<{ factor: number; offsets: number[] } | undefined>;
}

/** Slope through the origin and correlation of `y`'s run-to-run differences on `x`'s (NaN in `x`: skipped); undefined with fewer than MIN_FIT_RUNS. */
function differenceFit(x: readonly number[], y: readonly number[]): { slope: number; correlation: number } | undefined {
  // On differences: a step (the series' own, or one leaked into the level) is one difference
  // among many there, where in the levels it would pass for a factor.
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  let n = 0;
  for (let j = 1; j < x.length; j++) {
    const dx = (x[j] as number) - (x[j - 1] as number);
    if (!Number.isFinite(dx)) continue;
    const dy = (y[j] as number) - (y[j - 1] as number);
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
    n++;
  }
  if (n < MIN_FIT_RUNS || sxx === 0 || syy === 0) return undefined;
  return { slope: sxy / sxx, correlation: sxy / Math.sqrt(sxx * syy) };
}

/** Each run's median of the sources' deviations, every source in (NaN with fewer than MIN_LEVEL_SOURCES). */
function firstLook(
  series: readonly RawSeries[],
  dev: ReadonlyArray<number[] | undefined>,
  sourceIdx: readonly number[],
  runs: number,
): Float64Array {
  const count = new Int32Array(runs);
  for (const k of sourceIdx) for (const p of series[k]!.points) count[p.run]!++;
  const start = new Int32Array(runs + 1);
  for (let i = 0; i < runs; i++) start[i + 1] = start[i]! + count[i]!;
  const flat = new Float64Array(start[runs]!);
  const fill = start.slice(0, runs);
  for (const k of sourceIdx) series[k]!.points.forEach((p, j) => (flat[fill[p.run]!++] = dev[k]![j] as number));
  const out = new Float64Array(runs).fill(NaN);
  for (let i = 0; i < runs; i++) {
    const n = count[i]!;
    if (n < MIN_LEVEL_SOURCES) continue;
    out[i] = medianOfSorted(flat.subarray(start[i]!, start[i + 1]!).sort());
  }
  return out;
}

/** Median of sorted `v` without the element at `skip`. */
function medianWithout(v: number[], skip: number): number {
  const n = v.length - 1;
  const at = (t: number) => v[t < skip ? t : t + 1] as number;
  const m = n >> 1;
  return n % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
}

/** Change points of different series within this many runs are one change. */
const SAME_CHANGE_RUNS = 2;

/** Fewest runs of a segment for its own level to be a line (its drift) rather than its median. */
const LINE_RUNS = 8;

/**
 * A series' own level per point: between its own change points (`starts`: the points where a new
 * level begins), the Theil–Sen line of its adjusted log values `z` (a drift between steps is its
 * own too: left in, a drifting benchmark would tilt the level the others are read against), or
 * their median on a segment of fewer than LINE_RUNS runs.
 */
export function ownLevel(z: readonly number[], starts: readonly number[]): number[] {
  const out = new Array<number>(z.length);
  let from = 0;
  for (const end of [...[...starts].sort((a, b) => a - b), z.length]) {
    if (end <= from) continue;
    const seg = z.slice(from, end);
    const x = seg.map((_, j) => j);
    const slope = seg.length >= LINE_RUNS ? theilSenSlope(x, seg) : 0;
    const at = median(seg.map((v, j) => v - slope * j));
    for (let j = from; j < end; j++) out[j] = at + slope * (j - from);
    from = end;
  }
  return out;
}

/**
 * Of each source's change points (history run where the new level starts, relative change), those
 * that are its own, to be taken out before the level is read again. Not its own: a change that
 * more than half of the sources share (same direction, within SAME_CHANGE_RUNS runs) moved them
 * all and is the runner level's; and a change smaller than an opposite one of another source at
 * the same place is that one's mirror (a step in a few sources shifts their median the other way,
 * which shows in every other series), gone once the bigger one is taken out.
 */
export function ownChanges(
  changes: ReadonlyArray<ReadonlyArray<{ run: number; change: number }> | undefined>,
): Array<number[] | undefined> {
  const all = changes.flatMap((c, k) => (c ?? []).map((x) => ({ ...x, k })));
  const sources = changes.filter(Boolean).length;
  const near = (a: { run: number }, b: { run: number }) => Math.abs(a.run - b.run) <= SAME_CHANGE_RUNS;
  return changes.map((c, k) => {
    if (!c) return undefined;
    const own = c.filter((x) => {
      const sharing = new Set(all.filter((y) => y.change > 0 === x.change > 0 && near(x, y)).map((y) => y.k));
      const mirror = all.some((y) => y.k !== k && y.change > 0 !== x.change > 0 && near(x, y) && Math.abs(y.change) > Math.abs(x.change));
      return sharing.size * 2 <= sources && !mirror;
    });
    return own.map((x) => x.run);
  });
}

/**
 * The runner's level over `runs` runs and how to take it out of each series; undefined when
 * fewer than MIN_LEVEL_SOURCES timed series exist, or when none of them moves with it. `own[k]`:
 * series k's own level per point, in log space (its own steps, found by an earlier pass): taken
 * out before its deviations are read, so that a step in a few benchmarks does not leak into the
 * level and from there, mirrored, into all the others (backfitting, as median polish iterates).
 */
export function commonLevel(
  series: readonly RawSeries[],
  runs: number,
  own?: ReadonlyArray<readonly number[] | undefined>,
): CommonLevel | undefined {
  // Deviation of each timed series from its own level, signed so that slower is up (a rate is the inverse of a time).
  const dev = series.map((s, k) => {
    if (!isTimed(s) || s.points.length < MIN_FIT_RUNS || !s.points.every((p) => p.value > 0)) return undefined;
    const y = s.points.map((p, j) => Math.log(p.value) - (own?.[k]?.[j] ?? 0));
    if (y.every((v) => v === y[0])) return undefined; // exact: nothing to correct, and any β would add noise
    const mid = median(y);
    const sign = s.direction === 'smaller' ? 1 : -1;
    return y.map((v) => sign * (v - mid));
  });
  const sourceIdx = series.map((_, k) => k).filter((k) => dev[k] && !series[k]!.metric);
  if (sourceIdx.length < MIN_LEVEL_SOURCES) return undefined;
  // A first look, cheap (every source in each run's median, a native sort): when no source
  // moves with that level, none is taken to move with its leave-one-out level (leaving itself
  // out lowers a series' correlation with the level), and there is no runner level to read —
  // the safe side: every series is then read as it is.
  const first = firstLook(series, dev, sourceIdx, runs);
  if (
    !sourceIdx.some(
      (k) =>
        (differenceFit(
          series[k]!.points.map((p) => first[p.run] as number),
          dev[k]!,
        )?.correlation ?? 0) >= MIN_CORRELATION,
    )
  )
    return undefined;
  // Per run: the sources' deviations, sorted; per source point: its rank among them.
  const byRun: Array<Array<{ k: number; j: number; d: number }>> = Array.from({ length: runs }, () => []);
  for (const k of sourceIdx) series[k]!.points.forEach((p, j) => byRun[p.run]!.push({ k, j, d: dev[k]![j] as number }));
  const sorted: number[][] = [];
  const rankAt: number[][] = series.map(() => []);
  byRun.forEach((entries, i) => {
    entries.sort((a, b) => a.d - b.d || a.k - b.k);
    sorted[i] = entries.map((e) => e.d);
    entries.forEach((e, rank) => (rankAt[e.k]![e.j] = rank));
  });
  const adjust = series.map((s, k) => {
    const d = dev[k];
    if (!d) return undefined;
    const source = !s.metric;
    // The level each point is corrected by: without this series itself when it is a source.
    const r = s.points.map((p, j) => {
      const v = sorted[p.run]!;
      if (v.length < MIN_LEVEL_SOURCES) return NaN;
      return source ? medianWithout(v, rankAt[k]![j]!) : (first[p.run] as number);
    });
    const fit = differenceFit(r, d);
    // Only a series the runner moves is corrected: elsewhere the level is noise, and β × noise adds it.
    if (!fit || fit.correlation < MIN_CORRELATION) return undefined;
    const beta = fit.slope;
    const sign = s.direction === 'smaller' ? 1 : -1;
    return { factor: beta, offsets: r.map((x) => (Number.isFinite(x) ? sign * beta * x : 0)) };
  });
  // No series the runner moves: there is no runner level to speak of (independent series).
  return adjust.some(Boolean) ? { level: Array.from(first), sources: sourceIdx.length, adjust } : undefined;
}
