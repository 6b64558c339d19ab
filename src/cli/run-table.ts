import { markdownTable } from 'markdown-table';
import { medianAbsoluteDeviation } from 'simple-statistics';
import { formatValue } from '../model/format.js';
import type { BenchmarkResult, RunFile } from '../model/index.js';

/** A plain table of a run's results for the terminal. */
export function runTable(run: RunFile): string {
  const rows = run.benchmarks.map((b) => [b.id, formatValue(b.value, b.unit), spread(b), String(b.stats.n)]);
  const table = markdownTable([['benchmark', 'median', '±MAD', 'samples'], ...rows], { align: ['l', 'r', 'r', 'r'] });
  const errors = (run.errors ?? []).map((e) => `error in ${e.suite}${e.task ? ` / ${e.task}` : ''}: ${e.message}`);
  return [table, ...errors].join('\n');
}

/** Median absolute deviation relative to the median: a spread that a few GC pauses do not blow up. */
function spread(b: BenchmarkResult): string {
  if (!b.samples || b.samples.length < 2 || b.value === 0) return '';
  return `±${((medianAbsoluteDeviation(b.samples) / Math.abs(b.value)) * 100).toFixed(1)}%`;
}
