import { describe, expect, it } from 'vitest';
import { searchLevels, MIN_LEVEL_RUNS } from '../../src/trend/short-levels.js';
import { detectChangePoints } from '../../src/trend/change-points.js';
import { findAnomalies } from '../../src/trend/anomalies.js';
import { noisy } from './series.js';

const options = { pValue: 1e-5, log: true };
const bump = (z: number[], from: number, runs: number, by: number) => z.map((v, i) => (i >= from && i < from + runs ? v + by : v));

describe('searchLevels: levels too short to be levels', () => {
  it('reads two runs 4 noise sds off (under the anomaly test’s 5) as anomalies, not as two change points', () => {
    // At the end of a 50-run window (runs 48–49), Otava's split test sees 2 runs against 48.
    const z = bump(noisy(120, 0.01, 41, []), 48, 2, 0.04);
    // Alone, the anomaly test misses them and the change-point search brackets them.
    expect(findAnomalies(z)).toEqual([]);
    expect(detectChangePoints(z, options).map((c) => c.index)).toEqual([48, 50]);
    const found = searchLevels(z, 5, options, 4);
    expect(found.changes).toEqual([]);
    expect(found.anomalies.map((a) => [a.index, a.pending])).toEqual([
      [48, false],
      [49, false],
    ]);
    expect(found.anomalies[0]!.deviation).toBeGreaterThan(0.03);
    expect(found.kept).toHaveLength(118);
  });

  it(`keeps a level of ${MIN_LEVEL_RUNS} runs, a step, and a short level of an exact series`, () => {
    const three = bump(noisy(120, 0.01, 41, []), 47, 3, 0.04);
    expect(searchLevels(three, 5, options, 4).changes.map((c) => c.index)).toEqual([47, 50]);
    const step = noisy(60, 0.01, 43, [[30, 0.05]]);
    expect(searchLevels(step, 5, options, 4).changes.map((c) => c.index)).toEqual([30]);
    // An instruction count that stood at a level for two runs did stand there (a staircase: 0, 2%, 4%).
    const exact = new Array<number>(20).fill(0).map((_, i) => (i < 10 ? 0 : i < 12 ? 0.02 : 0.04));
    expect(searchLevels(exact, 5, options, 4).changes.map((c) => c.index)).toEqual([10, 12]);
  });

  it('leaves out a history’s first two runs when they stand alone', () => {
    const z = bump(noisy(60, 0.01, 44, []), 0, 2, -0.045);
    const found = searchLevels(z, 5, options, 4);
    expect(found.changes).toEqual([]);
    expect(found.anomalies.map((a) => a.index)).toEqual([0, 1]);
  });
});
