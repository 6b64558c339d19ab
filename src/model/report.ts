/** The report: what `compare` returns and what the comment, summary, JSON and gate read. */
import type { BaseUnit, Direction, Machine, RunError } from './run-file.js';
import type { ScalingResult } from './scaling.js';

export type BenchmarkVerdict =
  | 'regression'
  | 'improvement'
  | 'unchanged'
  | 'inconclusive'
  | 'new'
  | 'missing'
  /** In the baseline, not measured now because its suite or task errored in the current run. */
  | 'error';

export type OverallVerdict = 'pass' | 'warn' | 'fail';

/** How the baseline was obtained, in increasing power. */
export type Design = 'single' | 'history' | 'paired';

/**
 * Which statistic stands for a run (compare.location). `mean-rate` (the default: the harmonic
 * mean of times, the mean of throughputs) moves smoothly where the `median` jumps between the
 * two modes of a bursty run. `best` (the fastest time, the highest throughput) suits the paired
 * design on shared runners, where contention comes in bursts that only ever slow work down: with
 * samples spread over the run, its best sample is what the code costs when a burst has passed.
 */
export type LocationStatistic = 'median' | 'mean-rate' | 'best';

export interface BenchmarkComparison {
  id: string;
  suite: string;
  name: string;
  unit: BaseUnit;
  direction: Direction;
  verdict: BenchmarkVerdict;
  /** Relative change of the location, current / baseline - 1 (positive = larger value). */
  change?: number;
  /** Confidence interval of `change`, at the report's `confidence`. */
  ci?: [number, number];
  /** p-value of the significance test, before the suite-wide correction. */
  pValue?: number;
  baseline?: { value: number; n: number };
  current?: { value: number; n: number };
  /** When nothing is concluded: the smallest relative change the data could have detected. */
  minDetectableEffect?: number;
  /** Paired design, inconclusive: about how many pairs (A/B rounds) would detect the minimum effect. */
  pairsToDetect?: number;
  /** The minimum effect this benchmark was judged against. */
  minEffect?: number;
  /** Identical values in every run on each side (golang/perf's AssumeExact): no test, a zero-width interval. */
  exact?: boolean;
  /** Why the verdict is what it is, in a sentence (e.g. "too few runs"). */
  reason?: string;
  /** Baseline history values, oldest first, for the trend sparkline. */
  trend?: number[];
  /** The baseline history's last change point (trend analysis), when it has one: the baseline is still settling. */
  baselineChange?: BaselineChange;
  warnings: string[];
}

/** A change point in the baseline history: its first run is `runsAgo` runs before the newest baseline run (1 = the newest). */
export interface BaselineChange {
  change: number;
  verdict: 'regression' | 'improvement';
  commit?: string;
  runsAgo: number;
}

export type TargetStatus = 'met' | 'warning' | 'failure' | 'inconclusive';

/** A configured target or threshold, checked on the current run. */
export interface TargetResult {
  name: string;
  kind: 'speedup' | 'threshold' | 'scaling';
  status: TargetStatus;
  /** The observed value (e.g. speedup 7.2, accuracy 0.96, p95 in base unit). */
  value?: number;
  unit?: BaseUnit;
  ci?: [number, number];
  /** The rule in words, e.g. ">= 0.95" or "5x–15x". */
  expected: string;
  message: string;
  /** Extra figures such as parallel efficiency. */
  details?: Record<string, number>;
}

export interface Report {
  schemaVersion: 1;
  /** The worst finding (src/compare/gate.ts `verdictOf`): regressions, alerts and errored suites fail; missed targets warn. */
  verdict: OverallVerdict;
  /** The level of every interval in the report (`ci`), e.g. 0.98 for α = 0.02. */
  confidence: number;
  design: Design;
  /** Method used for the suite-wide false-alarm control, in words. */
  method: string;
  counts: Record<BenchmarkVerdict, number>;
  benchmarks: BenchmarkComparison[];
  targets: TargetResult[];
  /** Caveats about the whole comparison (machine mismatch, few runs, errors). */
  warnings: string[];
  /** Information that changes no verdict (e.g. a kernel build that differs between runs). */
  notes?: string[];
  errors: RunError[];
  /** Concurrency sweeps of the current run, analysed (their targets are in `targets`, their regressions in `benchmarks`). */
  scaling?: ScalingResult[];
  /** `from`, `branch`: where the baseline came from (e.g. "Actions cache", "main"), as the flow that loaded it said. */
  baseline?: { commit?: string; timestamp?: string; runs: number; machine?: Machine; from?: string; branch?: string };
  current?: { commit?: string; timestamp?: string; runs: number; machine?: Machine };
}
