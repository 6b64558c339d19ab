/**
 * One step of a sweep: one level measured once, by a command run (scaling-command.ts) or by the
 * tinybench worker's calls of a scaling task (scaling-tinybench.ts). The sweep's loop, its
 * interleaving and its extra levels (scaling.ts) see only this interface.
 */

/** What one step measured. */
export interface StepResult {
  /** Wall time of the step, ns (a command's process; a tinybench step's calls). */
  wallNs: number;
  /** The time the work took: the program's own clock when it says, else the wall time. */
  seconds: number;
  /** Calls of the work in the step (1 for a command). */
  calls: number;
  /** Units of work the step reported itself (overriding `work`). */
  units?: number;
  /** Other numbers the step reported (accuracy, errors, …). */
  metrics: Record<string, number>;
}

/** What the task itself says about how to sweep it (a tinybench task's options); the config wins. */
export interface StepDefaults {
  levels?: number[];
  work?: number;
  workPerWorker?: boolean;
  unit?: string;
}

export interface Stepper {
  /** Shown in reports: the command with `{N}`, or `tinybench <file> › <task>`. */
  label: string;
  defaults: StepDefaults;
  /** Measures level n once; an error stops that level. */
  step(n: number): Promise<StepResult | { error: string }>;
  close(): Promise<void>;
}

/** Units of work a step did: its own count, else `work` per call (× N when each worker does `work`). */
export function stepUnits(r: StepResult, n: number, work: number, workPerWorker: boolean): number {
  return r.units ?? r.calls * (workPerWorker ? work * n : work);
}
