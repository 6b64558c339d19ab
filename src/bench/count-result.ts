/** Counted benchmarks: Valgrind's counts as run-file benchmarks, shared by tinybench and command suites. */
import type { BenchmarkResult, Metric } from '../model/index.js';
import { cacheCounts, type CacheCounts } from './callgrind-out.js';
import { median } from 'simple-statistics';
import { summarize, summarizeValue } from '../model/summarize.js';
import type { CountMeasure } from './valgrind.js';

/** A counted benchmark's own name: `<task> [instructions]`, so a timed benchmark of the same task keeps its id. */
export function countedName(name: string, measure: CountMeasure): string {
  return `${name} [${measure}]`;
}

const count = (value: number, unit: string): Metric => ({ unit, direction: 'smaller', value, stats: summarizeValue(value) });

/**
 * The benchmark of `name` from its per-iteration events (one entry per counted iteration, or one
 * for a whole process tree). Its value is the median per iteration (the mean, min and max stay
 * in its stats) and it keeps no samples: each run is one near-exact figure, and the spread
 * between runs is what compare sees. The median, not the mean: measured on the corpus workloads
 * (bench:instructions-accuracy), a task's first counted call and the one where V8's optimizing
 * compiler finishes cost 1.5–80× a steady call (a 239,208-instruction map churn counted
 * 8,149,218 in the call that tiered up), and those calls' counts move by up to 0.3% between
 * processes; the steady calls are identical to the instruction. A mean of 10 calls is then
 * mostly compile work, moves 0.1% between runs and dilutes a real 1% change. With `cycles`, the
 * instructions and the cache hits ride along as metrics (their medians too).
 */
export function countedBenchmark(
  suite: string,
  name: string,
  measure: CountMeasure,
  perIteration: ReadonlyArray<Record<string, number>>,
): BenchmarkResult {
  const counts = perIteration.map(cacheCounts);
  const pick = (f: (c: CacheCounts) => number) => counts.map(f);
  const primary = pick((c) => (measure === 'cycles' ? c.cycles : c.instructions));
  const stats = summarize(primary);
  const b: BenchmarkResult = {
    id: `${suite}/${countedName(name, measure)}`,
    suite,
    name: countedName(name, measure),
    unit: measure,
    direction: 'smaller',
    value: stats.median,
    stats,
  };
  if (measure === 'cycles') {
    b.metrics = {
      instructions: count(median(pick((c) => c.instructions)), 'instructions'),
      l1Hits: count(median(pick((c) => c.l1Hits)), 'count'),
      llHits: count(median(pick((c) => c.llHits)), 'count'),
      ramHits: count(median(pick((c) => c.ramHits)), 'count'),
    };
  }
  return b;
}
