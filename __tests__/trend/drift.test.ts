import { describe, expect, it } from 'vitest';
import { mannKendall, theilSen } from '../../src/trend/drift.js';

// Reference values: scipy 1.17 stats.theilslopes(y, x, 0.95, method='joint') and the
// Mann–Kendall S, tie-corrected variance and continuity-corrected two-sided p computed in numpy.
const y = [1.0, 1.3, 1.1, 1.6, 1.4, 1.9, 1.7, 2.4, 2.0, 2.2, 2.9, 2.5];
const x = y.map((_, i) => i);

describe('theilSen', () => {
  it("matches scipy's theilslopes: slope, Sen's interval and intercept", () => {
    const fit = theilSen(x, y);
    expect(fit.slope).toBeCloseTo(0.15, 12);
    expect(fit.ci[0]).toBeCloseTo(0.1125, 12);
    expect(fit.ci[1]).toBeCloseTo(0.19, 12);
    expect(fit.intercept).toBeCloseTo(0.925, 12);
  });

  it('is not moved by one wild value', () => {
    const wild = [...y];
    wild[5] = 50;
    expect(theilSen(x, wild).slope).toBeCloseTo(0.15, 1);
  });

  it('gives NaN rather than throwing for a single point', () => {
    expect(Number.isNaN(theilSen([0], [1]).slope)).toBe(true);
  });
});

describe('mannKendall', () => {
  it('matches the reference S, variance and p', () => {
    const mk = mannKendall(y);
    expect(mk.s).toBe(54);
    expect(mk.variance).toBeCloseTo(212.66666666666666, 9);
    expect(mk.pValue).toBeCloseTo(0.0002786876842340684, 9);
  });

  it('corrects the variance for ties', () => {
    const mk = mannKendall([3, 3, 4, 3, 5, 5, 4, 6, 6, 6]);
    expect(mk.s).toBe(31);
    expect(mk.variance).toBeCloseTo(115.66666666666667, 9);
    expect(mk.pValue).toBeCloseTo(0.005279915260506508, 9);
  });

  it('finds no trend in a constant series', () => {
    expect(mannKendall([2, 2, 2, 2, 2]).pValue).toBe(1);
  });
});
