import { describe, expect, it } from 'vitest';
import { buildDashboardData } from '../../src/report/dashboard-data.js';
import { makeHistory } from '../helpers/dashboard-history.js';
import { SWEEP_LEVELS, sweepHistory } from '../helpers/sweep-history.js';

describe('scaling sweeps in the dashboard data', () => {
  const data = buildDashboardData({ histories: [sweepHistory(5)], defaultBranch: 'main', generated: '2026-12-01T00:00:00.000Z' });

  it('lists each sweep of the default branch with a data file of its own', () => {
    expect(data.manifest.sweeps).toEqual([{ suite: 'crawl', shard: expect.stringMatching(/^s\/[0-9a-f]{16}\.js$/), levels: 6, knee: 16 }]); // efficiency 7.2 / 16 = 45%: under the 50% floor
    expect(data.sweeps.size).toBe(1);
  });

  it('holds the compare room’s analysis of the newest sweep: levels, the fit, its curve, and each run’s speedup', () => {
    const s = data.sweeps.get(data.manifest.sweeps![0]!.shard)!;
    expect(s.run).toBe(4);
    expect(s.levels.map((l) => l.n)).toEqual(SWEEP_LEVELS);
    expect(s.levels[0]!.speedup).toBeCloseTo(1, 1);
    expect(s.levels.at(-1)!.speedup).toBeCloseTo(32 / (1 + 0.05 * 31 + 0.002 * 32 * 31), 0);
    expect(s.model).toBe('usl');
    expect(s.params!.sigma).toBeGreaterThan(0.03);
    expect(s.params!.sigma).toBeLessThan(0.07);
    expect(s.curve).toHaveLength(41);
    expect(s.curve[0]!.n).toBe(1);
    expect(s.curve.at(-1)!.n).toBe(32);
    expect(s.speedups.map((x) => x.run)).toEqual([0, 1, 2, 3, 4]);
    expect(s.speedups[0]!.at).toBe(16);
  });

  it('has none when no run swept', () => {
    const plain = buildDashboardData({
      histories: [makeHistory({ benchmarks: 3, runs: 5 })],
      defaultBranch: 'main',
      generated: '2026-12-01T00:00:00.000Z',
    });
    expect(plain.manifest.sweeps).toBeUndefined();
    expect(plain.sweeps.size).toBe(0);
  });
});
