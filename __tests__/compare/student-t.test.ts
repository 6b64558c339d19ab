import { describe, expect, it } from 'vitest';
import { logGamma, normalCdf, studentTCdf, studentTQuantile, studentTTwoSidedP } from '../../src/compare/student-t.js';

// Reference values: scipy.stats.t (scipy 1.x), `t.cdf`, `t.ppf`, `2 * t.sf`.
describe('Student t distribution', () => {
  it.each([
    [2, 5, 0.9490302605850708],
    [-1.5, 2.5, 0.12391822654314809],
    [0.3, 1, 0.5927735790777423],
    [4, 30, 0.9998090771819581],
    [1.2, 1000, 0.8847882238377665],
  ])('cdf(%d, df=%d) matches scipy', (t, df, ref) => {
    expect(studentTCdf(t, df)).toBeCloseTo(ref, 11);
  });

  it.each([
    [0.975, 4, 2.7764451051977934],
    [0.975, 9, 2.262157162798205],
    [0.995, 1, 63.656741162871526],
    [0.8, 4, 0.9409645772351816],
    [0.999, 3, 10.214531852407383],
    [0.025, 12, -2.1788128296672293],
  ])('quantile(%d, df=%d) matches scipy', (p, df, ref) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(ref, 8);
  });

  it('two-sided p-values match scipy', () => {
    expect(studentTTwoSidedP(3, 10)).toBeCloseTo(0.01334365502256957, 12);
    expect(studentTTwoSidedP(-8.5, 4)).toBeCloseTo(0.0010505780707892498, 12);
    expect(studentTTwoSidedP(0, 4)).toBe(1);
  });

  it('df = Infinity is the standard normal', () => {
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 8);
  });

  it('lnΓ matches known values', () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
  });

  it('rejects what has no answer instead of throwing', () => {
    expect(studentTCdf(NaN, 3)).toBeNaN();
    expect(studentTCdf(1, 0)).toBeNaN();
    expect(studentTQuantile(1, 3)).toBeNaN();
    expect(studentTCdf(Infinity, 3)).toBe(1);
    expect(studentTTwoSidedP(Infinity, 3)).toBe(0);
  });
});
