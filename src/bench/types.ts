import type { SuiteKind } from '../config/index.js';
import type { BenchmarkResult, RunError } from '../model/index.js';

/** One side of an A/B comparison: the PR's base or its head. */
export type Side = 'base' | 'head';

/**
 * What the runners report while they work, for a progress display or log groups. Names are
 * raw user data: whoever shows them must escape them for their medium.
 */
export type ProgressEvent =
  | { type: 'suite-start'; suite: string; kind: SuiteKind }
  | { type: 'task-done'; suite: string; task: string; benchmark: BenchmarkResult }
  /** A suite or task that failed; the run goes on without it. */
  | { type: 'error'; suite: string; task?: string; message: string }
  /** A fact worth logging: the import format detected, the CPU/RSS measuring method, … */
  | { type: 'info'; suite: string; message: string }
  /**
   * A counted suite's progress after each task (Valgrind runs 20–80× slower than native): shown
   * as it happens even while parallel suites hold their other events back for a stable order.
   */
  | { type: 'count-progress'; suite: string; measure: string; done: number; total: number; elapsedMs: number; etaMs: number }
  | { type: 'suite-done'; suite: string; benchmarks: number; errors: number; durationMs: number };

/** What one suite produced: its benchmarks and the tasks that could not be measured. */
export interface SuiteOutcome {
  benchmarks: BenchmarkResult[];
  errors: RunError[];
}

/** What every runner gets besides its suite config. */
export interface RunnerContext {
  /** Project root: suite paths and commands resolve against it. */
  cwd: string;
  emit: (e: ProgressEvent) => void;
}

/** JSON-quotes a user-given name for messages, so newlines and quotes cannot break a log line. */
export function quote(name: string): string {
  return JSON.stringify(name);
}
