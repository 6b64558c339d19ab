/**
 * Which GitHub issues the trend report calls for: one per regression change point of at least
 * `minEffect` (a critical alert), each with a key stable across pushes (the series and the first
 * commit after the change), and whether a later change point has reversed it (the level after
 * the series' last change point is back at least half-way to where it was before). Pure: the
 * report and its runs in, a plan out; the flow does the GitHub calls.
 */
import type { TrendHistory } from './series.js';
import type { SeriesTrend, TrendChangePoint, TrendReport } from './types.js';

/** A change point reversed this far (0.5: half of its change undone in log space) closes its issue. */
export const REVERSED_FRACTION = 0.5;
/** Runs either side of a change point's first run whose commits name the same change (its location can move by a run). */
export const SAME_CHANGE_RUNS = 2;

export interface ChangePointIssue {
  series: SeriesTrend;
  change: TrendChangePoint;
  /** Commits naming this change: the first run after it, then its neighbours up to SAME_CHANGE_RUNS away. */
  commits: string[];
  /** The series' values, oldest first, and the position of the change's first run among them. */
  values: number[];
  at: number;
  /** The later change point that brought the level back, when one did. */
  reversedBy?: TrendChangePoint;
}

const seriesKey = (s: { id: string; metric?: string; unit: string; direction: string }) =>
  `${s.id}\0${s.metric ?? ''}\0${s.unit}\0${s.direction}`;

/** Position of `x` between `from` (0) and `to` (1), in log space when all are positive. */
function fraction(from: number, to: number, x: number): number {
  const log = from > 0 && to > 0 && x > 0;
  const a = log ? Math.log(from) : from;
  const b = log ? Math.log(to) : to;
  const v = log ? Math.log(x) : x;
  return b === a ? 0 : (v - a) / (b - a);
}

/** The issues `report` (analysed from `history`) calls for, oldest change first within each series. */
export function changePointIssues(report: TrendReport, history: TrendHistory, minEffect: number): ChangePointIssue[] {
  const raw = new Map(history.series.map((s) => [seriesKey(s), s]));
  const runs = history.entries;
  const out: ChangePointIssue[] = [];
  for (const s of report.series) {
    const points = raw.get(seriesKey(s))?.points ?? [];
    const last = s.changePoints.at(-1);
    s.changePoints.forEach((c, j) => {
      if (c.verdict !== 'regression' || Math.abs(c.change) < minEffect || !c.after.commit) return;
      const at = points.findIndex((p) => p.run === c.after.index);
      if (at < 0) return;
      const near = [0];
      for (let d = 1; d <= SAME_CHANGE_RUNS; d++) near.push(d, -d);
      const commits = near.map((d) => runs[points[at + d]?.run ?? -1]?.commit).filter((x): x is string => Boolean(x));
      const later = s.changePoints.slice(j + 1).find((x) => x.verdict !== c.verdict);
      const back = later && last && fraction(c.levels.before.value, c.levels.after.value, last.levels.after.value) <= 1 - REVERSED_FRACTION;
      out.push({
        series: s,
        change: c,
        commits: [...new Set(commits)],
        values: points.map((p) => p.value),
        at,
        ...(back ? { reversedBy: later } : {}),
      });
    });
  }
  return out;
}
