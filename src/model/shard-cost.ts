/** What a baseline run says each part of a shard plan costs to measure, for balancing shards by time. */
import type { RunFile } from './run-file.js';

/** Milliseconds of measuring per whole suite and per benchmark id, as an earlier run spent them. */
export interface MeasuredCosts {
  suites: Record<string, number>;
  benchmarks: Record<string, number>;
}

/** The costs a balanced plan is weighted by, and the run they came from (every shard must use the same). */
export interface ShardWeights {
  /** `commit@timestamp` of the run: shards planned from different runs made different plans. */
  from: string;
  costs: MeasuredCosts;
}

/**
 * The measuring time of each benchmark of `run`: its samples' count × mean, for time units (a
 * command suite's 30 runs of 100 ms cost 3 s; a tinybench task, its time budget); a suite's is
 * the sum of its benchmarks'. Other units (throughputs, counts) say nothing of time and are left
 * out, so their suites are planned by hash. Ids lose `variant`'s label, as plans hash them.
 */
export function measuredCosts(run: RunFile, variant?: string): MeasuredCosts {
  const out: MeasuredCosts = { suites: {}, benchmarks: {} };
  const tag = variant ? ` [${variant}]` : '';
  for (const b of run.benchmarks) {
    if (b.unit !== 'ns' || !(b.stats.n > 0) || !(b.stats.mean > 0)) continue;
    const ms = (b.stats.n * b.stats.mean) / 1e6;
    const id = tag && b.id.endsWith(tag) ? b.id.slice(0, -tag.length) : b.id;
    out.benchmarks[id] = ms;
    out.suites[b.suite] = (out.suites[b.suite] ?? 0) + ms;
  }
  return out;
}

/** The weights of a plan from the newest run of a baseline, or undefined when it has no run. */
export function weightsOf(runs: readonly RunFile[], variant?: string): ShardWeights | undefined {
  const run = runs[runs.length - 1];
  return run && { from: `${run.commit ?? '(no commit)'}@${run.timestamp}`, costs: measuredCosts(run, variant) };
}
