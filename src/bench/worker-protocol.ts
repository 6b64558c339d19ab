/**
 * Messages between the parent and the tinybench worker, over Node's IPC channel (never by parsing
 * the worker's human output, which belongs to the user's code).
 */
import type { Stats } from '../model/index.js';

/** What the parent tells the worker, as its one argv argument (JSON). */
export interface WorkerRequest {
  /** Absolute path of the suite file. */
  file: string;
  time: number;
  iterations: number;
  warmupTime: number;
  warmupIterations: number;
  /** Interleaved passes over the tasks; each pass measures each task for time / passes. */
  passes: number;
  /** Iterations after which a phase ends even if time is left (fast tasks would sort millions of samples). */
  maxIterations: number;
  /** Most latency samples kept per task (quantiles of the full set beyond that). */
  maxSamples: number;
  /**
   * In-process A/B: the base tree's copy of the suite (and the directory it runs in), measured in
   * this same process, each task back to back with the head's copy of it.
   */
  base?: { file: string; cwd: string };
  /** With `base`: whether the base goes first in the first pass (the order flips every pass). */
  baseFirst?: boolean;
  /**
   * Count instead of time (the worker runs under callgrind): per task `warmupIterations`, a gc(),
   * then `iterations` calls, each between callgrind's start and stop requests and dumped as
   * `t<task index>` (see worker-count.ts).
   */
  scaling?: {
    /** The scaling task to sweep; may be absent when the file registers exactly one. */
    task?: string;
    /** Measured time per step (one level in one round), ms. */
    time: number;
    /** Fewest calls per step. */
    iterations: number;
  };
  count?: {
    iterations: number;
    warmupIterations: number;
    /** Send the suite's custom metrics (false when a timed run of the suite sends them). */ metrics: boolean;
  };
}

/** Which copy a message is about in an in-process A/B; absent means the head (or the only) copy. */
export interface SideTag {
  side?: 'base';
}

export type WorkerMessage = SideTag &
  /** The suite registered its tasks; they run in this order. */
  (
    | { type: 'registered'; tasks: string[]; metrics: string[] }
    | { type: 'task-start'; task: string }
    | {
        type: 'task';
        task: string;
        /** Latency samples in ns, at most `maxSamples`. */
        samples: number[];
        /** Statistics of all samples, ns. */
        stats: Stats;
        /** V8 heap in use at the end of the measured phase, bytes. */
        heapUsed: number;
      }
    | { type: 'task-error'; task: string; message: string }
    /** Counted: the task's `iterations` calls were dumped as parts named `t<index>`. */
    | { type: 'counted'; task: string; index: number; iterations: number }
    | { type: 'metric'; name: string; samples: number[]; unit: string; direction: 'smaller' | 'bigger'; task?: string }
    | { type: 'metric-error'; name: string; message: string }
    /** Scaling mode: the task to sweep is loaded, with the options its file gave it. */
    | { type: 'scaling-ready'; task: string; levels?: number[]; work?: number; workPerWorker?: boolean; unit?: string }
    /** Scaling mode: one step's calls, their summed time, the units they returned (if any) and their other numbers' mean. */
    | { type: 'step-done'; n: number; calls: number; seconds: number; units?: number; metrics: Record<string, number> }
    | { type: 'step-error'; n: number; message: string }
    /** The suite file could not be loaded or registered nothing usable. */
    | { type: 'fatal'; message: string }
    /** Everything is measured (sent once, untagged, for both copies). */
    | { type: 'done' }
  );

/** What the parent sends a scaling worker over IPC: measure level n once, or end. */
export type StepRequest = { type: 'step'; n: number } | { type: 'end' };
