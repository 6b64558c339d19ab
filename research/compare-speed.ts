/**
 * Speed of the statistics engine: 1,000 benchmarks × 10,000 samples per side (one baseline run,
 * one current run, plus a 10-run history variant) through compareRuns. Prints the wall time of
 * each, best of 3 after a warm-up. Goal: ≤ 1 s for the single comparison.
 *
 * Usage: npx tsx research/compare-speed.ts [benchmarks=1000] [samples=10000]
 */
import { performance } from 'node:perf_hooks';
import { compareRuns, type CompareInput } from '../src/compare/index.js';
import type { BenchmarkResult, RunFile } from '../src/model/index.js';
import { rng } from './corpus/simulate.js';

const nBench = Number(process.argv[2] ?? '1000');
const nSamples = Number(process.argv[3] ?? '10000');
const rand = rng(7);

function runFile(shift: number): RunFile {
  const benchmarks: BenchmarkResult[] = [];
  for (let b = 0; b < nBench; b++) {
    const center = 1000 + b;
    const samples = Array.from({ length: nSamples }, () => center * shift * (1 + 0.02 * (rand() - 0.5)));
    benchmarks.push({
      id: `s/b${b}`,
      suite: 's',
      name: `b${b}`,
      unit: 'ns',
      direction: 'smaller',
      value: center,
      samples,
      stats: { n: nSamples, mean: center, median: center, min: center, max: center, stdev: 0 },
    });
  }
  return { schemaVersion: 1, tool: 'track-performance', timestamp: '2026-11-23T00:00:00Z', benchmarks };
}

function time(label: string, input: CompareInput): void {
  compareRuns(input);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    compareRuns(input);
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${label}: ${best.toFixed(0)} ms (best of 3)`);
}

const base = runFile(1);
const cur = runFile(1.01);
console.log(`compareRuns, ${nBench} benchmarks × ${nSamples} samples per side, Node ${process.version}`);
time('single (1 baseline run vs 1 current run)', { baseline: [base], current: [cur] });
const history = Array.from({ length: 9 }, () => base).concat([runFile(0.99)]);
time('history (10 baseline runs vs 1 current run)', { baseline: history, current: [cur] });
