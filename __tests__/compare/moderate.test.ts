import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/index.js';
import { digamma, fitVariancePrior, moderateVariance, trigamma, trigammaInverse } from '../../src/compare/moderate.js';
import { rng } from '../../research/corpus/simulate.js';
import { bench, run } from './helpers.js';

describe('special functions (reference values from R: digamma, trigamma)', () => {
  it('digamma and trigamma', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 10);
    expect(digamma(0.5)).toBeCloseTo(-1.9635100260214235, 10);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 10);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 10);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 10);
    expect(trigamma(10)).toBeCloseTo(0.10516633568168575, 10);
  });

  it('trigammaInverse inverts trigamma from tiny to huge arguments', () => {
    for (const x of [0.01, 0.3, 1, 2.5, 17, 300, 1e5]) expect(trigammaInverse(trigamma(x)) / x).toBeCloseTo(1, 6);
  });
});

/** A χ²(k)/k draw from a seeded normal generator (Box–Muller). */
function chiSqOverK(k: number, rand: () => number): number {
  let s = 0;
  for (let i = 0; i < k; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    s += z * z;
  }
  return s / k;
}

describe('fitVariancePrior (limma fitFDist)', () => {
  it('recovers the prior that generated the variances', () => {
    const rand = rng(7);
    // σ² ~ s0² · d0 / χ²(d0), then s² ~ σ² · χ²(4)/4: d0 = 8, s0² = 0.0025 (5% noise).
    const variances = Array.from({ length: 4000 }, () => (0.0025 / chiSqOverK(8, rand)) * chiSqOverK(4, rand));
    const prior = fitVariancePrior(variances, 4)!;
    expect(prior.df).toBeGreaterThan(6);
    expect(prior.df).toBeLessThan(11);
    expect(prior.s2).toBeGreaterThan(0.0022);
    expect(prior.s2).toBeLessThan(0.0028);
  });

  it('variances that differ only by sampling give a very large (or infinite) prior df', () => {
    const rand = rng(3);
    const variances = Array.from({ length: 500 }, () => 0.01 * chiSqOverK(4, rand));
    const prior = fitVariancePrior(variances, 4)!;
    expect(prior.df).toBeGreaterThan(50);
    expect(prior.s2).toBeCloseTo(0.01, 2);
    const equal = fitVariancePrior([0.01, 0.01, 0.01, 0.01], 4)!;
    expect(equal.df).toBe(Infinity);
  });

  it('needs three variances, and survives zeros', () => {
    expect(fitVariancePrior([0.01, 0.02], 4)).toBeUndefined();
    const prior = fitVariancePrior([0, 0.01, 0.02, 0.015], 4)!;
    expect(Number.isFinite(prior.s2)).toBe(true);
    expect(prior.s2).toBeGreaterThan(0);
  });
});

describe('moderateVariance', () => {
  it('is the df-weighted mean of prior and sample variance, with df capped at the pooled df', () => {
    expect(moderateVariance(0.04, 4, { s2: 0.01, df: 4 }, 6)).toEqual({ s2: 0.025, df: 8 });
    expect(moderateVariance(0.04, 4, { s2: 0.01, df: 100 }, 6).df).toBe(24);
    expect(moderateVariance(0.04, 4, { s2: 0.01, df: Infinity }, 6)).toEqual({ s2: 0.01, df: 24 });
  });
});

