import { describe, expect, it } from 'vitest';
import { renderTrendText } from '../../src/report/index.js';
import { analyzeTrends, RUNNER_LEVEL_ID, type TrendReport } from '../../src/trend/index.js';
import { trendAlerts } from '../../src/trend/alerts.js';
import type { RunFile } from '../../src/model/index.js';
import { noisy, result } from './series.js';

const N = 120;
/** The runner's level per run: 10% between runs, shared by every timed benchmark of the run (as on shared CI runners). */
const runner = noisy(N, 0.1, 7, []);

/**
 * `count` timed benchmarks b0…: each moved by β × the runner's level (β from 0.6 to 1.4) plus 2%
 * noise of its own and its `steps`; plus an exact instruction count with a +1% step at run 80.
 */
function history(count: number, steps: Record<number, Array<[number, number]>>, rate = -1): RunFile[] {
  const own = Array.from({ length: count }, (_, k) => noisy(N, 0.02, 100 + k, steps[k] ?? []));
  const beta = (k: number) => 0.6 + (0.8 * k) / Math.max(1, count - 1);
  return Array.from({ length: N }, (_, i) => ({
    schemaVersion: 1,
    tool: 'track-performance',
    commit: `c${String(i).padStart(3, '0')}`,
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 36e5).toISOString(),
    benchmarks: [
      ...own.map((z, k) => {
        const log = beta(k) * runner[i]! + z[i]!;
        // Benchmark `rate` reports operations per second: the runner's slowness lowers it.
        return k === rate
          ? result(`b${k}`, 1e6 * Math.exp(-log), { unit: 'ops/s', direction: 'bigger' })
          : result(`b${k}`, 1e6 * Math.exp(log));
      }),
      result('count', i >= 80 ? 5.05e6 : 5e6, { unit: 'instructions' }),
    ],
  }));
}

const series = (r: TrendReport, name: string) => r.series.find((s) => s.name === name)!;
const steps = (r: TrendReport, name: string) => series(r, name).changePoints.map((c) => c.after.index);

