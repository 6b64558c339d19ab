/** The shape of `performance-tracker.json` after validation (see schema/performance-tracker.schema.json). */
import type { LocationStatistic } from '../model/report.js';

export interface SuiteBase {
  /** Unique suite name; benchmark ids are `${suite}/${task}`. */
  name: string;
  /** Smallest relative change that matters for this suite's benchmarks (overrides compare.minEffect). */
  minEffect?: number;
}

/**
 * What a suite measures: wall time (the default), or, under Valgrind, the instructions executed
 * (`instructions`, callgrind's Ir) or cycles estimated from a pinned cache simulation (`cycles`).
 * An array measures each: the counted benchmarks get ids of their own (see docs/instruction-counts.md).
 */
export type Measure = 'time' | 'instructions' | 'cycles';

/** A JS/TS file whose default export registers tinybench tasks; runs in its own Node process. */
export interface TinybenchSuite extends SuiteBase {
  tinybench: string;
  /** Measuring time per task, ms (tinybench `time`). */
  time?: number;
  /** Minimum iterations per task (tinybench `iterations`). */
  iterations?: number;
  /** Warm-up time per task, ms. */
  warmupTime?: number;
  /** Warm-up iterations per task before its first pass (later passes: this / passes, rounded up). */
  warmupIterations?: number;
  /** Interleaved passes over the tasks, each measuring every task for time / passes (default 5; 20 in an in-process A/B). */
  passes?: number;
  /** A/B: measure the base's and the head's copy of the suite in one process, task by task (default true). */
  abSameProcess?: boolean;
  /** Time, instruction counts or estimated cycles (overrides the top-level `measure`). */
  measure?: Measure | Measure[];
  /** Under `instructions`/`cycles`: iterations counted per task after the warm-up (default 10). */
  countIterations?: number;
}

/** Shell commands timed as processes: wall, user and system CPU time, peak RSS. */
export interface CommandSuite extends SuiteBase {
  /** One command (benchmark named after the suite) or a map of benchmark name → command. */
  command: string | Record<string, string>;
  runs?: number;
  warmup?: number;
  /** Record failed runs as a `successRate` metric instead of failing the suite. */
  allowFailures?: boolean;
  cwd?: string;
  env?: Record<string, string>;
  /** Per-run timeout, ms. */
  timeout?: number;
  /** Time, instruction counts or estimated cycles of the whole process tree (overrides the top-level `measure`). */
  measure?: Measure | Measure[];
  /** Sharded runs: spread this suite's commands over the shards by benchmark id, instead of giving the suite to one shard. */
  split?: boolean;
}

/** Results written by another tool (hyperfine, Google Benchmark, go test, …). */
export interface ImportSuite extends SuiteBase {
  import: string;
  /** Format name; detected from the content when absent. */
  format?: string;
  /** Command that produces the file, run before reading it. */
  run?: string;
  /** Sharded runs: spread the file's benchmarks over the shards by benchmark id (every shard runs `run` and keeps its share). */
  split?: boolean;
}

export type SuiteConfig = TinybenchSuite | CommandSuite | ImportSuite;

export interface CompareConfig {
  /** Smallest relative change that counts as a regression or improvement (default 0.05). */
  minEffect?: number;
  /** Suite-wide false-alarm rate (default 0.02). */
  alpha?: number;
  /** How many baseline runs of history to use (default 10). */
  history?: number;
  /**
   * Single design (one baseline run vs one current run): the assumed between-run noise per run,
   * as a log-scale SD (default 0.6, deliberately conservative; see the README's accuracy table).
   */
  noiseFloor?: number;
  /** The statistic that stands for a run: its mean rate (default), its median, or, for the paired design, its best sample. */
  location?: LocationStatistic;
  /** Minimum effect for instruction counts and estimated cycles, which are near-deterministic (default 0.01). */
  countMinEffect?: number;
  /** Per-benchmark overrides, matched by id or `*` glob. */
  overrides?: Array<{ benchmark: string; minEffect?: number }>;
}

/** "candidate is N x faster than baseline", both benchmarks of the same run. */
export interface SpeedupTarget {
  name: string;
  /** Benchmark id of the reference (e.g. the sequential variant). */
  baseline: string;
  /** Benchmark id of the variant expected to be faster. */
  candidate: string;
  speedup: { min?: number; goal?: number; max?: number };
  /** Worker count, to report parallel efficiency = speedup / workers. */
  workers?: number;
}

/**
 * A level check on a metric or statistic. Conditions are strings such as ">= 0.95", "<= 30s",
 * "> 512MB" or a band "70%..90%". Missing `target` = warning, crossing `alert` = failure.
 */
export interface ThresholdConfig {
  name?: string;
  /** Benchmark id or `*` glob; all benchmarks when absent. */
  benchmark?: string;
  /** Metric name (`accuracy`, `successRate`, `peakRss`, `cpuUtilization`, …); the primary metric when absent. */
  metric?: string;
  /** Statistic of the samples; `median` when absent. */
  stat?: 'median' | 'mean' | 'min' | 'max' | 'p75' | 'p95' | 'p99';
  target?: string;
  alert?: string;
}

