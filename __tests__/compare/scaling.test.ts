import { describe, expect, it } from 'vitest';
import {
  analyseScaling,
  fitModel,
  nearPeak,
  summarizeLevels,
  uslThroughput,
  type LevelMeasurements,
  type UslParams,
} from '../../src/compare/scaling/index.js';

/** A sweep from the law with fixed multiplicative wiggles (the same for every level). */
function sweep(p: UslParams, levels: number[], wiggle: number[] = [1]): LevelMeasurements[] {
  return levels.map((n, i) => ({ n, throughputs: wiggle.map((w, j) => uslThroughput(p, n) * (j % 2 === i % 2 ? w : 1 / w)) }));
}

const LEVELS = [1, 2, 4, 8, 16, 32];

describe('fitModel', () => {
  it('recovers σ, κ and λ exactly from noiseless USL throughput', () => {
    const truth = { lambda: 250, sigma: 0.05, kappa: 0.002 };
    const pts = LEVELS.map((n) => ({ n, throughput: uslThroughput(truth, n) }));
    const fit = fitModel(pts, 'usl');
    expect(fit.params.sigma).toBeCloseTo(0.05, 6);
    expect(fit.params.kappa).toBeCloseTo(0.002, 7);
    expect(fit.params.lambda).toBeCloseTo(250, 4);
    expect(fit.sse).toBeLessThan(1e-12);
  });

  it('keeps σ and κ within [0, 1] when the data would push them below 0 (superlinear)', () => {
    const pts = LEVELS.map((n) => ({ n, throughput: 10 * n ** 1.1 }));
    const fit = fitModel(pts, 'usl');
    expect(fit.params.sigma).toBe(0);
    expect(fit.params.kappa).toBe(0);
    expect(fit.intervals.sigma.lo).toBe(0);
  });

  it('fixes κ at 0 for Amdahl and fits σ', () => {
    const truth = { lambda: 10, sigma: 0.1, kappa: 0 };
    const fit = fitModel(
      LEVELS.map((n) => ({ n, throughput: uslThroughput(truth, n) })),
      'amdahl',
    );
    expect(fit.params.kappa).toBe(0);
    expect(fit.params.sigma).toBeCloseTo(0.1, 6);
    expect(fit.k).toBe(2);
  });
});