describe("the runner's level (common-level.ts)", () => {
  it('takes what moves every benchmark of a run out of each, so a +6% step under 10% runner noise is found at its commit', () => {
    const runs = history(8, { 2: [[60, 0.06]] });
    const off = analyzeTrends({ runs, options: { runnerLevel: false } });
    const on = analyzeTrends({ runs });
    // Left in, the runner's 10% hides the step; taken out, only the benchmark's own 2% is left.
    expect(steps(off, 'b2')).toEqual([]);
    expect(steps(on, 'b2')).toHaveLength(1);
    expect(Math.abs(steps(on, 'b2')[0]! - 60)).toBeLessThanOrEqual(1);
    expect(series(on, 'b2').changePoints[0]!.change).toBeGreaterThan(0.04);
    expect(series(on, 'b2').changePoints[0]!.change).toBeLessThan(0.08);
    // No other benchmark shows a step: b2's does not leak into the level it is read against.
    for (let k = 0; k < 8; k++) if (k !== 2) expect(steps(on, `b${k}`)).toEqual([]);
    // Each β is found (0.6 … 1.4), and the exact instruction count is left as it is (its +1% found exactly).
    // (within 0.1: the level is itself estimated, so β is slightly attenuated).
    expect(Math.abs(series(on, 'b0').runnerFactor! - 0.6)).toBeLessThan(0.1);
    expect(Math.abs(series(on, 'b7').runnerFactor! - 1.4)).toBeLessThan(0.1);
    expect(series(on, 'count').runnerFactor).toBeUndefined();
    expect(series(on, 'count').changePoints.map((c) => [c.after.index, c.pValue])).toEqual([[80, 0]]);
    expect(renderTrendText(on)).toMatch(/on 8 timed series with the runner's level taken out/);
  });

  it('reads a rate as the inverse of a time, and several benchmarks stepping at one commit as theirs, not the runner’s', () => {
    const runs = history(10, { 0: [[50, 0.1]], 4: [[50, 0.1]], 8: [[50, 0.1]] }, 3);
    const on = analyzeTrends({ runs });
    // ops/s fall as the runner slows: read as the inverse of a time, its β is that of a time (0.6 + 0.8·3/9).
    expect(Math.abs(series(on, 'b3').runnerFactor! - 0.87)).toBeLessThan(0.1);
    expect(steps(on, 'b3')).toEqual([]);
    for (const k of [0, 4, 8]) expect(steps(on, `b${k}`).map((at) => Math.abs(at - 50) <= 1)).toEqual([true]);
    for (const k of [1, 2, 5, 6, 7, 9]) expect(steps(on, `b${k}`)).toEqual([]);
    expect(on.runnerLevel!.changePoints).toEqual([]);
  });

  it('reports a step of every benchmark together as a step of the runner level, a warning rather than a critical alert', () => {
    const all = Object.fromEntries(Array.from({ length: 8 }, (_, k) => [k, [[70, 0.5]] as Array<[number, number]>]));
    const runs = history(8, all);
    const now = analyzeTrends({ runs });
    const level = now.runnerLevel!;
    expect(level.id).toBe(RUNNER_LEVEL_ID);
    expect(level.changePoints.map((c) => c.after.index)).toEqual([70]);
    const before = analyzeTrends({ runs: runs.slice(0, 60) });
    const alerts = trendAlerts(now, before, { minEffect: 0.05, horizon: 20 });
    const mine = alerts.filter((a) => a.id === RUNNER_LEVEL_ID && a.kind === 'change-point');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.level).toBe('warning');
    expect(mine[0]!.message).toMatch(
      /^The runner level \(every timed benchmark together\) changed \+\d+\.\d% \(regression\) in c069\.\.c070/,
    );
    expect(renderTrendText(now)).toMatch(/runner level \(every timed benchmark\): \+\d+\.\d% \(regression\) in c069\.\.c070/);
  });

  it('needs 5 timed benchmarks; with fewer, every series is read as it is', () => {
    const runs = history(4, { 1: [[60, 0.06]] });
    const r = analyzeTrends({ runs });
    expect(r.runnerLevel).toBeUndefined();
    expect(r.series.every((s) => s.runnerFactor === undefined)).toBe(true);
    expect(analyzeTrends({ runs, options: { runnerLevel: false } }).series).toEqual(r.series);
  });

  it('analyses only the series asked for, against the same level as the whole history', () => {
    const runs = history(8, { 2: [[60, 0.06]], 5: [[30, -0.08]] });
    const whole = analyzeTrends({ runs, changePointsOnly: true });
    const some = analyzeTrends({ runs, changePointsOnly: true, only: new Set(['s/b2']) });
    expect(some.series.map((s) => s.name)).toEqual(['b2']);
    expect(some.series[0]).toEqual(series(whole, 'b2'));
    expect(steps(whole, 'b5')).toEqual([30]);
  });

  it('reads a history whose benchmarks come and go: the level where 5 ran, each run as it is elsewhere', () => {
    // b0–b2 from the start, b3–b7 added at run 40, b2 removed at run 90 (renamed: b2-new from 90).
    const runs = history(8, {}).map((r, i) => ({
      ...r,
      benchmarks: r.benchmarks
        .filter((b) => !['s/b3', 's/b4', 's/b5', 's/b6', 's/b7'].includes(b.id) || i >= 40)
        .map((b) => (b.id === 's/b2' && i >= 90 ? { ...b, id: 's/b2-new', name: 'b2-new' } : b)),
    }));
    const r = analyzeTrends({ runs });
    expect(r.runnerLevel!.runs).toBe(N - 40);
    expect(r.series.map((s) => [s.name, s.runs])).toEqual([
      ['b0', N],
      ['b1', N],
      ['b2', 90],
      ['count', N],
      ['b3', N - 40],
      ['b4', N - 40],
      ['b5', N - 40],
      ['b6', N - 40],
      ['b7', N - 40],
      ['b2-new', N - 90],
    ]);
    // Raw for 40 runs, corrected after: a noisier stretch, not a step.
    for (const s of r.series) if (s.name !== 'count') expect(s.changePoints).toEqual([]);
  });
});
