import { describe, expect, it } from 'vitest';
import { meanRate, runLocation } from '../../src/compare/location.js';

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

  it('uses the tool\'s value when a run has no samples', () => {
    expect(runLocation({ value: 42, direction: 'smaller' }, false, 'mean-rate').value).toBe(42);
  });
});
