import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanRate, medianInPlace, runLocation, selectInPlace } from '../../src/compare/location.js';

describe('the mean rate of a run (compare.location "mean-rate")', () => {
  it('is the harmonic mean of times: the time per operation at the mean throughput', () => {
    // Rates 1, 1/2, 1/4 per ns: mean rate 7/12, so 12/7 ns per operation.
    expect(meanRate(Float64Array.from([1, 2, 4]), 'smaller')).toBeCloseTo(12 / 7, 12);
    expect(runLocation({ samples: [1, 2, 4], value: 2, direction: 'smaller' }, false, 'mean-rate').value).toBeCloseTo(12 / 7, 12);
  });

  it('is the arithmetic mean of throughputs, so both units read a run alike', () => {
    const times = [1, 2, 4];
    const rates = times.map((t) => 1 / t);
    expect(meanRate(Float64Array.from(rates), 'bigger')).toBeCloseTo(7 / 12, 12);
    expect(1 / meanRate(Float64Array.from(rates), 'bigger')).toBeCloseTo(meanRate(Float64Array.from(times), 'smaller'), 12);
  });

  it('weighs a slow sample little, where the arithmetic mean of times follows it', () => {
    const samples = [100, 101, 99, 100, 10_000];
    const rate = runLocation({ samples, value: 100, direction: 'smaller' }, false, 'mean-rate').value;
    expect(rate).toBeLessThan(125);
    expect(samples.reduce((a, b) => a + b, 0) / samples.length).toBeGreaterThan(2000);
  });

  it('falls back to the median when a time is zero or negative (no rate), and skips NaN', () => {
    const r = runLocation({ samples: [0, 5, 7, Number.NaN], value: 5, direction: 'smaller' }, false, 'mean-rate');
    expect(r.value).toBe(5);
    expect(r.dropped).toBe(1);
  });

  it("uses the tool's value when a run has no samples", () => {
    expect(runLocation({ value: 42, direction: 'smaller' }, false, 'mean-rate').value).toBe(42);
  });
});

describe('selection (median of a run, MAD of the single design)', () => {
  it('selectInPlace and medianInPlace agree with sorting, with ties, odd and even lengths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 1500 }), fc.nat(), (xs, k0) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const k = k0 % xs.length;
        const a = Float64Array.from(xs);
        expect(selectInPlace(a, k)).toBe(sorted[k]);
        // Everything before k is no larger, everything after no smaller.
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(a[k] as number);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(a[k] as number);
        const n = xs.length;
        const median = n % 2 ? sorted[n >> 1] : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
        expect(medianInPlace(Float64Array.from(xs))).toBe(median);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