/** Targets on a sweep: below `min` = failure, below `goal` (or above `max`) = warning. */
export interface ScalingTargets {
  /** Speedup over N = 1 at level `at`. */
  speedup?: { at: number; min?: number; goal?: number; max?: number };
  /** Parallel efficiency (speedup / N) at level `at`, as a fraction. */
  efficiency?: { at: number; min?: number; goal?: number };
  /** The fitted peak N* (no peak counts as unbounded). */
  peak?: { min?: number; goal?: number };
}

/** "accuracy ≥ 0.95 at every N": a metric the runs report, checked per level. */
export interface ScalingQuality {
  metric: string;
  target?: string;
  alert?: string;
}

/**
 * A concurrency sweep (`track-performance optimize`): one command run at each level N with
 * `{N}` replaced by the level, each level repeated, the repeats interleaved across levels.
 */
export interface ScalingSuite {
  /** Unique name among the scaling suites. */
  name: string;
  /** Shell command containing `{N}` (every occurrence is replaced by the level); exactly one of `command` and `tinybench`. */
  command?: string;
  /** A tinybench suite file whose `suite.scaling(name, (n) => …)` task is swept. */
  tinybench?: string;
  /** With `tinybench`: which scaling task of the file (needed when it registers several). */
  task?: string;
  /** With `tinybench`: measured time per level per round, ms (default 500). */
  time?: number;
  /** With `tinybench`: fewest calls per level per round (default 3). */
  iterations?: number;
  /** Concurrency levels; default 1, 2, 4, … up to 2 × the machine's cores. */
  levels?: number[];
  /** Timed runs per level (default 3), made round-robin over the levels. */
  repeats?: number;
  /** Untimed runs per level before the first round (default 1). */
  warmup?: number;
  /** Units of work one run does (default 1); throughput = units / wall time. */
  work?: number;
  /** Each of the N workers does `work` units (weak scaling): a run does work × N. Default false. */
  workPerWorker?: boolean;
  /** Name of a work unit for the report (default "runs"). */
  unit?: string;
  /** Efficiency (speedup / N) under which a level is past the knee (default 0.5). */
  efficiencyFloor?: number;
  /** Levels added near a peak the first fit finds inside or near the range, then refitted (default 3; 0: none). */
  kneeLevels?: number;
  /** Speedup, efficiency and peak targets; a missed `min` fails the check (and makes `optimize` exit 1). */
  targets?: ScalingTargets;
  /** Per-level quality: a reported metric's mean at every N against `target` (warning) and `alert` (failure). */
  quality?: ScalingQuality[];
  cwd?: string;
  env?: Record<string, string>;
  /** Per-run timeout, ms (with `tinybench`: the longest a level may go without finishing). */
  timeout?: number;
}

/** Trends of the default branch and the alerts a push raises (docs/trends.md). */
export interface TrendConfig {
  /** Smallest relative change of a change point that raises a critical alert (default: compare.minEffect). */
  minEffect?: number;
  /** Change-point significance (default 1e-5). */
  pValue?: number;
  /** Runs per sliding window (default 50). */
  window?: number;
  /** A forecast crossing a budget within this many runs raises a warning (default 20). */
  horizon?: number;
  /** Take the runner's level (what moves every timed benchmark of a run together) out of timed series before the search (default true; needs 5 timed benchmarks). */
  runnerLevel?: boolean;
  /** `issue`: one GitHub issue per regression change point (default true; needs `issues: write`); its `labels` (default `performance`) and the `assignees` it is opened with. */
  alerts?: { issue?: boolean; labels?: string[]; assignees?: string[] };
}

/** What a message is about: the run's comparison, the default branch's trends, or the scheduled report. */
export type NotifyEvent = 'regression' | 'change-point' | 'alert' | 'improvement' | 'report';

/** Severity of an event, as the trend alerts grade them. */
export type NotifyLevel = 'critical' | 'warning' | 'info';

/** One chat channel or webhook (docs/notifications.md). Its URL is never in the file. */
export interface NotifyChannel {
  type: 'slack' | 'discord' | 'teams' | 'webhook';
  /** Name in logs and in the `notify-urls` input (default: the type). */
  name?: string;
  /** Environment variable holding the URL; without it, the `notify-urls` input's `NAME=URL` line. */
  urlEnv?: string;
  /** webhook: environment variable holding the HMAC-SHA256 key. */
  secretEnv?: string;
  /** Events sent (default regression, change-point, alert, report). */
  on?: NotifyEvent[];
  /** Minimum level sent (default info); the report ignores it. */
  level?: NotifyLevel;
  /** Also notify from pull request runs (default false). */
  pr?: boolean;
}

export interface NotifyConfig {
  channels: NotifyChannel[];
  /** Seconds one channel's delivery may take, retries included (default 30). */
  timeout?: number;
  /** Linked from every message. */
  dashboardUrl?: string;
}

export interface Config {
  $schema?: string;
  suites: SuiteConfig[];
  /** What tinybench and command suites measure unless they say (default `time`). */
  measure?: Measure | Measure[];
  /** How counted suites run. */
  instructions?: {
    /** Valgrind processes at once for independent counted suites (default: the CPU count). */
    parallel?: number;
  };
  /** Concurrency sweeps: run by `optimize`, and by the action and `benchmark` with the suites (docs/optimize.md). */
  scaling?: ScalingSuite[];
  compare?: CompareConfig;
  targets?: SpeedupTarget[];
  thresholds?: ThresholdConfig[];
  trend?: TrendConfig;
  notify?: NotifyConfig;
}
