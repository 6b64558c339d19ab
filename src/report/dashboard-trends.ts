/**
 * The default branch's trends for the dashboard, from the trend room's own analysis
 * (analyzeTrends: anomalies, change points with their intervals, drift, budget forecasts), so the
 * page shows what the trend report and the alerts say. The primary metric only: analysing every
 * extra metric too takes ~2.8 s at 1,000 benchmarks × 163 runs (docs/trends.md), so the
 * forecasts of thresholds on extra metrics are left to `track-performance trend`. Pure.
 */
import type { ThresholdConfig } from '../config/types.js';
import type { HistoryDoc } from '../store/history.js';
import { analyzeTrends, columnHistory, type SeriesTrend, type TrendOptions } from '../trend/index.js';

/** The trend of each benchmark's primary metric on `doc`, by id; forecasts for its budgeted thresholds. */
export function historyTrends(doc: HistoryDoc, options: TrendOptions, thresholds: readonly ThresholdConfig[]): Map<string, SeriesTrend> {
  const budgets = thresholds.filter((t) => t.metric === undefined && (t.target || t.alert));
  // Read from the columns: a run file is built only for the runs a forecast reads statistics (p95, …) of.
  const history = columnHistory(doc, true);
  const out = new Map<string, SeriesTrend>();
  for (const s of analyzeTrends({ history, branch: doc.branch, options, thresholds: budgets }).series) if (!s.metric) out.set(s.id, s);
  return out;
}
