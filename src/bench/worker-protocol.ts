/**
 * Messages between the parent and the tinybench worker, over Node's IPC channel (never by parsing
 * the worker's human output, which belongs to the user's code).
 */
import type { Stats } from '../types.js';

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
}

export type WorkerMessage =
  /** The suite registered its tasks; they run in this order. */
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
  | { type: 'metric'; name: string; samples: number[]; unit: string; direction: 'smaller' | 'bigger'; task?: string }
  | { type: 'metric-error'; name: string; message: string }
  /** The suite file could not be loaded or registered nothing usable. */
  | { type: 'fatal'; message: string }
  | { type: 'done' };
