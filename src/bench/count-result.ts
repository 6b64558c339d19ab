/** Counted benchmarks: Valgrind's counts as run-file benchmarks, shared by tinybench and command suites. */
import type { BenchmarkResult, Metric } from '../model/index.js';
import { cacheCounts, type CacheCounts } from './callgrind-out.js';
import { summarize, summarizeValue } from '../model/summarize.js';
import type { CountMeasure } from './valgrind.js';

/** A counted benchmark's own name: `<task> [instructions]`, so a timed benchmark of the same task keeps its id. */
export function countedName(name: string, measure: CountMeasure): string {
  return `${name} [${measure}]`;
}

const count = (value: number, unit: string): Metric => ({ unit, direction: 'smaller', value, stats: summarizeValue(value) });

/**
 * The benchmark of `name` from its per-iteration events (one entry per counted iteration, or one
 * for a whole process tree). Its value is the mean per iteration and it keeps no samples: each
 * run is one near-exact figure, and the spread between runs is what compare sees. With `cycles`,
 * the instructions and the cache hits ride along as metrics.
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
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const b: BenchmarkResult = {
    id: `${suite}/${countedName(name, measure)}`,
    suite,
    name: countedName(name, measure),
    unit: measure,
    direction: 'smaller',
    value: stats.mean,
    stats,
  };
  if (measure === 'cycles') {
    b.metrics = {
      instructions: count(mean(pick((c) => c.instructions)), 'instructions'),
      l1Hits: count(mean(pick((c) => c.l1Hits)), 'count'),
      llHits: count(mean(pick((c) => c.llHits)), 'count'),
      ramHits: count(mean(pick((c) => c.ramHits)), 'count'),
    };
  }
  return b;
}
