/**
 * Speed of the trend room: change-point detection (E-Divisive means, Otava's windows and merge)
 * over 1,000 benchmarks × the retention's full history (maxEntries() runs), then the whole
 * analysis (anomalies, change points, drift, what moved together) on the same history as run
 * files. Noise 3% with a +10% step in every tenth benchmark. Prints best of 3 after a warm-up.
 * Goal: ≤ 1 s for change-point detection. Last, the whole analysis again with a runner level of
 * 10% shared by every benchmark of a run (as on CI runners), which the analysis takes out
 * (common-level.ts: the level, β per benchmark, and the backfit passes).
 *
 * Usage: npx tsx research/trend-speed.ts [benchmarks=1000] [runs=maxEntries()]
 */
import { performance } from 'node:perf_hooks';
import { maxEntries } from '../src/store/index.js';
import { analyzeTrends, detectChangePoints } from '../src/trend/index.js';
import type { BenchmarkResult, RunFile } from '../src/model/index.js';
import { rng } from './corpus/simulate.js';

const nBench = Number(process.argv[2] ?? '1000');
const nRuns = Number(process.argv[3] ?? String(maxEntries()));
const rand = rng(11);
const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

const series: Float64Array[] = Array.from({ length: nBench }, (_, b) =>
  Float64Array.from({ length: nRuns }, (_, i) => 0.03 * gauss() + (b % 10 === 0 && i >= nRuns / 2 ? Math.log(1.1) : 0)),
);
const runner = Float64Array.from({ length: nRuns }, () => 0.1 * gauss());
const history = (shared: boolean): RunFile[] =>
  Array.from({ length: nRuns }, (_, i) => ({
    schemaVersion: 1,
    tool: 'track-performance',
    commit: i.toString(16).padStart(7, '0'),
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 36e5).toISOString(),
    benchmarks: series.map((s, b): BenchmarkResult => {
      const value = 1e6 * Math.exp((s[i] as number) + (shared ? (runner[i] as number) : 0));
      return {
        id: `s/b${b}`,
        suite: 's',
        name: `b${b}`,
        unit: 'ns',
        direction: 'smaller',
        value,
        stats: { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 },
      };
    }),
  }));
const runs = history(false);
const sharedRuns = history(true);

function time(label: string, f: () => number): void {
  let found = f();
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    found = f();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${label}: ${best.toFixed(0)} ms (best of 3; ${found} change points)`);
}

console.log(`trend speed, ${nBench} benchmarks × ${nRuns} runs, Node ${process.version}`);
time('change points (detectChangePoints per series)', () => series.reduce((n, s) => n + detectChangePoints(s, { pValue: 1e-5 }).length, 0));
time('whole analysis (analyzeTrends on the run files)', () =>
  analyzeTrends({ runs }).series.reduce((n, s) => n + s.changePoints.length, 0),
);
time('whole analysis, 10% runner level shared by each run (taken out)', () =>
  analyzeTrends({ runs: sharedRuns }).series.reduce((n, s) => n + s.changePoints.length, 0),
);
