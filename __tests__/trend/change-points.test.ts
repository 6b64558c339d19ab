import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectChangePoints, weakPValue } from '../../src/trend/change-points.js';
import { eDivisiveWindow } from '../../src/trend/e-divisive.js';
import { pooledTTestP, sideStats } from '../../src/trend/t-test.js';
import { noisy } from './series.js';

/** Series and change points computed by Apache Otava itself (scripted in the fixture's `source`). */
const otava = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/otava.json'), 'utf8')) as {
  cases: Array<{ name: string; options: { window_len: number; max_pvalue: number }; series: number[]; changePoints: number[] }>;
};

describe('detectChangePoints', () => {
  for (const c of otava.cases) {
    it(`finds what Apache Otava finds: ${c.name}`, () => {
      const found = detectChangePoints(c.series, { window: c.options.window_len, pValue: c.options.max_pvalue });
      expect(found.map((x) => x.index)).toEqual(c.changePoints);
    });
  }

  it('names known steps of +5%, +10% and −8% with their sizes, and is deterministic', () => {
    const z = noisy(163, 0.02, 11, [
      [40, 0.05],
      [90, 0.1],
      [130, -0.08],
    ]);
    const found = detectChangePoints(z, { pValue: 1e-5 });
    expect(found.map((c) => c.index)).toEqual([40, 90, 130]);
    const changes = found.map((c) => c.change);
    expect(changes[0]).toBeCloseTo(0.05, 1);
    expect(changes[1]).toBeCloseTo(0.1, 1);
    expect(changes[2]).toBeCloseTo(-0.08, 1);
    for (const c of found) expect(c.pValue).toBeLessThan(1e-5);
    expect(detectChangePoints(z, { pValue: 1e-5 })).toEqual(found);
  });

  it('finds, with windows twice as long, a step the 50-run windows leave too few runs to see', () => {
    // 7% noise: the +5% step at run 40 has 40 runs before it and 50 after; a 50-run window sees
    // 25 a side and the split keeps only [90, 130]. The second sweep's 100-run windows add it.
    const z = noisy(163, 0.07, 27, [
      [40, 0.05],
      [90, 0.1],
      [130, -0.08],
    ]);
    expect(detectChangePoints(z, { pValue: 1e-5 }).map((c) => c.index)).toEqual([40, 90, 130]);
  });

  it('reports no change point on most step-free noisy series', () => {
    let withChange = 0;
    for (let seed = 1; seed <= 100; seed++) if (detectChangePoints(noisy(163, 0.05, seed, []), { pValue: 1e-5 }).length) withChange++;
    expect(withChange).toBeLessThanOrEqual(2);
  });

  it('treats identical values as exact: no change when flat, any step certain', () => {
    expect(detectChangePoints(new Array(30).fill(0))).toEqual([]);
    const step = [...new Array(10).fill(0), ...new Array(10).fill(Math.log(1.001))];
    const [c, ...rest] = detectChangePoints(step);
    expect(rest).toEqual([]);
    expect(c?.index).toBe(10);
    expect(c?.pValue).toBe(0);
    expect(c?.change).toBeCloseTo(0.001, 9);
  });

  it('finds a temporary bump on an exact series as two change points, up then back', () => {
    // Tested over the whole rest of the interval the 3 bumped runs are diluted by the 30 after them
    // (p ≈ 0.09); tested against [τ, κ), the runs E-Divisive split off, they are certain.
    const up = Math.log(1.02);
    const z = [...new Array(30).fill(0), ...new Array(3).fill(up), ...new Array(30).fill(0)];
    const found = detectChangePoints(z, { pValue: 1e-5 });
    expect(found.map((c) => c.index)).toEqual([30, 33]);
    expect(found.map((c) => c.pValue)).toEqual([0, 0]);
    expect(found[0]?.change).toBeCloseTo(0.02, 9);
    expect(found[1]?.change).toBeCloseTo(1 / 1.02 - 1, 9);
    expect(found[0]?.after.n).toBe(3);
  });

  it('keeps a short noisy cluster from passing the split alone', () => {
    // Step-free Gaussian noise where E-Divisive splits off runs 29–30: tested alone ([τ, κ) of 1
    // run) they pass p 0.001; with fewer than MIN_TESTED_RUNS noisy runs the test is Otava's.
    const z = noisy(50, 0.03, 5, []);
    expect(eDivisiveWindow(z, 0, 50, 1e-3)).toEqual([]);
  });

  it('gives nothing for series too short to split', () => {
    expect(detectChangePoints([])).toEqual([]);
    expect(detectChangePoints([1])).toEqual([]);
    expect(detectChangePoints([1, 2])).toEqual([]);
  });

  it('merges away changes no larger than minMagnitude', () => {
    const z = noisy(100, 0.005, 3, [[50, 0.02]]);
    expect(detectChangePoints(z).map((c) => c.index)).toEqual([50]);
    expect(detectChangePoints(z, { minMagnitude: 0.03 })).toEqual([]);
  });

  it('works on the raw scale with the ratio of means', () => {
    const [c] = detectChangePoints([...new Array(8).fill(-1), ...new Array(8).fill(-2)], { log: false });
    expect(c?.index).toBe(8);
    expect(c?.change).toBe(1);
  });
});

describe('pieces', () => {
  it('relaxes the first pass as Otava does', () => {
    expect(weakPValue(0.001)).toBeCloseTo(0.01, 12);
    expect(weakPValue(0.1)).toBeCloseTo(0.2, 12);
    expect(weakPValue(0.7)).toBe(0.7);
  });

  it("the pooled t-test matches scipy's ttest_ind(equal_var=True)", () => {
    const xs = [1.0, 1.2, 0.9, 1.1, 1.5, 1.4, 1.7];
    expect(pooledTTestP(sideStats(xs, 0, 4), sideStats(xs, 4, 7))).toBeCloseTo(0.0061052736955611794, 10);
  });

  it('E-Divisive splits a window at its step only', () => {
    expect(eDivisiveWindow([0, 0.01, 0, 0.01, 0, 1, 1.01, 1, 1.01, 1], 0, 10, 0.01)).toEqual([5]);
  });
});
