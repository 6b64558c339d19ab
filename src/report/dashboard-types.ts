/**
 * The dashboard's data files, as the build writes them and the page reads them. Shared by the
 * pure builder (dashboard-data.ts) and the browser code (src/dashboard/page/): types only.
 *
 * The page's first paint reads the manifest alone (kilobytes at 1,000 benchmarks); each chart
 * reads its benchmark's shard, and the run list, when it scrolls into view.
 */
import type { TargetResult, TargetStatus } from '../model/report.js';
import type { BaseUnit } from '../model/run-file.js';
import type { LevelSummary, UslParams } from '../model/scaling.js';
import type { TrendDrift, TrendForecast } from '../trend/types.js';

export const DASHBOARD_SCHEMA_VERSION = 1;

/** A change of level at `at` (an index into the branch series' points), from the trend room. */
export interface ShardChange {
  at: number;
  change: number;
  /** 95% interval of `change` (the trend room's pooled t interval; log-space series only). */
  ci?: [number, number];
  verdict: 'regression' | 'improvement';
}

/** One benchmark on one branch: a point per run that has it. */
export interface BranchSeries {
  /** Index of each point's run in the branch's run list (runs.js). */
  run: number[];
  /** The location (the headline value: the median when samples exist). */
  v: number[];
  /** The 95% interval of the median from the run's raw samples; null where retention dropped them. */
  lo: Array<number | null>;
  hi: Array<number | null>;
  /** Change points (default branch) and anomalies (indexes into the points). */
  cp: ShardChange[];
  an: number[];
  /** Extra metrics (CPU, memory, custom) per point; null where the run lacks one. */
  metrics: Record<string, { unit: BaseUnit; direction: 'smaller' | 'bigger'; v: Array<number | null> }>;
  /** The newest run that kept raw samples: its point index and the samples (the detail's distribution). */
  samples?: { at: number; values: number[] };
  /** The newest point's statistics (n, mean, median, min, max, stdev, percentiles). */
  stats?: Record<string, number>;
  /** Default branch: the drift since the last change point (absent with too few runs). */
  drift?: TrendDrift;
  /** Default branch: the forecasts of the primary metric's thresholds with a budget (JSON: an unbounded `high` is null). */
  forecasts?: TrendForecast[];
}

export interface Shard {
  schemaVersion: typeof DASHBOARD_SCHEMA_VERSION;
  id: string;
  /** Branch name → its series; only branches that measured this benchmark. */
  branches: Record<string, BranchSeries>;
  /** The thresholds checked on the default branch's newest run (absent when none applies). */
  checks?: TargetResult[];
}

/** Branch name → its runs, oldest first: [commit (or ""), ISO timestamp]. */
export type RunsIndex = Record<string, Array<[string, string]>>;

export type Status = 'regression' | 'improvement' | 'unchanged';

export interface ManifestBenchmark {
  id: string;
  /** Index into `Manifest.suites`. */
  suite: number;
  name: string;
  unit: BaseUnit;
  direction: 'smaller' | 'bigger';
  /** The shard's path inside the site's data folder (`b/<hash>.js`). */
  shard: string;
  /** The newest value on the default branch (absent when it has no run of it). */
  last?: number;
  /** The newest change point within the window (30 days): its relative change and verdict. */
  change?: number;
  status: Status;
  /** Indexes into `Manifest.branches` of the branches that measured it. */
  branches: number[];
  /** Indexes into `Manifest.metrics` of its extra metrics. */
  metrics: number[];
  /** The worst of its thresholds on the newest run when one is missed (`failure`: an alert crossed). */
  check?: 'warning' | 'failure';
}

/** The config's targets and thresholds checked on the default branch's newest run (dashboard-checks.ts). */
export interface ManifestChecks {
  /** Targets and thresholds in the config. */
  configured: number;
  /** The run checked: [commit, timestamp]. */
  run?: [string, string];
  counts: Record<TargetStatus, number>;
  /** The missed and unknown ones, worst first (at most 10); `b`: index into `benchmarks`. */
  missed: Array<{ name: string; status: TargetStatus; message: string; b?: number }>;
}

export interface Manifest {
  schemaVersion: typeof DASHBOARD_SCHEMA_VERSION;
  generated: string;
  defaultBranch: string;
  /** Prefix a commit sha is appended to for its page (`https://github.com/o/r/commit/`); absent without a repository. */
  commitUrl?: string;
  /** Days the overview's counts look back. */
  windowDays: number;
  branches: Array<{ name: string; runs: number; last?: string }>;
  suites: string[];
  metrics: string[];
  overview: {
    benchmarks: number;
    regressions: number;
    improvements: number;
    /** The largest regressions of the window, worst first: index into `benchmarks` and change. */
    worst: Array<{ b: number; change: number }>;
    /** Absent when the build had no config (the history keeps no target outcomes). */
    checks?: ManifestChecks;
  };
  benchmarks: ManifestBenchmark[];
  /** The default branch's scaling sweeps (absent when it has none). */
  sweeps?: ManifestSweep[];
}

/** A scaling suite's newest sweep on the default branch, in the manifest. */
export interface ManifestSweep {
  suite: string;
  /** The sweep's data file inside the data folder (`s/<hash>.js`). */
  shard: string;
  levels: number;
  /** First level whose efficiency is under the floor. */
  knee?: number;
}

/** A sweep's data: the compare room's analysis of the newest record, and the speedups every run recorded. */
export interface SweepShard {
  schemaVersion: typeof DASHBOARD_SCHEMA_VERSION;
  suite: string;
  /** The work unit (throughput is units per second). */
  unit: string;
  /** Index of the newest sweep's run in the default branch's run list. */
  run: number;
  levels: LevelSummary[];
  /** The model AICc chose and its parameters; absent without a fit (`reason` says why). */
  model?: 'usl' | 'amdahl';
  params?: UslParams;
  /** N* of the USL fit. */
  peak?: number;
  /** The fitted throughput between the lowest and the highest level. */
  curve: Array<{ n: number; throughput: number }>;
  /** Each run's recorded speedup at its configured N (`run`: index in the run list). */
  speedups: Array<{ run: number; at: number; value: number; lo: number | null; hi: number | null }>;
  advice: string;
  reason?: string;
}

/** The names of the site's data files, and the global function each data script calls. */
export const DATA_FILES = { manifest: 'manifest.js', runs: 'runs.js', callback: '__trackPerformanceData' } as const;

/** The fragment key of the open benchmark's detail (`#bench=<id>`): the permalink the PR comment links to. */
export const DASHBOARD_BENCH_PARAM = 'bench';
