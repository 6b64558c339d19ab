import { describe, expect, it } from 'vitest';
import { buildDashboardData, shardPath } from '../../src/report/dashboard-data.js';
import { emptyHistory, insertRun } from '../../src/store/history.js';
import { benchName, HOSTILE_NAME, makeHistory, makeRuns } from '../helpers/dashboard-history.js';

const generated = '2026-12-01T00:00:00.000Z';

describe('buildDashboardData', () => {
  const main = makeHistory({ benchmarks: 20, runs: 40 });
  const feature = makeHistory({ benchmarks: 3, runs: 5, branch: 'feature/x', seed: 3 });
  const data = buildDashboardData({
    histories: [feature, main],
    defaultBranch: 'main',
    generated,
    repository: { serverUrl: 'https://github.com/', name: 'o/r' },
  });
  const { manifest } = data;

  it('lists every benchmark once, the default branch first, with suites, metrics and commit links', () => {
    expect(manifest.branches.map((b) => b.name)).toEqual(['main', 'feature/x']);
    expect(manifest.branches[0]).toMatchObject({ runs: 40, last: main.entries.at(-1)!.timestamp });
    expect(manifest.benchmarks).toHaveLength(20);
    expect(new Set(manifest.benchmarks.map((b) => b.id)).size).toBe(20);
    expect(manifest.suites).toHaveLength(10);
    expect(manifest.metrics).toEqual(['peakRss']);
    expect(manifest.commitUrl).toBe('https://github.com/o/r/commit/');
    const both = manifest.benchmarks.filter((b) => b.branches.length === 2).map((b) => b.name);
    expect(both.sort()).toEqual([benchName(0), benchName(1), benchName(2)].sort());
  });

  it('keeps names as data (escaping is the page’s: it shows them as text)', () => {
    expect(manifest.benchmarks.find((b) => b.name === HOSTILE_NAME)?.id).toBe(`suite-1/${HOSTILE_NAME}`);
    for (const path of data.shards.keys()) expect(path).toMatch(/^b\/[0-9a-f]{16}\.js$/);
  });

  it('finds the +20% steps on the default branch as regressions, and nothing in step-free series', () => {
    const stepped = manifest.benchmarks.filter(
      (b) => Number(b.id.slice(-4)) % 10 === 0 || b.name === benchName(0) || b.name === benchName(10),
    );
    for (const b of stepped) {
      expect(b.status, b.id).toBe('regression');
      expect(b.change!).toBeGreaterThan(0.15);
      expect(b.change!).toBeLessThan(0.25);
    }
    expect(manifest.overview).toMatchObject({ benchmarks: 20, regressions: 2, improvements: 0 });
    expect(manifest.overview.worst.map((w) => manifest.benchmarks[w.b]!.name).sort()).toEqual([benchName(0), benchName(10)].sort());
    const shard = data.shards.get(shardPath(manifest.benchmarks.find((b) => b.name === benchName(10))!.id))!;
    const cp = shard.branches.main!.cp;
    expect(cp).toHaveLength(1);
    expect(shard.branches.main!.run[cp[0]!.at]).toBe(30);
    expect(shard.branches['feature/x']).toBeUndefined();
  });

  it('leaves a change older than the window out of the counts, but still in the shard', () => {
    const old = buildDashboardData({ histories: [main], defaultBranch: 'main', generated, windowDays: 5 });
    expect(old.manifest.overview.regressions).toBe(0);
    const b = old.manifest.benchmarks.find((x) => x.name === benchName(0))!;
    expect(b.status).toBe('unchanged');
    expect(old.shards.get(b.shard)!.branches.main!.cp).toHaveLength(1);
  });

  it('gives each point its run, value and the median interval where samples were kept', () => {
    const b = manifest.benchmarks.find((x) => x.name === benchName(3))!;
    const s = data.shards.get(b.shard)!.branches.main!;
    expect(s.run).toEqual(main.entries.map((_, i) => i));
    expect(s.v).toEqual(main.benchmarks[b.id]!.value);
    expect(b.last).toBe(s.v.at(-1));
    const withCi = s.lo.map((x, i) => (x === null ? -1 : i)).filter((i) => i >= 0);
    expect(withCi).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
    for (const i of withCi) {
      expect(s.lo[i]!).toBeLessThanOrEqual(s.v[i]! * 1.006);
      expect(s.hi[i]!).toBeGreaterThanOrEqual(s.v[i]! * 0.994);
    }
    expect(s.samples?.at).toBe(39);
    expect(s.samples?.values).toHaveLength(10);
    expect(s.metrics.peakRss?.v.every((x) => x === 5e7 + 3e4)).toBe(true);
    expect(s.stats).toMatchObject({ n: 10 });
    expect(data.runs.main![39]).toEqual([main.entries[39]!.commit, main.entries[39]!.timestamp]);
  });

  it('skips the gaps of a benchmark that a run lacks, and marks a far-off run as an anomaly, not a change point', () => {
    const runs = makeRuns({ benchmarks: 2, runs: 30 });
    runs[10]!.benchmarks = runs[10]!.benchmarks.slice(1);
    runs[20]!.benchmarks[0]!.value *= 3;
    const doc = emptyHistory('main');
    for (const r of runs) insertRun(doc, r);
    const d = buildDashboardData({ histories: [doc], defaultBranch: 'main', generated });
    const s = d.shards.get(shardPath(`suite-0/${benchName(0)}`))!.branches.main!;
    expect(s.run).toHaveLength(29);
    expect(s.run).not.toContain(10);
    expect(s.an.map((i) => s.run[i])).toEqual([20]);
    // Benchmark 0 has its real +20% step at run 22: found there, not at the anomaly.
    expect(s.cp.map((c) => s.run[c.at])).toEqual([22]);
  });

  it('builds an empty site from no history', () => {
    const d = buildDashboardData({ histories: [], defaultBranch: 'main', generated });
    expect(d.manifest.benchmarks).toEqual([]);
    expect(d.manifest.overview).toMatchObject({ benchmarks: 0, regressions: 0, improvements: 0, worst: [] });
  });
});
