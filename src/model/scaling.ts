/**
 * The data of a concurrency sweep: what a run file keeps of it (raw levels and a summary of the
 * fit), and the analysis a report carries for its renderers. Types only; the fit itself lives in
 * src/compare/scaling/.
 */

export interface Interval {
  lo: number;
  hi: number;
}

export interface UslParams {
  lambda: number;
  sigma: number;
  kappa: number;
}

export interface ModelFit {
  model: 'usl' | 'amdahl';
  params: UslParams;
  /** 95% intervals of the parameters (κ's is [0, 0] for Amdahl, where it is fixed). */
  intervals: Record<keyof UslParams, Interval>;
  /** Standard errors: of log λ, σ and κ. */
  se: { logLambda: number; sigma: number; kappa: number };
  /** Covariance of (log λ, σ, κ) (κ's row and column zero for Amdahl). */
  covariance: number[][];
  /** Sum of squared log residuals. */
  sse: number;
  points: number;
  /** Free parameters (3 for USL, 2 for Amdahl). */
  k: number;
  /** Akaike's criterion with the small-sample correction (AICc, Hurvich & Tsai 1989). */
  aicc: number;
}

export interface LevelSummary {
  n: number;
  repeats: number;
  /** Geometric mean of the repeats' throughputs. */
  throughput: number;
  /** 95% interval of the level's throughput (NaN bounds when the noise cannot be estimated). */
  interval: Interval;
  /** Throughput / the throughput of one worker (measured at N = 1, else the fitted λ). */
  speedup: number;
  speedupInterval: Interval;
  /** speedup / N. */
  efficiency: number;
}

export interface Peak {
  /** N* = √((1−σ)/κ), from the USL fit. */
  n: number;
  /** 95% interval (delta method on log N*); `hi` is Infinity when κ's interval reaches 0. */
  interval: Interval;
  /** Fitted throughput at N*. */
  throughput: number;
  /** N* lies within the measured levels. */
  inRange: boolean;
}

export interface ScalingFit {
  /** The model AICc prefers (Amdahl on a tie: fewer parameters). */
  chosen: 'usl' | 'amdahl';
  usl: ModelFit;
  amdahl: ModelFit;
  /** From the USL fit, when κ > 0. */
  peak?: Peak;
  /** Speedup as N → ∞ under Amdahl (1/σ), with its interval. */
  amdahlLimit: { value: number; interval: Interval };
}

export interface ScalingAnalysis {
  levels: LevelSummary[];
  /** Levels that failed, with their messages. */
  failed: Array<{ n: number; error: string }>;
  efficiencyFloor: number;
  /** First measured N whose efficiency is under the floor. */
  knee?: number;
  fit?: ScalingFit;
  /** Why there is no fit. */
  reason?: string;
  warnings: string[];
  /** One or two sentences a user can act on. */
  advice: string;
  /** Levels measured after the first fit, near the knee it found (the fit above includes them). */
  added?: number[];
  /** The first fit, over the levels before any were added: reported beside the refit. */
  firstFit?: { levels: number[]; fit?: ScalingFit; reason?: string };
}

/** What a sweep measured at one level, as the run file keeps it. */
export interface ScalingLevelRecord {
  n: number;
  /** Work units per second, one per timed run. */
  throughputs: number[];
  /** Other numbers the runs reported (accuracy, errors, …), per name, one per run that reported it. */
  metrics?: Record<string, number[]>;
  /** Why the level stopped. */
  error?: string;
  /** Measured after the first fit, near the knee it found (the first fit leaves it out). */
  added?: boolean;
}

/** A value with its 95% interval; a bound is null when unknown (and `hi` when unbounded). */
export interface Estimated {
  value: number;
  lo: number | null;
  hi: number | null;
}

/**
 * The fit of a sweep, summarised for the history: the USL's σ, κ and λ, the chosen model and the
 * speedup at the configured N. A record for readers (dashboards, `jq`): `compare` refits the raw
 * levels, so both sides are judged by today's method at today's N.
 */
export interface ScalingFitRecord {
  model: 'usl' | 'amdahl';
  sigma: Estimated;
  kappa: Estimated;
  lambda: Estimated;
  /** Speedup at N = `at`, measured when N was a level, else read off the fit (`fitted`). */
  speedup?: Estimated & { at: number; fitted: boolean };
  peak?: Estimated;
}

/** One scaling suite's sweep in a run file. */
export interface ScalingRecord {
  suite: string;
  /** The command with `{N}` in it, or `tinybench <file> <task>`. */
  command: string;
  /** Name of a work unit (throughput is units per second). */
  unit: string;
  levels: ScalingLevelRecord[];
  fit?: ScalingFitRecord;
  /** Why there is no fit. */
  reason?: string;
}

/** The scaling part of a report: per sweep, its analysis, and the baseline's when there is one. */
export interface ScalingResult {
  suite: string;
  command: string;
  unit: string;
  analysis: ScalingAnalysis;
  /** The baseline run's analysis of the same suite (the latest that has it). */
  baseline?: ScalingAnalysis;
  /** Names (`suite: …`) of this sweep's targets in `report.targets`. */
  targets: string[];
  /** The other numbers the runs reported (accuracy, …): per name, each level's mean. */
  quality?: LevelValues;
}

/** Per metric name, each level's mean, by N. */
export type LevelValues = Record<string, Array<{ n: number; value: number }>>;
