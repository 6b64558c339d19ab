import { describe, expect, it } from 'vitest';
import { checkScalingTargets } from '../../src/compare/scaling-targets.js';
import { analyseScaling, uslThroughput } from '../../src/compare/scaling/index.js';

const sweep = (p: { lambda: number; sigma: number; kappa: number }, levels: number[]) =>
  analyseScaling(levels.map((n) => ({ n, throughputs: [1.02, 0.98].map((w) => uslThroughput(p, n) * w) })));

describe('checkScalingTargets', () => {
  it('fails a speedup under min at a measured N, with the interval, and meets an efficiency', () => {
    // Amdahl σ = 0.1: speedup 16/2.5 = 6.4 at N = 16, efficiency 1/1.7 ≈ 0.59 at N = 8.
    const a = sweep({ lambda: 10, sigma: 0.1, kappa: 0 }, [1, 2, 4, 8, 16, 32]);
    const [speedup, efficiency] = checkScalingTargets(
      'crawl',
      { speedup: { at: 16, min: 8, goal: 15 }, efficiency: { at: 8, min: 0.5, goal: 0.6 } },
      a,
    );
    expect(speedup!.status).toBe('failure');
    expect(speedup!.value).toBeCloseTo(6.4, 6);
    expect(speedup!.ci![0]).toBeLessThan(6.4);
    expect(speedup!.ci![1]).toBeGreaterThan(6.4);
    expect(speedup!.message).toMatch(/^Speedup 6\.40x \(95% interval .*\) at N = 16 is below the minimum \(min 8\.00x, goal 15\.0x\)\.$/);
    expect(efficiency!.status).toBe('warning');
    expect(efficiency!.value).toBeCloseTo(1 / 1.7, 6);
  });

  it('reads an unmeasured N off the fit and says so; checks the peak', () => {
    const a = sweep({ lambda: 10, sigma: 0.05, kappa: 0.002 }, [1, 2, 4, 8, 16, 32]);
    const [speedup, peak] = checkScalingTargets('s', { speedup: { at: 12, min: 2 }, peak: { min: 30 } }, a);
    expect(speedup!.status).toBe('met');
    expect(speedup!.message).toContain('N = 12 was not measured: read off the fitted curve');
    expect(peak!.status).toBe('failure');
    expect(peak!.value).toBeGreaterThan(17);
    expect(peak!.value).toBeLessThan(27);
  });

  it('is inconclusive, not a failure, without a fit to read from', () => {
    const a = analyseScaling([1, 2, 4].map((n) => ({ n, throughputs: [n] })));
    const results = checkScalingTargets('s', { speedup: { at: 16, min: 5 }, peak: { min: 4 } }, a);
    expect(results.map((r) => r.status)).toEqual(['inconclusive', 'inconclusive']);
    expect(results[0]!.message).toContain('too few levels for a fit: measured 3, need 4');
  });
});