describe('analyseScaling', () => {
  it('finds the peak of a coherency-bound sweep, its interval holding the truth, and says so', () => {
    const truth = { lambda: 100, sigma: 0.05, kappa: 0.002 };
    const a = analyseScaling(sweep(truth, LEVELS, [1.04, 0.97, 1.01]));
    expect(a.reason).toBeUndefined();
    expect(a.fit!.chosen).toBe('usl');
    const { sigma, kappa } = a.fit!.usl.intervals;
    expect(sigma.lo).toBeLessThan(0.05);
    expect(sigma.hi).toBeGreaterThan(0.05);
    expect(kappa.lo).toBeLessThan(0.002);
    expect(kappa.hi).toBeGreaterThan(0.002);
    const peak = a.fit!.peak!;
    expect(peak.n).toBeGreaterThan(0.8 * Math.sqrt(0.95 / 0.002));
    expect(peak.n).toBeLessThan(1.2 * Math.sqrt(0.95 / 0.002));
    expect(peak.inRange).toBe(true);
    expect(peak.interval.lo).toBeLessThan(peak.n);
    expect(peak.interval.hi).toBeGreaterThan(peak.n);
    expect(a.advice).toMatch(
      /^Coherency-bound \(κ = 0\.00\d+\): throughput peaks at N ≈ 2\d\.\d and falls after; a pool of \d+–\d+ is best/,
    );
    expect(a.warnings).toEqual([]);
  });

  it('calls an Amdahl sweep contention-bound with its limit 1/σ, and warns under 6 levels', () => {
    const a = analyseScaling(sweep({ lambda: 10, sigma: 0.06, kappa: 0 }, [1, 2, 4, 8, 16], [1.02, 0.99]));
    expect(a.fit!.chosen).toBe('amdahl');
    expect(a.fit!.amdahlLimit.value).toBeGreaterThan(14);
    expect(a.fit!.amdahlLimit.value).toBeLessThan(19);
    expect(a.advice).toMatch(/^Contention-bound \(σ = 0\.0\d+\): at most 1\d\.\d× whatever the pool; the serial part is the bottleneck\./);
    expect(a.warnings).toEqual(["only 5 levels: a fit on fewer than 6 is rough (R's usl warns likewise); measure more levels"]);
  });

  it('says "linear so far" when neither term shows', () => {
    const a = analyseScaling(sweep({ lambda: 3, sigma: 0, kappa: 0 }, [1, 2, 4, 8, 16, 32], [1.01, 0.995]));
    expect(a.advice).toMatch(/^Linear so far \(efficiency \d+% at N = 32.*measure higher N\./);
    expect(a.knee).toBeUndefined();
  });

  it('tables throughput, speedup and efficiency per level, and marks the knee under the floor', () => {
    const a = analyseScaling(sweep({ lambda: 100, sigma: 0.2, kappa: 0 }, [1, 2, 4, 8, 16, 32]), { efficiencyFloor: 0.6 });
    const at = (n: number) => a.levels.find((l) => l.n === n)!;
    expect(at(1).speedup).toBe(1);
    expect(at(4).speedup).toBeCloseTo(4 / 1.6, 10);
    expect(at(4).efficiency).toBeCloseTo(1 / 1.6, 10);
    // Efficiency 1/(1 + 0.2(N−1)): 0.625 at 4, 0.417 at 8.
    expect(a.knee).toBe(8);
    expect(a.efficiencyFloor).toBe(0.6);
  });

  it('is deterministic', () => {
    const input = sweep({ lambda: 100, sigma: 0.03, kappa: 0.004 }, LEVELS, [1.05, 0.96, 1.02]);
    expect(analyseScaling(input)).toEqual(analyseScaling(input));
  });

  it('merges repeats of one N given as separate entries, in any order', () => {
    const truth = { lambda: 100, sigma: 0.05, kappa: 0.002 };
    const split = [...LEVELS].reverse().flatMap((n) => [1.03, 0.98].map((w) => ({ n, throughputs: [uslThroughput(truth, n) * w] })));
    const a = analyseScaling(split);
    expect(a.levels.map((l) => [l.n, l.repeats])).toEqual(LEVELS.map((n) => [n, 2]));
  });
});

describe('analyseScaling on bad input: a stated reason, no fit, no throw', () => {
  const reasonOf = (input: LevelMeasurements[]) => {
    const a = analyseScaling(input);
    expect(a.fit).toBeUndefined();
    expect(a.advice).toBe(`No fit: ${a.reason}.${a.knee !== undefined ? ` Efficiency falls under 50% at N = ${a.knee}.` : ''}`);
    return a.reason;
  };

  it('too few levels', () => {
    expect(reasonOf([1, 2, 4].map((n) => ({ n, throughputs: [n, n] })))).toBe('too few levels for a fit: measured 3, need 4');
    expect(reasonOf([])).toBe('too few levels for a fit: measured 0, need 4');
  });

  it('throughput that falls from N = 2', () => {
    expect(reasonOf([1, 2, 4, 8].map((n) => ({ n, throughputs: [10 / n, 10.5 / n] })))).toMatch(/^throughput falls from N = 2 on/);
  });

  it('a flat curve', () => {
    expect(reasonOf([1, 2, 4, 8].map((n) => ({ n, throughputs: n === 8 ? [10.3, 10.3] : n === 1 ? [10, 10] : [10, 10.1] })))).toMatch(
      /^flat curve: the best level \(N = 8\) is only 1\.03× N = 1;/,
    );
  });

  it('a level that errors, still tabling the others', () => {
    const input = [...[1, 2, 4, 8].map((n) => ({ n, throughputs: [n, n] })), { n: 16, throughputs: [], error: 'exited with code 1' }];
    const a = analyseScaling(input);
    expect(a.reason).toBe(
      'level N = 16 failed (see its error); a fit over a curve with a hole would mislead: fix it, or leave the level out with --levels',
    );
    expect(a.levels.map((l) => l.n)).toEqual([1, 2, 4, 8]);
    expect(a.failed).toEqual([{ n: 16, error: 'exited with code 1' }]);
  });

  it('a throughput that is not a positive number', () => {
    expect(reasonOf([1, 2, 4, 8].map((n) => ({ n, throughputs: n === 4 ? [0] : [n] })))).toMatch(
      /^level N = 4 has a throughput that is not a positive number/,
    );
  });
});

describe('levels', () => {
  it('pools the log-SD over levels for the intervals', () => {
    const [one, two] = summarizeLevels([
      { n: 1, throughputs: [9, 11] },
      { n: 2, throughputs: [18, 22] },
    ]);
    expect(one!.throughput).toBeCloseTo(Math.sqrt(99), 10);
    expect(two!.speedup).toBeCloseTo(2, 10);
    // Pooled log-SD over 2 df; t(0.975, 2) = 4.302653.
    const sd = Math.sqrt((2 * 2 * (Math.log(11 / 9) / 2) ** 2) / 2);
    expect(Math.log(one!.interval.hi / one!.throughput)).toBeCloseTo(4.302653 * sd * Math.sqrt(1 / 2), 5);
  });
});

describe('nearPeak', () => {
  it('spans the whole N within 5% of the fitted peak', () => {
    const p = { lambda: 1, sigma: 0.05, kappa: 0.002 };
    const { lo, hi } = nearPeak(p, Math.sqrt(0.95 / 0.002));
    const peak = uslThroughput(p, Math.sqrt(0.95 / 0.002));
    expect(uslThroughput(p, lo)).toBeGreaterThanOrEqual(0.95 * peak);
    expect(uslThroughput(p, lo - 1)).toBeLessThan(0.95 * peak);
    expect(uslThroughput(p, hi)).toBeGreaterThanOrEqual(0.95 * peak);
    expect(uslThroughput(p, hi + 1)).toBeLessThan(0.95 * peak);
  });
});
