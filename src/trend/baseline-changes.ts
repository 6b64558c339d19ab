/**
 * The last change point of each benchmark's baseline history, set on the report's comparisons,
 * so that the PR comment can say a baseline is still settling ("changed +12% at abc1234, 3 runs
 * ago") and mark it on the sparkline. Pure: the report and the baseline runs in, a report out.
 */
import type { Report, RunFile } from '../model/index.js';
import { analyzeTrends } from './analyze.js';
import { runsHistory } from './series.js';
import type { TrendOptions } from './types.js';

/** `report` with `baselineChange` on each benchmark whose baseline history (`runs`, oldest first) has a change point. */
export function withBaselineChanges(report: Report, runs: readonly RunFile[], options: TrendOptions = {}): Report {
  // Only the primary metric's change points are read: extra metrics are left out, as are drift and forecasts.
  const trends = analyzeTrends({ history: runsHistory(runs, true), options, changePointsOnly: true });
  const last = new Map(
    trends.series.filter((s) => !s.metric && s.changePoints.length).map((s) => [`${s.id}\0${s.unit}`, s.changePoints.at(-1)!]),
  );
  if (last.size === 0) return report;
  return {
    ...report,
    benchmarks: report.benchmarks.map((b) => {
      const c = last.get(`${b.id}\0${b.unit}`);
      if (!c) return b;
      return {
        ...b,
        baselineChange: {
          change: c.change,
          verdict: c.verdict,
          ...(c.after.commit ? { commit: c.after.commit } : {}),
          runsAgo: c.runsSince,
        },
      };
    }),
  };
}
