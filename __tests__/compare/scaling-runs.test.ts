import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/index.js';
import { gate } from '../../src/compare/gate.js';
import { uslThroughput } from '../../src/compare/scaling/index.js';
import { withScalingFits } from '../../src/compare/scaling-runs.js';
import { renderMarkdown } from '../../src/report/render.js';
import type { ScalingSuite } from '../../src/config/types.js';
import { RUN_SCHEMA_VERSION, type RunFile } from '../../src/model/index.js';

const LEVELS = [1, 2, 4, 8, 16];
/** ±1% multiplicative noise, fixed, three repeats per level (geometric mean exact). */
const NOISE = [1.01, 1 / 1.01, 1];

function run(p: { lambda: number; sigma: number; kappa: number }, at = '2026-12-01T10:00:00.000Z'): RunFile {
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    tool: 'track-performance',
    timestamp: at,
    benchmarks: [],
    scaling: [
      {
        suite: 'crawl',
        command: 'node crawl.js --concurrency {N}',
        unit: 'pages',
        levels: LEVELS.map((n) => ({ n, throughputs: NOISE.map((w) => uslThroughput(p, n) * w) })),
      },
    ],
  };
}

const suite = (min: number): ScalingSuite => ({
  name: 'crawl',
  command: 'node crawl.js --concurrency {N}',
  targets: { speedup: { at: 16, min } },
});
const good = { lambda: 10, sigma: 0.02, kappa: 0 };

describe('compareRuns on scaling suites', () => {
  it('a speedup at N under its min is a failing target of the one gate; meeting it passes', () => {
    // Amdahl σ = 0.02: speedup 16 / 1.3 ≈ 12.3 at N = 16.
    const fails = compareRuns({ baseline: [], current: [run(good)], scaling: [suite(14)] });
    const t = fails.targets.find((x) => x.kind === 'scaling')!;
    expect(t.status).toBe('failure');
    expect(t.value).toBeCloseTo(16 / 1.3, 1);
    expect(gate(fails).failed).toBe(true);
    expect(gate(fails).reason).toBe('1 alert crossed');
    const passes = compareRuns({ baseline: [], current: [run(good)], scaling: [suite(10)] });
    expect(passes.targets.find((x) => x.kind === 'scaling')!.status).toBe('met');
    expect(gate(passes).failed).toBe(false);
    expect(passes.scaling![0]!.analysis.fit!.usl.params.sigma).toBeCloseTo(0.02, 2);
    expect(passes.scaling![0]!.targets).toEqual(['crawl: speedup at N = 16']);
  });

  it('without a baseline sweep the speedup, σ and κ are new', () => {
    const r = compareRuns({ baseline: [], current: [run(good)], scaling: [suite(1)] });
    expect(r.benchmarks.map((b) => [b.name, b.verdict])).toEqual([
      ['speedup at N = 16', 'new'],
      ['contention σ', 'new'],
      ['coherency κ', 'new'],
    ]);
  });

  it('a worse scaling curve is a regression although N = 1 did not move', () => {
    // Same λ (N = 1 unchanged), contention 0.02 → 0.1: speedup at 16 from 12.3 to 6.4.
    const r = compareRuns({ baseline: [run(good)], current: [run({ lambda: 10, sigma: 0.1, kappa: 0 })], scaling: [suite(1)] });
    const by = Object.fromEntries(r.benchmarks.map((b) => [b.name, b]));
    expect(by['speedup at N = 16']!.verdict).toBe('regression');
    expect(by['speedup at N = 16']!.change).toBeCloseTo(6.4 / (16 / 1.3) - 1, 1);
    expect(by['speedup at N = 16']!.ci![1]).toBeLessThan(0);
    expect(by['contention σ']!.verdict).toBe('regression');
    expect(by['contention σ']!.reason).toContain('the 95% intervals do not overlap');
    expect(r.counts.regression).toBe(2);
    expect(gate(r).failed).toBe(true);
    expect(r.scaling![0]!.baseline!.fit!.usl.params.sigma).toBeCloseTo(0.02, 2);
  });

  it('the same curve again is no regression; a better one is an improvement', () => {
    const same = compareRuns({ baseline: [run(good)], current: [run(good)], scaling: [suite(1)] });
    expect(same.benchmarks.filter((b) => b.verdict === 'regression')).toEqual([]);
    expect(same.benchmarks.find((b) => b.name === 'speedup at N = 16')!.verdict).toBe('unchanged');
    expect(gate(same).failed).toBe(false);
    const better = compareRuns({ baseline: [run({ lambda: 10, sigma: 0.1, kappa: 0 })], current: [run(good)], scaling: [suite(1)] });
    expect(better.benchmarks.find((b) => b.name === 'speedup at N = 16')!.verdict).toBe('improvement');
    expect(better.counts.regression).toBe(0);
  });

  it('compares with the latest baseline run that has the sweep', () => {
    const older = run({ lambda: 10, sigma: 0.1, kappa: 0 }, '2026-11-01T00:00:00.000Z');
    const newer = run(good, '2026-11-02T00:00:00.000Z');
    const noSweep: RunFile = { ...run(good, '2026-11-03T00:00:00.000Z'), scaling: undefined };
    const r = compareRuns({ baseline: [older, newer, noSweep], current: [run(good)], scaling: [suite(1)] });
    expect(r.benchmarks.find((b) => b.name === 'speedup at N = 16')!.verdict).toBe('unchanged');
  });

  it('a level that cannot be fitted leaves the changes inconclusive, never a regression', () => {
    const three: RunFile = { ...run(good), scaling: [{ ...run(good).scaling![0]!, levels: run(good).scaling![0]!.levels.slice(0, 3) }] };
    const r = compareRuns({ baseline: [run(good)], current: [three], scaling: [suite(1)] });
    expect(r.benchmarks.map((b) => b.verdict)).toEqual(['inconclusive', 'inconclusive', 'inconclusive']);
    expect(r.benchmarks[1]!.reason).toContain('too few levels for a fit: measured 3, need 4');
  });
});

