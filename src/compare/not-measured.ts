/**
 * Benchmarks the current run could not measure: in the baseline, absent now, and named by one
 * of the current run's errors (the whole suite, or the one task). They are `error`, not
 * `missing`: a crashed suite must not read as benchmarks someone deleted.
 */
import type { BenchmarkComparison, RunError } from '../model/index.js';

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim();
}

/** Marks the `missing` comparisons whose suite (or task) errored in the current run, in place. */
export function markNotMeasured(comparisons: BenchmarkComparison[], errors: readonly RunError[]): void {
  if (errors.length === 0) return;
  for (const c of comparisons) {
    if (c.verdict !== 'missing') continue;
    const e = errors.find((x) => x.suite === c.suite && (x.task === undefined || x.task === c.name));
    if (!e) continue;
    c.verdict = 'error';
    c.reason = `Not measured: ${e.task === undefined ? `suite ${e.suite}` : `task ${e.task}`} failed: ${firstLine(e.message)}`;
  }
}
