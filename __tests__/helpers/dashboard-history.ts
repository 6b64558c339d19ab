/**
 * Histories for the dashboard's tests and its speed bench: `benchmarks` benchmarks over `runs`
 * daily runs of the default branch, deterministic noise (3%), a +20% step in every tenth
 * benchmark at three quarters of the history, raw samples on the newest runs, one hostile name.
 */
import { emptyHistory, insertRun, type HistoryDoc } from '../../src/store/history.js';
import { applyRetention } from '../../src/store/retention.js';
import type { BenchmarkResult, RunFile } from '../../src/model/index.js';
import { rng as random } from '../../research/corpus/simulate.js';

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

export interface HistoryShape {
  benchmarks: number;
  runs: number;
  branch?: string;
  /** Suites the benchmarks are spread over (default 10). */
  suites?: number;
  /** Runs at the end that keep 10 raw samples (default 10). */
  rawRuns?: number;
  seed?: number;
  /** First run's day (default 2026-01-01). */
  start?: number;
}

/** The name of benchmark `i`: suite-k/op-i, and the hostile name for i = 1. */
export function benchName(i: number): string {
  return i === 1 ? HOSTILE_NAME : `op-${String(i).padStart(4, '0')}`;
}

/** The runs of such a history, oldest first. */
export function makeRuns(shape: HistoryShape): RunFile[] {
  const rnd = random(shape.seed ?? 7);
  const suites = shape.suites ?? 10;
  const raw = shape.rawRuns ?? 10;
  const start = shape.start ?? Date.UTC(2026, 0, 1);
  const stepAt = Math.floor(shape.runs * 0.75);
  const out: RunFile[] = [];
  for (let r = 0; r < shape.runs; r++) {
    const benchmarks: BenchmarkResult[] = [];
    for (let i = 0; i < shape.benchmarks; i++) {
      const suite = `suite-${i % suites}`;
      const name = benchName(i);
      const base = 1000 * (1 + (i % 97));
      const level = i % 10 === 0 && r >= stepAt ? base * 1.2 : base;
      const value = level * (1 + 0.03 * (rnd() + rnd() + rnd() - 1.5));
      const samples = r >= shape.runs - raw ? Array.from({ length: 10 }, () => value * (1 + 0.01 * (rnd() - 0.5))) : undefined;
      benchmarks.push({
        id: `${suite}/${name}`,
        suite,
        name,
        unit: 'ns',
        direction: 'smaller',
        value,
        ...(samples ? { samples } : {}),
        stats: { n: samples?.length ?? 1, mean: value, median: value, min: value * 0.99, max: value * 1.01, stdev: value * 0.005 },
        metrics: { peakRss: { unit: 'B', direction: 'smaller', value: 5e7 + i * 1e4 } },
      });
    }
    const commit = (r + 1).toString(16).padStart(40, 'a');
    out.push({
      schemaVersion: 1,
      tool: 'track-performance',
      commit,
      ref: `refs/heads/${shape.branch ?? 'main'}`,
      timestamp: new Date(start + r * 864e5).toISOString(),
      benchmarks,
    });
  }
  return out;
}

/** The history document of such runs, after the default retention. */
export function makeHistory(shape: HistoryShape): HistoryDoc {
  const doc = emptyHistory(shape.branch ?? 'main');
  for (const run of makeRuns(shape)) insertRun(doc, run);
  return applyRetention(doc);
}
