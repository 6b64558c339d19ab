import { describe, expect, it } from 'vitest';
import { emptyHistory, insertRun, toRuns } from '../../src/store/history.js';
import { analyzeTrends, columnHistory, runsHistory, withoutNewest } from '../../src/trend/index.js';
import type { BenchmarkResult, RunFile } from '../../src/model/index.js';
import { noisy, result } from './series.js';

const z = noisy(40, 0.02, 41, [[22, 0.25]]);

/** Benchmarks that come late, leave, gain a metric midway, skip runs, and change unit once. */
function benchmarksOf(i: number): BenchmarkResult[] {
  const out: BenchmarkResult[] = [];
  const v = 1e6 * Math.exp(z[i]!);
  if (i >= 10) out.push(result('late', v * 2));
  out.push(result('parse', v, i >= 15 ? { metrics: { peakRss: { unit: 'B', direction: 'smaller', value: 4e7 + i } } } : {}));
  if (i % 7 !== 3) out.push(result('gappy', v * 3));
  if (i < 30) out.push(result('leaves', v / 2));
  out.push(i < 20 ? result('unit', v) : result('unit', 1e9 / v, { unit: 'ops/s', direction: 'bigger' }));
  return out;
}

function runs(n: number): RunFile[] {
  return Array.from({ length: n }, (_, i) => ({
    schemaVersion: 1,
    tool: 'track-performance',
    commit: `c${String(i).padStart(2, '0')}${'0'.repeat(38)}`,
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 36e5).toISOString(),
    benchmarks: benchmarksOf(i),
  }));
}

describe('a history read from the store’s columns', () => {
  const doc = runs(40).reduce((d, r) => insertRun(d, r), emptyHistory('main'));
  const asRuns = toRuns(doc);

  it('holds the series the run files give, in the same order', () => {
    const columns = columnHistory(doc);
    expect(columns.series).toEqual(runsHistory(asRuns).series);
    expect(columns.series.map((s) => `${s.id}${s.metric ? ` ${s.metric}` : ''} ${s.unit}`)).toEqual([
      's/parse ns',
      's/gappy ns',
      's/leaves ns',
      's/late ns',
      's/parse peakRss B',
      's/unit ops/s',
    ]);
    expect(columns.entries.map((e) => e.commit)).toEqual(asRuns.map((r) => r.commit));
    expect(columns.run(17)).toEqual(asRuns[17]);
  });

  it('gives the same trend report as the run files, with and without the newest run', () => {
    const thresholds = [{ benchmark: 's/parse', target: '<= 5ms' }];
    const columns = columnHistory(doc);
    const report = analyzeTrends({ history: columns, branch: 'main', thresholds });
    expect(report.series.some((s) => s.changePoints.length && s.forecasts.length)).toBe(true);
    expect(report).toEqual(analyzeTrends({ runs: asRuns, branch: 'main', thresholds }));
    expect(analyzeTrends({ history: withoutNewest(columns) })).toEqual(analyzeTrends({ runs: asRuns.slice(0, -1) }));
  });

  it('leaves the extra metrics out when asked, as run files without them', () => {
    const primary = asRuns.map((r) => ({ ...r, benchmarks: r.benchmarks.map(({ metrics: _, ...b }) => b) }));
    const columns = columnHistory(doc, true);
    expect(columns.series).toEqual(runsHistory(primary).series);
    expect(columns.run(20)).toEqual(primary[20]);
  });
});
