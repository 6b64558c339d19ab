import { describe, expect, it } from 'vitest';
import { renderTrendMarkdown, renderTrendText } from '../../src/report/index.js';
import { analyzeTrends } from '../../src/trend/index.js';
import type { BenchmarkResult, RunFile } from '../../src/model/index.js';
import { noisy, result } from './series.js';

const DAY = 864e5;
const T0 = Date.UTC(2026, 0, 1);

/** n runs a day apart at commits c0, c1, …; `at(i)` gives run i's benchmarks. */
function history(n: number, at: (i: number) => BenchmarkResult[]): RunFile[] {
  return Array.from({ length: n }, (_, i) => ({
    schemaVersion: 1,
    tool: 'track-performance',
    commit: `c${i}`,
    timestamp: new Date(T0 + i * DAY).toISOString(),
    benchmarks: at(i),
  }));
}

describe('analyzeTrends', () => {
  it('names the commit range, levels, direction of a step, and what moved with it', () => {
    const t = noisy(60, 0.01, 1, [[30, 0.12]]);
    const m = noisy(60, 0.01, 2, [[30, 0.3]]);
    const f = noisy(60, 0.01, 3, []);
    const runs = history(60, (i) => [
      result('parse', 1e6 * Math.exp(t[i]!), { metrics: { peakRss: { unit: 'B', direction: 'smaller', value: 5e7 * Math.exp(m[i]!) } } }),
      result('flat', 2e6 * Math.exp(f[i]!)),
      { ...result('ops', 1000 * Math.exp(-t[i]!)), unit: 'ops/s', direction: 'bigger' },
    ]);
    const report = analyzeTrends({ runs, branch: 'main' });
    const parse = report.series.find((s) => s.id === 's/parse' && !s.metric)!;
    expect(parse.changePoints).toHaveLength(1);
    const c = parse.changePoints[0]!;
    expect([c.before.commit, c.after.commit]).toEqual(['c29', 'c30']);
    expect(c.verdict).toBe('regression');
    expect(c.change).toBeCloseTo(0.12, 1);
    expect(c.levels.before.value).toBeCloseTo(1e6, -4);
    expect(c.levels.before.runs).toBe(30);
    expect(c.levels.before.spread).toBeGreaterThan(0.005);
    expect(c.levels.before.spread).toBeLessThan(0.02);
    expect(c.runsSince).toBe(30);
    expect(c.together.map((x) => [x.id, x.metric])).toEqual([
      ['s/parse', 'peakRss'],
      ['s/ops', undefined],
    ]);
    // Throughput fell: bigger is better, so that is a regression too.
    expect(report.series.find((s) => s.id === 's/ops')!.changePoints[0]!.verdict).toBe('regression');
    expect(report.series.find((s) => s.id === 's/flat')!.changePoints).toEqual([]);
    expect(report.series.find((s) => s.metric === 'peakRss')!.changePoints[0]!.change).toBeCloseTo(0.3, 1);
  });

  it('analyses a benchmark added and removed later on its own runs (gaps)', () => {
    const z = noisy(60, 0.01, 4, [[40, 0.2]]);
    const runs = history(60, (i) => [result('always', 10), ...(i >= 20 && i < 55 ? [result('late', 100 * Math.exp(z[i]!))] : [])]);
    const late = analyzeTrends({ runs }).series.find((s) => s.id === 's/late')!;
    expect(late.runs).toBe(35);
    expect(late.changePoints.map((c) => [c.before.commit, c.after.commit])).toEqual([['c39', 'c40']]);
    expect(late.latest?.run.commit).toBe('c54');
  });

  it('gives a stated reason, not a crash, for one run or none', () => {
    const one = analyzeTrends({ runs: history(1, () => [result('a', 5)]) });
    expect(one.warnings[0]).toMatch(/Only 1 run/);
    expect(one.series[0]!.changePoints).toEqual([]);
    expect(one.series[0]!.notes.join(' ')).toMatch(/change points need at least 4/);
    expect(one.series[0]!.drift).toBeUndefined();
    const none = analyzeTrends({ runs: [] });
    expect(none.series).toEqual([]);
    expect(none.warnings).toEqual(['No runs stored: nothing to analyse.']);
    expect(renderTrendText(none)).toMatch(/0 runs/);
  });

  it('treats a deterministic metric as exact: a 0.1% step is certain, and no drift on a flat run', () => {
    const runs = history(20, (i) => [result('instr', i < 12 ? 1_000_000 : 1_001_000)]);
    const s = analyzeTrends({ runs }).series[0]!;
    expect(s.changePoints).toHaveLength(1);
    expect(s.changePoints[0]!.after.commit).toBe('c12');
    expect(s.changePoints[0]!.pValue).toBe(0);
    expect(s.changePoints[0]!.change).toBeCloseTo(0.001, 6);
    expect(s.drift?.significant ?? false).toBe(false);
  });

  it('leaves an anomalous run out and names it', () => {
    const z = noisy(50, 0.01, 9, []);
    const runs = history(50, (i) => [result('a', 100 * Math.exp(z[i]! + (i === 25 ? 0.5 : 0)))]);
    const s = analyzeTrends({ runs }).series[0]!;
    expect(s.changePoints).toEqual([]);
    expect(s.anomalies.map((a) => [a.run.commit, a.pending])).toEqual([['c25', false]]);
    expect(s.anomalies[0]!.deviation).toBeGreaterThan(0.4);
  });

  it('measures drift per run and per week, and forecasts when the budget is crossed', () => {
    const z = noisy(40, 0.02, 10, []);
    const runs = history(40, (i) => [result('slow', 20e9 * Math.exp(z[i]! + 0.01 * i))]);
    const report = analyzeTrends({ runs, thresholds: [{ benchmark: 's/slow', target: '<= 30s' }] });
    const s = report.series[0]!;
    // A steep drift is cut into steps too; several of them are a staircase, fitted as one drift.
    expect(s.changePoints.length).toBeGreaterThan(1);
    expect(s.drift?.runs).toBe(40);
    expect(s.drift?.significant).toBe(true);
    expect(s.drift?.verdict).toBe('regression');
    expect(s.drift?.perRun).toBeCloseTo(0.01, 3);
    expect(s.drift?.perWeek).toBeCloseTo(Math.expm1(0.07), 2);
    const f = s.forecasts[0]!;
    expect(f.status).toBe('crossing');
    // Fitted level at run 39 ≈ 20 s · e^0.39; ln(30/29.5)/0.01 ≈ 2 runs more.
    const expected = (Math.log(30e9) - Math.log(20e9) - 0.39) / 0.01;
    expect(f.runs!.estimate).toBeGreaterThan(expected - 1.5);
    expect(f.runs!.estimate).toBeLessThan(expected + 1.5);
    expect(f.runs!.low).toBeLessThanOrEqual(f.runs!.estimate);
    expect(f.runs!.high).toBeGreaterThanOrEqual(f.runs!.estimate);
    expect(f.days!.estimate).toBeCloseTo(f.runs!.estimate, 6);
    expect(renderTrendMarkdown(report)).toMatch(/crosses &lt;&#61; 30s in ~\d+ runs/);
  });

  it('finds the same change points and anomalies with changePointsOnly, and fits no drift nor forecast', () => {
    const z = noisy(40, 0.02, 10, []);
    const t = noisy(40, 0.01, 11, [[20, 0.15]]);
    const runs = history(40, (i) => [result('slow', 20e9 * Math.exp(z[i]! + 0.01 * i)), result('step', 1e6 * Math.exp(t[i]!))]);
    const thresholds = [{ benchmark: 's/slow', target: '<= 30s' }];
    const full = analyzeTrends({ runs, thresholds });
    const only = analyzeTrends({ runs, thresholds, changePointsOnly: true });
    expect(full.series.some((s) => s.drift) && full.series.some((s) => s.forecasts.length)).toBe(true);
    expect(only.series.map((s) => [s.id, s.changePoints, s.anomalies])).toEqual(
      full.series.map((s) => [s.id, s.changePoints, s.anomalies]),
    );
    expect(only.series.every((s) => !s.drift && s.forecasts.length === 0)).toBe(true);
  });

  it('with significantDriftOnly fits the same drifts where Mann–Kendall finds one, and none elsewhere', () => {
    const flat = noisy(40, 0.02, 12, []);
    const z = noisy(40, 0.02, 10, []);
    const runs = history(40, (i) => [result('slow', 20e9 * Math.exp(z[i]! + 0.01 * i)), result('flat', 1e6 * Math.exp(flat[i]!))]);
    const thresholds = [{ benchmark: 's/slow', target: '<= 30s' }];
    const full = analyzeTrends({ runs, thresholds });
    const lean = analyzeTrends({ runs, thresholds, significantDriftOnly: true });
    expect(full.series.map((s) => [s.id, s.drift?.pValue !== undefined && s.drift.pValue < 0.01])).toEqual([
      ['s/slow', true],
      ['s/flat', false],
    ]);
    expect(lean.series[0]!.drift).toEqual(full.series[0]!.drift);
    expect(lean.series[0]!.forecasts).toEqual(full.series[0]!.forecasts);
    expect(lean.series[1]!.drift).toBeUndefined();
    expect(lean.series.map((s) => [s.changePoints, s.anomalies])).toEqual(full.series.map((s) => [s.changePoints, s.anomalies]));
  });

  it('says why a percentile cannot be forecast once retention summarized the runs', () => {
    // Runs before 25 are summaries (retention dropped their samples and percentiles).
    const summary = { n: 3, mean: 1e6, median: 1e6, min: 9e5, max: 1.1e6, stdev: 1e5 };
    const runs = history(30, (i) => [
      result('p', 1e6, i >= 25 ? { samples: [9e5, 1e6, 1.1e6], stats: { ...summary, p95: 1.09e6 } } : { stats: summary }),
    ]);
    const f = analyzeTrends({ runs, thresholds: [{ stat: 'p95', target: '<= 2ms' }] }).series[0]!.forecasts[0]!;
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/p95 is known for 5 run\(s\)/);
  });

  it('escapes hostile names in markdown', () => {
    const name = '<img src=x> | @octocat **b**';
    const z = noisy(30, 0.01, 12, [[15, 0.3]]);
    const runs = history(30, (i) => [{ ...result(name, 100 * Math.exp(z[i]!)), id: `s/${name}` }]);
    const md = renderTrendMarkdown(analyzeTrends({ runs }));
    expect(md).not.toContain('<img');
    expect(md).not.toContain('@octocat');
    expect(md).toContain('&lt;img src&#61;x&gt; &#124; &#64;');
    expect(md).toMatch(/\+\d+\.\d% \(regression\) in c14\.\.c15/);
  });
});