describe('withScalingFits', () => {
  it('writes the USL σ, κ, λ and the speedup at the configured N beside the levels, keeping them', () => {
    const r = run(good);
    const stamped = withScalingFits(r, [suite(1)]);
    const rec = stamped.scaling![0]!;
    expect(rec.levels).toEqual(r.scaling![0]!.levels);
    expect(rec.fit!.sigma.value).toBeCloseTo(0.02, 2);
    expect(rec.fit!.sigma.lo!).toBeLessThan(0.02);
    expect(rec.fit!.speedup!.at).toBe(16);
    expect(rec.fit!.speedup!.value).toBeCloseTo(16 / 1.3, 1);
    expect(rec.fit!.speedup!.fitted).toBe(false);
    const json = JSON.parse(JSON.stringify(stamped)) as RunFile;
    expect(json.scaling![0]!.fit!.kappa.value).toBe(rec.fit!.kappa.value);
  });

  it('records why there is no fit', () => {
    const r = run(good);
    const short = { ...r, scaling: [{ ...r.scaling![0]!, levels: r.scaling![0]!.levels.slice(0, 2) }] };
    expect(withScalingFits(short, undefined).scaling![0]!.reason).toBe('too few levels for a fit: measured 2, need 4');
  });
});

describe('quality during scaling', () => {
  /** Accuracy 0.99 up to N = 4, then 0.94 and 0.90: it drops from N = 8. */
  const ACCURACY: Record<number, number[]> = {
    1: [0.99, 0.99, 0.99],
    2: [0.99, 0.98, 1],
    4: [0.99, 0.99, 0.99],
    8: [0.94, 0.94, 0.94],
    16: [0.9, 0.91, 0.89],
  };
  function withAccuracy(): RunFile {
    const r = run(good);
    const rec = r.scaling![0]!;
    return { ...r, scaling: [{ ...rec, levels: rec.levels.map((l) => ({ ...l, metrics: { accuracy: ACCURACY[l.n]! } })) }] };
  }
  const rules = (q: ScalingSuite['quality']): ScalingSuite[] => [{ ...suite(1), quality: q }];

  it('an alert crossed at some N fails the gate and names the first N where quality drops', () => {
    const r = compareRuns({ baseline: [], current: [withAccuracy()], scaling: rules([{ metric: 'accuracy', alert: '< 0.95' }]) });
    const t = r.targets.find((x) => x.name === 'crawl: accuracy at every N')!;
    expect(t.status).toBe('failure');
    expect(t.value).toBeCloseTo(0.94, 6);
    expect(t.message).toBe('accuracy crosses the alert < 0.95 from N = 8: 0.94 at N = 8, 0.9 at N = 16 (it holds 0.99 at N = 1).');
    expect(t.details!['N=1']).toBeCloseTo(0.99, 9);
    expect(t.details!['N=16']).toBeCloseTo(0.9, 9);
    expect(gate(r).reason).toBe('1 alert crossed');
    // The comment's sweep table gets an accuracy column.
    const md = renderMarkdown(r, { markerId: 'tp' });
    expect(md).toMatch(/\|\s+N\s+\|.*\|\s+accuracy\s+\|/);
    expect(md).toMatch(/\| +8 \|.*\| +0\.94 \|/);
  });

  it('a missed target warns, a held one is met, an unreported metric is inconclusive', () => {
    const r = compareRuns({
      baseline: [],
      current: [withAccuracy()],
      scaling: rules([
        { metric: 'accuracy', target: '>= 0.92' },
        { metric: 'accuracy', target: '>= 0.85' },
        { metric: 'successRate', alert: '< 1' },
      ]),
    });
    const statuses = r.targets.filter((t) => t.name.includes('at every N')).map((t) => t.status);
    expect(statuses).toEqual(['warning', 'met', 'inconclusive']);
    expect(r.targets.find((t) => t.status === 'warning')!.message).toBe('accuracy misses the target >= 0.92 from N = 16: 0.9 at N = 16.');
    expect(gate(r).failed).toBe(false);
  });
});
