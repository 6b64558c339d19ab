import type { MergedShards, ShardRecord } from './shard-types.js';

/**
 * The run file: the one format every room speaks. A run is one execution of the suites on one
 * machine at one commit. Importers produce it, `compare` reads only it, stores keep it.
 */

/** Bumped on any incompatible change; readers migrate older versions and refuse newer ones. */
export const RUN_SCHEMA_VERSION = 1;

import type { ScalingRecord } from './scaling.js';

/** Which way is better for a metric: time and memory get smaller, throughput bigger. */
export type Direction = 'smaller' | 'bigger';

/**
 * Base units. Values are converted to these at the edge (importers, runners) so that every
 * comparison is like with like: time in nanoseconds, memory in bytes. Other units are kept as
 * the tool wrote them (e.g. `ops/s`, `%`, `ratio`, or a custom metric's own unit). Counts under
 * Valgrind: `instructions` (executed, callgrind's Ir) and `cycles` (estimated from a cache
 * simulation), both per iteration, smaller is better.
 */
export type BaseUnit = 'ns' | 'B' | 'ops/s' | 'ratio' | '%' | 'instructions' | 'cycles' | (string & {});

/** Summary statistics of a metric's samples (or of its single value when no samples exist). */
export interface Stats {
  n: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  /** Sample standard deviation; 0 when n < 2. */
  stdev: number;
  p75?: number;
  p95?: number;
  p99?: number;
}

/** One measured quantity: the primary time of a benchmark, or an extra metric beside it. */
export interface Metric {
  unit: BaseUnit;
  direction: Direction;
  /** The headline value: the median of the samples when there are samples, else the tool's value. */
  value: number;
  /** Raw samples when the tool gave them; statistics that see only means cannot be trusted. */
  samples?: number[];
  stats?: Stats;
}

export interface BenchmarkResult {
  /** Stable identity across runs: `${suite}/${name}`. */
  id: string;
  suite: string;
  /** The name exactly as the user or the tool gave it. */
  name: string;
  /** The primary metric (the one regressions are judged on unless configured otherwise). */
  unit: BaseUnit;
  direction: Direction;
  value: number;
  samples?: number[];
  stats: Stats;
  /** Extra metrics: `cpuUser`, `cpuSystem`, `peakRss`, `heapUsed`, `successRate`, `accuracy`, … */
  metrics?: Record<string, Metric>;
}

export interface Machine {
  os: string;
  arch: string;
  cpuModel: string;
  cores: number;
  nodeVersion: string;
  /** V8 inside that Node (`process.versions.v8`): a new V8 moves every instruction count. */
  v8Version?: string;
  /** Set when a suite was counted under Valgrind: its version (`3.19.0`) … */
  valgrindVersion?: string;
  /** … and the Node flags of the counted processes. */
  countFlags?: string;
  runnerName?: string;
}

/** A suite or task that could not be measured; the run goes on without it. */
export interface RunError {
  suite: string;
  task?: string;
  message: string;
}

export interface RunFile {
  schemaVersion: typeof RUN_SCHEMA_VERSION;
  tool: 'track-performance';
  commit?: string;
  ref?: string;
  /** ISO 8601. */
  timestamp: string;
  machine?: Machine;
  benchmarks: BenchmarkResult[];
  errors?: RunError[];
  /** Where the data came from when it was imported (`hyperfine`, `go`, …). */
  source?: { format: string; file?: string };
  /** The matrix label of this run (`ubuntu-node20`): its benchmark ids and names end in ` [variant]`. */
  variant?: string;
  /** Set on one shard's run (`shard: i/n`): which share, of which workflow run and attempt. */
  shard?: ShardRecord;
  /** Set on a merged run: the shards it was put together from. */
  shards?: MergedShards;
  /** Concurrency sweeps of the config's `scaling` suites (docs/optimize.md); absent when there are none. */
  scaling?: ScalingRecord[];
}
