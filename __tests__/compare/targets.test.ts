import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/index.js';
import { checkSpeedup } from '../../src/compare/speedup.js';
import { checkThresholds } from '../../src/compare/thresholds.js';
import { ConfigError } from '../../src/model/errors.js';
import type { Metric } from '../../src/model/index.js';
import { bench, run } from './helpers.js';

const metric = (value: number, unit = 'ratio', samples?: number[]): Metric => ({
  unit,
  direction: 'bigger',
  value,
  ...(samples ? { samples } : {}),
});
const spread = (c: number) => Array.from({ length: 20 }, (_, i) => c * (0.98 + (i % 5) * 0.01));

describe('speedup targets', () => {
  const target = { name: 'parallel', baseline: 'r/seq', candidate: 'r/par', speedup: { min: 5, goal: 15 }, workers: 16 };

  it('is met above the goal, with efficiency and a CI from one run', () => {
    const r = checkSpeedup(target, [run([bench('r/seq', 1600, { samples: spread(1600) }), bench('r/par', 100, { samples: spread(100) })])]);
    expect(r.status).toBe('met');
    expect(r.value).toBeCloseTo(16, 6);
    expect(r.details?.efficiency).toBeCloseTo(1, 6);
    expect(r.ci?.[0]).toBeLessThan(16);
    expect(r.ci?.[1]).toBeGreaterThan(16);
    expect(r.message).toMatch(/within-run samples only/);
  });

  it('warns between min and goal, fails below min', () => {
    const mk = (par: number) => [run([bench('r/seq', 1000), bench('r/par', par)])];
    expect(checkSpeedup(target, mk(100)).status).toBe('warning');
    expect(checkSpeedup(target, mk(400)).status).toBe('failure');
  });

  it('warns above max', () => {
    const t = { ...target, speedup: { max: 4 } };
    expect(checkSpeedup(t, [run([bench('r/seq', 1000), bench('r/par', 100)])]).status).toBe('warning');
  });

  it('uses per-run ratios and a t interval with several runs', () => {
    const runs = [10, 11, 9].map((par) => run([bench('r/seq', 100), bench('r/par', par)]));
    const r = checkSpeedup(target, runs);
    expect(r.value).toBeCloseTo(Math.exp((Math.log(10) + Math.log(100 / 11) + Math.log(100 / 9)) / 3), 10);
    expect(r.ci).toBeDefined();
    expect(r.message).not.toMatch(/within-run/);
  });

  it('throughput: speedup is candidate / baseline', () => {
    const opts = { direction: 'bigger' as const, unit: 'ops/s' };
    const r = checkSpeedup(target, [run([bench('r/seq', 100, opts), bench('r/par', 800, opts)])]);
    expect(r.value).toBeCloseTo(8, 6);
  });

  it('is inconclusive when a benchmark is missing or zero', () => {
    expect(checkSpeedup(target, [run([bench('r/seq', 100)])]).status).toBe('inconclusive');
    expect(checkSpeedup(target, [run([bench('r/seq', 100), bench('r/par', 0, { samples: [0, 0] })])]).message).toMatch(/zero, negative/);
  });
});

