/**
 * Trends over a branch's history — change points (E-Divisive means, Otava's deterministic
 * method), drift (Theil–Sen, Mann–Kendall), anomalies (robust z) and budget forecasts. Pure.
 */
export {
  analyzeTrends,
  RUNNER_LEVEL_ID,
  RUNNER_LEVEL_LABEL,
  seriesWithRunnerLevel,
  DEFAULT_TREND_P,
  DEFAULT_DRIFT_P,
  MIN_CHANGE_RUNS,
  MIN_DRIFT_RUNS,
  type TrendInput,
} from './analyze.js';
export { detectChangePoints, DEFAULT_WINDOW, DEFAULT_MAX_P, type ChangePointOptions, type DetectedChange } from './change-points.js';
export { findAnomalies, noiseScale, DEFAULT_ANOMALY_Z } from './anomalies.js';
export { theilSen, mannKendall } from './drift.js';
export { trendOptionsOf } from './options.js';
export { columnHistory, runsHistory, withoutNewest, type RawSeries, type TrendHistory } from './series.js';
export type * from './types.js';
