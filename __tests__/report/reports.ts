/** Report fixtures for the rendering tests: plain values shaped like `compare`'s output. */
import { verdictOf } from '../../src/compare/gate.js';
import type { BenchmarkComparison, BenchmarkVerdict, Report } from '../../src/model/index.js';

export function bench(over: Partial<BenchmarkComparison> & Pick<BenchmarkComparison, 'name' | 'verdict'>): BenchmarkComparison {
  return {
    id: `${over.suite ?? 'parser'}/${over.name}`,
    suite: 'parser',
    unit: 'ns',
    direction: 'smaller',
    warnings: [],
    ...over,
  };
}

export function counts(benchmarks: BenchmarkComparison[]): Record<BenchmarkVerdict, number> {
  const c: Record<BenchmarkVerdict, number> = {
    regression: 0,
    improvement: 0,
    unchanged: 0,
    inconclusive: 0,
    new: 0,
    missing: 0,
    error: 0,
  };
  for (const b of benchmarks) c[b.verdict]++;
  return c;
}

export function report(benchmarks: BenchmarkComparison[], over: Partial<Report> = {}): Report {
  const r: Report = {
    schemaVersion: 1,
    verdict: 'pass',
    confidence: 0.98,
    design: 'history',
    method: 'Mann–Whitney U on run medians, Benjamini–Hochberg FDR 5% across the suite, minimum effect 5%',
    counts: counts(benchmarks),
    benchmarks,
    targets: [],
    warnings: [],
    errors: [],
    baseline: { commit: '1234567890abcdef1234567890abcdef12345678', runs: 10 },
    current: { commit: 'fedcba0987654321fedcba0987654321fedcba09', runs: 3 },
    ...over,
  };
  // The verdict is the gate's, as compare stamps it.
  return { ...r, verdict: verdictOf(r) };
}

/** A failing PR on a history baseline: a regression, an improvement, noise, targets, caveats. */
export const failing: Report = report(
  [
    bench({
      name: 'parse large file',
      verdict: 'regression',
      change: 0.231,
      ci: [0.152, 0.318],
      pValue: 0.0004,
      baseline: { value: 1_250_000, n: 10 },
      current: { value: 1_538_750, n: 3 },
      trend: [1_240_000, 1_262_000, 1_251_000, 1_238_000, 1_270_000, 1_249_000],
      // The baseline's last change point: the newest two baseline runs are after it.
      baselineChange: { change: 0.012, verdict: 'regression', commit: 'abc1234def5678', runsAgo: 2 },
    }),
    bench({
      name: 'tokenize',
      verdict: 'improvement',
      change: -0.12,
      ci: [-0.16, -0.08],
      baseline: { value: 45_200, n: 10 },
      current: { value: 39_776, n: 3 },
    }),
    bench({
      name: 'small input',
      verdict: 'unchanged',
      change: 0.011,
      ci: [-0.02, 0.04],
      baseline: { value: 820, n: 10 },
      current: { value: 829, n: 3 },
      minDetectableEffect: 0.04,
    }),
    bench({
      suite: 'memory',
      name: 'peak RSS',
      unit: 'B',
      verdict: 'inconclusive',
      change: 0.06,
      baseline: { value: 52_428_800, n: 10 },
      current: { value: 55_574_528, n: 3 },
      minDetectableEffect: 0.09,
      reason: 'between-run noise too high',
      warnings: ['CV 14% across runs'],
    }),
  ],
  {
    targets: [
      {
        name: 'parallel speedup',
        kind: 'speedup',
        status: 'warning',
        value: 7.2,
        ci: [6.8, 7.6],
        expected: '5x–15x (goal 15x)',
        message: 'Above the minimum, below the goal; efficiency 45% on 16 workers.',
      },
      { name: 'accuracy', kind: 'threshold', status: 'met', value: 0.962, expected: '>= 0.95', message: 'Within target.' },
    ],
    warnings: ['Baseline recorded on another machine (AMD EPYC 7763, 4 cores); this run: Intel Xeon 8370C, 2 cores.'],
    errors: [{ suite: 'cli-startup', message: 'command exited with code 127: node: not found' }],
  },
);

/** A passing A/B run with nothing but noise. */
export const passingPaired: Report = report(
  [
    bench({
      name: 'a',
      verdict: 'unchanged',
      change: -0.004,
      ci: [-0.01, 0.003],
      baseline: { value: 1000, n: 20 },
      current: { value: 996, n: 20 },
    }),
    bench({
      suite: 'http',
      name: 'throughput',
      unit: 'ops/s',
      direction: 'bigger',
      verdict: 'unchanged',
      change: 0.002,
      baseline: { value: 15_300, n: 20 },
      current: { value: 15_331, n: 20 },
    }),
  ],
  {
    design: 'paired',
    method: 'Wilcoxon signed-rank on interleaved A/B pairs, Holm across 2 benchmarks',
    baseline: { runs: 20 },
    current: { runs: 20 },
  },
);

/** A single earlier run: the gate stays inconclusive; new and missing benchmarks. */
export const singleBaseline: Report = report(
  [
    bench({
      name: 'walk',
      verdict: 'inconclusive',
      change: 0.09,
      baseline: { value: 2_000_000_000, n: 1 },
      current: { value: 2_180_000_000, n: 1 },
      minDetectableEffect: 0.2,
      reason: 'one baseline run: between-run noise unknown',
    }),
    bench({ name: 'fresh', verdict: 'new', current: { value: 5_000, n: 1 } }),
    bench({ name: 'gone', verdict: 'missing', baseline: { value: 7_000, n: 1 } }),
  ],
  { design: 'single', baseline: { commit: 'not-a-sha', runs: 1 }, current: undefined },
);