describe('thresholds', () => {
  const accuracyRun = (acc: number) => run([bench('m/model', 1e6, { metrics: { accuracy: metric(acc) } }), bench('m/other', 1e6)]);
  const accuracy = { metric: 'accuracy', target: '>= 0.95', alert: '< 0.90' };

  it('metric target and alert: met, warning, failure; only benchmarks with the metric', () => {
    expect(checkThresholds([accuracy], [accuracyRun(0.96)]).map((t) => t.status)).toEqual(['met']);
    expect(checkThresholds([accuracy], [accuracyRun(0.92)])[0]?.status).toBe('warning');
    const fail = checkThresholds([accuracy], [accuracyRun(0.85)])[0];
    expect(fail?.status).toBe('failure');
    expect(fail?.message).toMatch(/crosses the alert level < 0.90/);
    expect(fail?.name).toContain('m/model');
  });

  it('p95 budget on the primary time with a unit', () => {
    const samples = Array.from({ length: 100 }, (_, i) => (i + 1) * 1e9);
    const t = { name: 'p95 budget', benchmark: 'p/end-to-end', stat: 'p95' as const, target: '<= 30s', alert: '> 45s' };
    const r = checkThresholds([t], [run([bench('p/end-to-end', 50e9, { samples })])]);
    expect(r[0]?.status).toBe('failure');
    expect(r[0]?.value).toBeGreaterThan(94e9);
    expect(r[0]?.value).toBeLessThan(96e9);
    expect(r[0]?.name).toBe('p95 budget');
    const fast = samples.map((x) => x / 10);
    expect(checkThresholds([t], [run([bench('p/end-to-end', 5e9, { samples: fast })])])[0]?.status).toBe('met');
  });

  it('each statistic is read from the samples', () => {
    const samples = [1, 2, 3, 4, 100];
    const runs = [run([bench('s/a', 3, { samples })])];
    const value = (stat: 'min' | 'max' | 'mean' | 'median') =>
      checkThresholds([{ benchmark: 's/a', stat, target: '>= 0' }], runs)[0]?.value;
    expect([value('min'), value('max'), value('mean'), value('median')]).toEqual([1, 100, 22, 3]);
  });

  it('derived CPU utilization band, and peak memory limit', () => {
    const b = bench('c/job', 1000, {
      samples: false,
      metrics: { cpuUser: metric(600, 'ns'), cpuSystem: metric(200, 'ns'), peakRss: metric(600e6, 'B') },
    });
    const r = checkThresholds(
      [
        { metric: 'cpuUtilization', target: '70%..90%' },
        { metric: 'peakRss', stat: 'max', alert: '> 512MB' },
      ],
      [run([b])],
    );
    expect(r[0]?.value).toBeCloseTo(0.8, 10);
    expect(r[0]?.status).toBe('met');
    expect(r[1]?.status).toBe('failure');
  });

  it('glob selects benchmarks; nothing matching is inconclusive, a unit mismatch too', () => {
    const runs = [run([bench('a/x', 10), bench('a/y', 20), bench('b/z', 30)])];
    expect(checkThresholds([{ benchmark: 'a/*', target: '<= 15ns' }], runs).map((t) => t.status)).toEqual(['met', 'warning']);
    expect(checkThresholds([{ benchmark: 'zzz/*', target: '<= 1s' }], runs)[0]?.status).toBe('inconclusive');
    expect(checkThresholds([{ metric: 'tokens', target: '<= 1' }], runs)[0]?.message).toMatch(/metric "tokens"/);
    expect(checkThresholds([{ benchmark: 'b/z', target: '<= 1MB' }], runs)[0]?.status).toBe('inconclusive');
  });

  it('pools samples across several current runs', () => {
    const runs = [run([bench('s/a', 1, { samples: [1, 2] })]), run([bench('s/a', 1, { samples: [3, 4] })])];
    expect(checkThresholds([{ benchmark: 's/a', stat: 'max', target: '< 5' }], runs)[0]?.value).toBe(4);
  });

  it('a bad condition is a ConfigError', () => {
    expect(() => checkThresholds([{ metric: 'accuracy', alert: 'below 0.9' }], [accuracyRun(1)])).toThrow(ConfigError);
  });
});

describe('targets in the report verdict', () => {
  it('failure fails, warning warns', () => {
    const base = [run([bench('m/model', 1e6, { metrics: { accuracy: metric(0.96) } })])];
    const fail = compareRuns({
      baseline: base,
      current: [run([bench('m/model', 1e6, { metrics: { accuracy: metric(0.5) } })])],
      thresholds: [{ metric: 'accuracy', target: '>= 0.95', alert: '< 0.90' }],
    });
    expect(fail.verdict).toBe('fail');
    expect(fail.counts.regression).toBe(0);
    const warn = compareRuns({
      baseline: base,
      current: [run([bench('m/model', 1e6, { metrics: { accuracy: metric(0.93) } })])],
      thresholds: [{ metric: 'accuracy', target: '>= 0.95', alert: '< 0.90' }],
    });
    expect(warn.verdict).toBe('warn');
    expect(warn.targets[0]?.kind).toBe('threshold');
  });
});
