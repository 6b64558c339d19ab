/**
 * A benchmark's points as the chart and its table show them: times, values, interval, commits,
 * change from the previous point. Pure.
 */
import type { BranchSeries, RunsIndex, Shard } from '../../report/dashboard-types.js';

export interface Point {
  /** Seconds since the epoch (uPlot's x). */
  t: number;
  value: number;
  lo: number | null;
  hi: number | null;
  commit: string;
  date: string;
  /** Relative change from the previous point; null for the first. */
  change: number | null;
  anomaly: boolean;
}

/** The points of `s` for one metric ('' = primary), with their runs from `runs`. */
export function points(s: BranchSeries, runs: Array<[string, string]>, metric: string): Point[] {
  const values = metric ? s.metrics[metric]?.v : s.v;
  if (!values) return [];
  const anomalies = new Set(metric ? [] : s.an);
  const out: Point[] = [];
  let prev: number | null = null;
  s.run.forEach((r, i) => {
    const value = values[i];
    if (value === null || value === undefined) return;
    const [commit, date] = runs[r] ?? ['', ''];
    out.push({
      t: Date.parse(date) / 1000,
      value,
      lo: metric ? null : (s.lo[i] ?? null),
      hi: metric ? null : (s.hi[i] ?? null),
      commit,
      date,
      change: prev === null || prev === 0 ? null : value / prev - 1,
      anomaly: anomalies.has(i),
    });
    prev = value;
  });
  return out;
}

/** The relative difference of the newest values of two branches (`other` against `base`). */
export function branchDelta(base: Point[], other: Point[]): number | null {
  const a = base.at(-1)?.value;
  const b = other.at(-1)?.value;
  return a === undefined || b === undefined || a === 0 ? null : b / a - 1;
}

/** The runs of a branch, or none. */
export function runsOf(index: RunsIndex, branch: string): Array<[string, string]> {
  return index[branch] ?? [];
}

/** A run's point of one benchmark, found by its commit: on `prefer` (the default branch) first, then on any branch. */
export interface CommitPoint extends Point {
  branch: string;
}

/** The point of commit `sha` (full, or a prefix of 7 or more) in `shard`; null when no run of it has the benchmark. */
export function commitPoint(shard: Shard, runs: RunsIndex, sha: string, prefer: string): CommitPoint | null {
  if (sha.length < 7) return null;
  const branches = [prefer, ...Object.keys(shard.branches).filter((b) => b !== prefer)];
  for (const branch of branches) {
    const s = shard.branches[branch];
    if (!s) continue;
    const p = points(s, runsOf(runs, branch), '').find((x) => x.commit.startsWith(sha));
    if (p) return { ...p, branch };
  }
  return null;
}

/** The relative change from one commit's value to another's: a change, not a verdict. */
export function commitChange(from: Point | null, to: Point | null): number | null {
  return from && to && from.value !== 0 ? to.value / from.value - 1 : null;
}
