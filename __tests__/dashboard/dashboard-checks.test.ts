/**
 * Targets, thresholds, drift and forecasts in the dashboard's data: checked and fitted at build
 * by the compare and trend rooms (the history keeps no target outcomes), absent without a config.
 */
import { describe, expect, it } from 'vitest';
import { buildDashboardData } from '../../src/report/dashboard-data.js';
import { makeHistory } from '../helpers/dashboard-history.js';

const main = makeHistory({ benchmarks: 20, runs: 40 });
const generated = '2026-12-01T00:00:00.000Z';
// Benchmark i sits near (1 + i) µs; every tenth steps +20% at run 30 (helpers/dashboard-history.ts).
const thresholds = [
  { benchmark: 'suite-0/*', target: '<= 12us', alert: '> 50us' },
  { name: 'tiny', benchmark: 'suite-3/op-0003', alert: '> 2us' },
];
const targets = [{ name: 'fast path', baseline: 'suite-2/op-0002', candidate: 'suite-0/op-0000', speedup: { min: 2 } }];
const data = buildDashboardData({ histories: [main], defaultBranch: 'main', generated, checks: { thresholds, targets } });
const bench = (id: string) => data.manifest.benchmarks.find((b) => b.id === id)!;
const shard = (id: string) => data.shards.get(bench(id).shard)!;

describe('targets and thresholds in the dashboard', () => {
  it('counts them on the newest run and lists the missed ones, worst first, with their benchmark', () => {
    const c = data.manifest.overview.checks!;
    expect(c.configured).toBe(3);
    expect(c.run).toEqual([main.entries.at(-1)!.commit, main.entries.at(-1)!.timestamp]);
    expect(c.counts).toEqual({ met: 2, warning: 1, failure: 1, inconclusive: 0 });
    expect(c.missed.map((m) => [m.name, m.status])).toEqual([
      ['tiny', 'failure'],
      ['time median (suite-0/op-0010)', 'warning'],
    ]);
    expect(data.manifest.benchmarks[c.missed[0]!.b!]!.id).toBe('suite-3/op-0003');
    expect(c.missed[1]!.message).toMatch(/^median 13\.\d+ µs misses the target <= 12us\.$/);
  });

  it('flags each benchmark by its worst check, and keeps its results in its shard', () => {
    expect(bench('suite-3/op-0003').check).toBe('failure');
    expect(bench('suite-0/op-0010').check).toBe('warning');
    expect(bench('suite-0/op-0000').check).toBeUndefined();
    expect(bench('suite-5/op-0005').check).toBeUndefined();
    expect(shard('suite-0/op-0000').checks?.map((r) => r.status)).toEqual(['met']);
    expect(shard('suite-5/op-0005').checks).toBeUndefined();
  });

  it('is absent without a config: the history alone cannot tell', () => {
    const plain = buildDashboardData({ histories: [main], defaultBranch: 'main', generated });
    expect(plain.manifest.overview.checks).toBeUndefined();
    expect(plain.manifest.benchmarks.every((b) => b.check === undefined)).toBe(true);
  });
});

describe('drift and forecasts in the detail data', () => {
  it('forecasts the budgets of the thresholds on the primary metric, past or safe', () => {
    const crossed = shard('suite-0/op-0010').branches.main!.forecasts!;
    expect(crossed).toHaveLength(1);
    expect(crossed[0]).toMatchObject({ condition: '<= 12us', stat: 'median', status: 'crossed' });
    expect(shard('suite-0/op-0000').branches.main!.forecasts![0]!.status).toBe('safe');
    expect(shard('suite-5/op-0005').branches.main!.forecasts).toBeUndefined();
  });

  it('fits the drift since the last change point, and gives each change point its interval', () => {
    const stepped = shard('suite-0/op-0010').branches.main!;
    expect(stepped.drift?.runs).toBe(10);
    expect(stepped.cp).toHaveLength(1);
    const [lo, hi] = stepped.cp[0]!.ci!;
    expect(lo).toBeLessThan(stepped.cp[0]!.change);
    expect(hi).toBeGreaterThan(stepped.cp[0]!.change);
    expect(lo).toBeGreaterThan(0.1);
    expect(shard('suite-5/op-0005').branches.main!.drift?.runs).toBe(40);
  });
});
