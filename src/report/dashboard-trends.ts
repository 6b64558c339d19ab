/**
 * The default branch's trends for the dashboard, from the trend room's own analysis
 * (analyzeTrends: anomalies, change points with their intervals, drift, budget forecasts), so the
 * page shows what the trend report and the alerts say. The primary metric only: analysing every
 * extra metric too takes ~2.8 s at 1,000 benchmarks × 163 runs (docs/trends.md), so the
 * forecasts of thresholds on extra metrics are left to `track-performance trend`. Pure.
 */
import type { ThresholdConfig } from '../config/types.js';
import { RUN_SCHEMA_VERSION, type BenchmarkResult, type RunFile } from '../model/index.js';
import { toRuns, type HistoryDoc } from '../store/history.js';
import { analyzeTrends, type SeriesTrend, type TrendOptions } from '../trend/index.js';

/** The trend of each benchmark's primary metric on `doc`, by id; forecasts for its budgeted thresholds. */
export function historyTrends(doc: HistoryDoc, options: TrendOptions, thresholds: readonly ThresholdConfig[]): Map<string, SeriesTrend> {
  const budgets = thresholds.filter((t) => t.metric === undefined && (t.target || t.alert));
  // Forecasts read each run's statistics (p95, …): then the runs are rebuilt whole; else the values suffice.
  const runs = budgets.length
    ? toRuns(doc).map(({ benchmarks, ...r }) => ({ ...r, benchmarks: benchmarks.map(withoutMetrics) }))
    : valueRuns(doc);
  const out = new Map<string, SeriesTrend>();
  for (const s of analyzeTrends({ runs, branch: doc.branch, options, thresholds: budgets }).series) if (!s.metric) out.set(s.id, s);
  return out;
}

function withoutMetrics({ metrics: _m, ...b }: BenchmarkResult): BenchmarkResult {
  return b;
}

/**
 * The runs with each benchmark's primary value alone, all the change points and drift read.
 * `stats` holds the value as its one sample, as a run file of a tool that gives one value would.
 */
function valueRuns(doc: HistoryDoc): RunFile[] {
  const series = Object.entries(doc.benchmarks);
  return doc.entries.map((e, i) => {
    const benchmarks: BenchmarkResult[] = [];
    for (const [id, s] of series) {
      const value = s.value[i];
      if (value === null || value === undefined) continue;
      const stats = { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 };
      benchmarks.push({ id, suite: s.suite, name: s.name, unit: s.unit, direction: s.direction, value, stats });
    }
    return { schemaVersion: RUN_SCHEMA_VERSION, tool: 'track-performance', ...e, benchmarks };
  });
}
