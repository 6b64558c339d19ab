/** The trend report: what `analyzeTrends` returns and what the CLI, JSON and markdown show. */
import type { BaseUnit, Direction } from '../model/run-file.js';

/** A run of the history, as a change point or an anomaly names it. */
export interface RunRef {
  /** Position in the analysed history (0 = oldest run). */
  index: number;
  commit?: string;
  timestamp: string;
}

/** One side of a change point: the level between it and its neighbouring change point. */
export interface Level {
  /** Geometric mean of the runs (the mean in log space); the plain mean for raw-scale series. */
  value: number;
  /** Their standard deviation, relative (log space: ≈ the coefficient of variation). */
  spread: number;
  runs: number;
}

export interface TrendChangePoint {
  /** The last run before the change and the first run after it: the change is in (before, after]. */
  before: RunRef;
  after: RunRef;
  levels: { before: Level; after: Level };
  /** Relative change of the level, after / before − 1. */
  change: number;
  /** 95% confidence interval of `change` (log-space series only; exact series: zero width). */
  ci?: [number, number];
  pValue: number;
  verdict: 'regression' | 'improvement';
  /** Runs of this series from the first run after the change to the newest, inclusive. */
  runsSince: number;
  /** Other series that changed in an overlapping commit range. */
  together: Array<{ id: string; metric?: string; change: number; verdict: 'regression' | 'improvement' }>;
}

export interface TrendDrift {
  /** Runs the drift is fitted on: those since the last change point, at most `window`. */
  runs: number;
  /** Relative change per run (Theil–Sen, log space) and its confidence interval. */
  perRun: number;
  perRunCi: [number, number];
  /** Relative change per week, from the runs' timestamps (absent when they span no time). */
  perWeek?: number;
  /** Mann–Kendall two-sided p-value. */
  pValue: number;
  significant: boolean;
  verdict: 'regression' | 'improvement' | 'none';
}

export interface TrendAnomaly {
  run: RunRef;
  value: number;
  /** Relative distance to its neighbours (log space: e^d − 1). */
  deviation: number;
  /** In robust standard deviations; Infinity when the series is otherwise exact. */
  z: number;
  /** The newest run, off the runs before it: the next run tells an outlier from a step. */
  pending: boolean;
}

export interface TrendForecast {
  /** The threshold's name or its condition text. */
  threshold: string;
  stat: string;
  /** The budget in the metric's base unit, and the condition text. */
  budget: number;
  condition: string;
  /** The fitted level of `stat` at the newest run. */
  current: number;
  status: 'crossed' | 'crossing' | 'safe' | 'unknown';
  /** Runs until the budget is crossed at the drift's rate, with the interval from the slope's bounds (high = Infinity: maybe never). */
  runs?: { estimate: number; low: number; high: number };
  days?: { estimate: number; low: number; high: number };
  message: string;
}

/** Which series: a benchmark's primary metric, or one of its extra metrics. */
export interface SeriesIdentity {
  id: string;
  suite: string;
  name: string;
  /** The extra metric's name; absent for the primary metric. */
  metric?: string;
  unit: BaseUnit;
  direction: Direction;
}

export interface SeriesTrend extends SeriesIdentity {
  /** Runs that have this series (gaps excluded), and how many were left out as anomalies. */
  runs: number;
  changePoints: TrendChangePoint[];
  drift?: TrendDrift;
  anomalies: TrendAnomaly[];
  forecasts: TrendForecast[];
  /** The newest run's value. */
  latest?: { value: number; run: RunRef };
  /**
   * How much the runner's level moves this series (β, 1 = as much as the typical benchmark):
   * present when change points, levels, anomalies and drift were read with β × the runner's level
   * taken out (common-level.ts). Levels are then those of a typical runner; forecasts stay on the raw values.
   */
  runnerFactor?: number;
  /** Why something could not be computed, as data (too few runs, values ≤ 0, …). */
  notes: string[];
}

export interface TrendOptions {
  /** Change-point significance (default 1e-5; Otava's default is 0.001, see docs/trends.md). */
  pValue?: number;
  /** Otava's sliding window in runs (default 50); also the most runs drift is fitted on. */
  window?: number;
  /** Change points of a smaller relative change are merged away (default 0). */
  minEffect?: number;
  /** Robust z above which a run is an anomaly (default 5). */
  anomalyZ?: number;
  /** Mann–Kendall level for drift (default 0.01). */
  driftPValue?: number;
  /** Take the runner's level (what moves every timed benchmark of a run together) out of timed series (default true; needs 5 timed benchmarks). */
  runnerLevel?: boolean;
}

export interface TrendReport {
  schemaVersion: 1;
  branch?: string;
  runs: number;
  first?: RunRef;
  last?: RunRef;
  options: Required<TrendOptions>;
  series: SeriesTrend[];
  /** The runner's level as a series (id `(runner level)`, unit ratio): present when `runnerLevel` is on, at least 5 timed benchmarks ran, and some of them move with it (common-level.ts). */
  runnerLevel?: SeriesTrend;
  warnings: string[];
}
