import { describe, expect, it } from 'vitest';
import { sweepRecord, sweepWith } from '../../src/bench/scaling.js';
import type { Stepper } from '../../src/bench/scaling-step.js';
import { analyseScaling, kneeLevels, uslThroughput, type UslParams } from '../../src/compare/scaling/index.js';
import { renderText } from '../../src/report/scaling.js';

/** Throughputs of a USL curve at `levels`, `repeats` each, with a fixed ±1% wobble (no randomness). */
function sweep(p: UslParams, levels: number[], repeats = 3) {
  let k = 0;
  return levels.map((n) => ({
    n,
    throughputs: Array.from({ length: repeats }, () => uslThroughput(p, n) * (1 + 0.01 * Math.sin(++k * 2.1))),
  }));
}

/** A synthetic runner: each step returns the curve's throughput at n (1 unit in 1/X(n) s), and counts its steps. */
function syntheticStepper(p: UslParams): Stepper & { steps: number[] } {
  const steps: number[] = [];
  return {
    label: 'synthetic',
    defaults: {},
    steps,
    step: async (n) => {
      steps.push(n);
      const x = uslThroughput(p, n) * (1 + 0.01 * Math.sin(steps.length * 2.1));
      return { wallNs: 1e9 / x, seconds: 1 / x, calls: 1, metrics: {} };
    },
    close: async () => undefined,
  };
}

const COHERENT = { lambda: 100, sigma: 0.05, kappa: 0.002 }; // N* = √(0.95 / 0.002) ≈ 21.8

describe('kneeLevels', () => {
  it('adds whole levels at, below and above a fitted peak inside the range, skipping measured ones', () => {
    // Around 21.8: 22, 16 (measured: skipped), 29, then 13.
    expect(kneeLevels(sweep(COHERENT, [1, 2, 4, 8, 16, 32]))).toEqual([13, 22, 29]);
    expect(kneeLevels(sweep(COHERENT, [1, 2, 4, 8, 16, 32]), { count: 1 })).toEqual([22]);
  });

  it('adds levels for a peak just past the top level, but never above 1.5 × the top', () => {
    // Measured to 16: N* ≈ 21.8 ≤ 24; 1.33 × N* = 29 would be above 24.
    const out = kneeLevels(sweep(COHERENT, [1, 2, 4, 8, 12, 16]));
    expect(out).toEqual([13, 22]);
    expect(Math.max(...out)).toBeLessThanOrEqual(24);
  });

  it('adds nothing without a peak near the range: Amdahl, a peak far beyond, a failed level, count 0', () => {
    expect(kneeLevels(sweep({ lambda: 10, sigma: 0.1, kappa: 0 }, [1, 2, 4, 8, 16]))).toEqual([]);
    // N* ≈ 44 against a top level of 16.
    expect(kneeLevels(sweep({ lambda: 10, sigma: 0.02, kappa: 0.0005 }, [1, 2, 4, 8, 16]))).toEqual([]);
    expect(kneeLevels([...sweep(COHERENT, [1, 2, 4, 8, 16, 32]), { n: 64, throughputs: [], error: 'boom' }])).toEqual([]);
    expect(kneeLevels(sweep(COHERENT, [1, 2, 4, 8, 16, 32]), { count: 0 })).toEqual([]);
  });
});

describe('a sweep with levels added near the knee (synthetic runner)', () => {
  it('measures the added levels after the first rounds, as many times, and reports the first fit beside the refit', async () => {
    const stepper = syntheticStepper(COHERENT);
    const events: string[] = [];
    const suite = { name: 'synthetic', command: 'x {N}', repeats: 3, warmup: 1 };
    const result = await sweepWith(
      suite,
      stepper,
      { cwd: '.', emit: (e) => void (e.type === 'info' && events.push(e.message)) },
      {
        levels: [1, 2, 4, 8, 16, 32],
        cores: 2,
        extra: (levels) => kneeLevels(levels),
      },
    );
    // Bounded extra time: 4 rounds (1 warm-up + 3) over 6 levels, then 4 over the 3 added ones.
    expect(stepper.steps).toHaveLength(4 * 6 + 4 * 3);
    expect(stepper.steps.slice(24)).toEqual([13, 22, 29, 13, 22, 29, 29, 22, 13, 13, 22, 29]);
    expect(result.levels.filter((l) => l.added).map((l) => l.n)).toEqual([13, 22, 29]);
    expect(result.levels.every((l) => l.throughputs.length === 3)).toBe(true);
    expect(events).toContain('levels N = 13, 22, 29 added near the knee of the first fit');

    const record = sweepRecord(result);
    expect(record.levels.filter((l) => l.added).map((l) => l.n)).toEqual([13, 22, 29]);
    const a = analyseScaling(record.levels);
    expect(a.added).toEqual([13, 22, 29]);
    expect(a.firstFit!.levels).toEqual([1, 2, 4, 8, 16, 32]);
    // Both fits place the peak; the refit over 9 levels has the narrower interval around it.
    const width = (i: { lo: number; hi: number }) => i.hi - i.lo;
    expect(a.firstFit!.fit!.peak!.n).toBeCloseTo(21.8, 0);
    expect(a.fit!.peak!.n).toBeCloseTo(21.8, 0);
    expect(width(a.fit!.peak!.interval)).toBeLessThan(width(a.firstFit!.fit!.peak!.interval));
    const text = renderText({ suite: 's', command: 'synthetic', unit: 'ops', analysis: a });
    expect(text).toMatch(
      /First fit \(N = 1, 2, 4, 8, 16, 32; then N = 13, 22, 29 added near its peak\): USL σ = 0\.0\d+ \(.*\), κ = 0\.00\d+ \(.*\), N\* ≈ 2[12]\.\d \(/,
    );
  });

  it('adds nothing to a curve without a peak: the same steps as without extra levels', async () => {
    const stepper = syntheticStepper({ lambda: 10, sigma: 0.1, kappa: 0 });
    const result = await sweepWith(
      { name: 'a', command: 'x {N}', repeats: 2, warmup: 0 },
      stepper,
      { cwd: '.', emit: () => undefined },
      {
        levels: [1, 2, 4, 8, 16],
        cores: 2,
        extra: (levels) => kneeLevels(levels),
      },
    );
    expect(stepper.steps).toHaveLength(10);
    expect(result.levels.some((l) => l.added)).toBe(false);
    expect(analyseScaling(sweepRecord(result).levels).firstFit).toBeUndefined();
  });
});