describe('compareRuns: paired tests moderated across the suite', () => {
  const WIGGLE = [0.02, -0.015, 0.01, -0.02, 0.005];
  /**
   * 5 pairs of `count` benchmarks: every baseline run reads 100; in pair i, benchmark j reads
   * 100 · (1 + WIGGLE[(i + j) mod 5]), times `slower` for benchmark 0 — like noise for all.
   */
  function suite(count: number, slower: number) {
    const ids = Array.from({ length: count }, (_, j) => `s/b${j}`);
    return {
      baseline: WIGGLE.map(() => run(ids.map((id) => bench(id, 100, { samples: false })))),
      current: WIGGLE.map((_, i) =>
        run(ids.map((id, j) => bench(id, 100 * (1 + (WIGGLE[(i + j) % 5] as number)) * (j === 0 ? slower : 1), { samples: false }))),
      ),
      paired: true,
      config: { minEffect: 0.02 },
    };
  }

  it('with one benchmark the test is a plain paired t', () => {
    const r = compareRuns(suite(1, 1.045));
    expect(r.method).not.toMatch(/moderated/);
    expect(r.benchmarks[0]?.verdict).toBe('regression');
  });

  it('in a suite of like benchmarks the prior adds degrees of freedom: a 4.5% change is found among 8', () => {
    const plain = compareRuns(suite(1, 1.045)).benchmarks[0]!;
    const moderated = compareRuns(suite(8, 1.045));
    expect(moderated.method).toMatch(/moderated toward the suite's \(empirical Bayes, fully pooled\)/);
    const b0 = moderated.benchmarks.find((b) => b.id === 's/b0')!;
    // Same pairs, same change: a smaller p-value and a narrower interval than the plain test's.
    expect(b0.change).toBeCloseTo(plain.change!, 12);
    expect(b0.pValue).toBeLessThan(plain.pValue! / 10);
    expect(b0.ci![1] - b0.ci![0]).toBeLessThan(plain.ci![1] - plain.ci![0]);
    // Holm over 8 tests: a plain t with 4 df needs t > 6.0, this one has t ≈ 5.8 — found only when moderated.
    expect(b0.verdict).toBe('regression');
    expect(moderated.benchmarks.filter((b) => b.verdict === 'regression').map((b) => b.id)).toEqual(['s/b0']);
  });

  it('deterministic metrics (pairs that agree exactly) neither join the prior nor get moderated', () => {
    const s = suite(3, 1.045);
    const ids = ['s/accuracy', 's/tokens', 's/score', 's/size'];
    for (const r of [...s.baseline, ...s.current])
      for (const id of ids) r.benchmarks.push(bench(id, 0.97, { samples: false, direction: 'bigger' }));
    const r = compareRuns(s);
    // The three timed benchmarks alone make the prior: the same fully pooled test as without the metrics.
    expect(r.benchmarks.find((b) => b.id === 's/b0')?.pValue).toBeCloseTo(compareRuns(suite(3, 1.045)).benchmarks[0]!.pValue!, 12);
    expect(r.benchmarks.find((b) => b.id === 's/accuracy')?.verdict).toBe('unchanged');
  });

  it('a benchmark far noisier than the rest keeps most of its own variance', () => {
    const s = suite(8, 1);
    // b7 gets ±30% pair noise: the variances disagree, the prior df is small, b7 stays inconclusive.
    s.current.forEach((r, i) => {
      const b = r.benchmarks.find((x) => x.id === 's/b7')!;
      b.value = 100 * (1 + 15 * (WIGGLE[i] as number));
    });
    const r = compareRuns(s);
    const b7 = r.benchmarks.find((b) => b.id === 's/b7')!;
    expect(b7.verdict).toBe('inconclusive');
    expect(r.method).toMatch(/moderated.*\d+\.\d prior df/);
  });
});

describe('compareRuns: history tests are not moderated', () => {
  it('keeps plain two-sample t tests however many benchmarks there are', () => {
    const ids = Array.from({ length: 8 }, (_, j) => `s/b${j}`);
    const history = [100, 104, 97, 101, 99, 103, 98, 102, 100, 96].map((v) => run(ids.map((id) => bench(id, v, { samples: false }))));
    const r = compareRuns({ baseline: history, current: [run(ids.map((id) => bench(id, 103, { samples: false })))] });
    expect(r.design).toBe('history');
    expect(r.method).not.toMatch(/moderated/);
    expect(r.benchmarks[0]?.pValue).toBeCloseTo(
      compareRuns({ baseline: history.map((h) => run([h.benchmarks[0]!])), current: [run([bench('s/b0', 103, { samples: false })])] })
        .benchmarks[0]!.pValue!,
      12,
    );
  });
});
