import { describe, expect, it } from 'vitest';
import { compareRuns, pairsToDetect } from '../../src/compare/index.js';
import { bench, machine, run, runsOf } from './helpers.js';

const HISTORY = [100, 104, 97, 101, 99, 103, 98, 102, 100, 96];

describe('compareRuns: designs and their p-values (scipy references)', () => {
  it('paired: t test on per-pair log ratios (scipy ttest_rel p = 6.174e-06)', () => {
    const r = compareRuns({
      baseline: runsOf('s/a', [100, 102, 98, 101, 99]),
      current: runsOf('s/a', [110, 111, 108, 112, 109]),
      paired: true,
    });
    const b = r.benchmarks[0];
    expect(r.design).toBe('paired');
    expect(b?.pValue).toBeCloseTo(6.174398766203362e-6, 10);
    expect(b?.change).toBeCloseTo(0.10001909700458467, 10);
    expect(b?.verdict).toBe('regression');
    expect(r.verdict).toBe('fail');
    expect(r.method).toMatch(/paired.*Holm/);
  });

  it('history: pooled two-sample t with one current run (scipy ttest_ind p = 0.01904)', () => {
    const r = compareRuns({ baseline: runsOf('s/a', HISTORY), current: runsOf('s/a', [108]) });
    expect(r.design).toBe('history');
    expect(r.benchmarks[0]?.pValue).toBeCloseTo(0.019035398819059367, 10);
    expect(r.benchmarks[0]?.trend).toEqual(HISTORY.map((v) => expect.closeTo(v, 1)));
  });

  it('history: several current runs pool their spread (scipy p = 0.001159)', () => {
    const r = compareRuns({ baseline: runsOf('s/a', HISTORY), current: runsOf('s/a', [108, 110]) });
    expect(r.benchmarks[0]?.pValue).toBeCloseTo(0.0011592389475810218, 10);
    expect(r.benchmarks[0]?.verdict).toBe('regression');
  });

  it('history keeps only the last config.history runs', () => {
    const r = compareRuns({ baseline: runsOf('s/a', [500, 500, ...HISTORY]), current: runsOf('s/a', [100]), config: { history: 10 } });
    expect(r.baseline?.runs).toBe(10);
    expect(r.benchmarks[0]?.trend).toEqual(HISTORY.map((v) => expect.closeTo(v, 1)));
  });

  it('single: a 10% change is not enough evidence with one run each; a 60% one is on a quiet machine', () => {
    const huge = compareRuns({ baseline: runsOf('s/a', [100]), current: runsOf('s/a', [160]) });
    expect(huge.benchmarks[0]?.verdict).toBe('inconclusive');
    const small = compareRuns({ baseline: runsOf('s/a', [100]), current: runsOf('s/a', [110]) });
    expect(small.design).toBe('single');
    expect(small.benchmarks[0]?.verdict).toBe('inconclusive');
    expect(small.benchmarks[0]?.minDetectableEffect).toBeGreaterThan(0.1);
    expect(small.benchmarks[0]?.reason).toMatch(/Too noisy to tell/);
    expect(small.warnings.join(' ')).toMatch(/one current run/i);
    const big = compareRuns({ baseline: runsOf('s/a', [100]), current: runsOf('s/a', [160]), noiseFloor: 0.1 });
    expect(big.benchmarks[0]?.verdict).toBe('regression');
  });

  it('a configured noise floor changes what the single design can see', () => {
    const r = compareRuns({ baseline: runsOf('s/a', [100]), current: runsOf('s/a', [110]), noiseFloor: 0.01 });
    expect(r.benchmarks[0]?.verdict).toBe('regression');
    // The same floor from the config file (compare.noiseFloor); the input's own option wins.
    const fromConfig = compareRuns({ baseline: runsOf('s/a', [100]), current: runsOf('s/a', [110]), config: { noiseFloor: 0.01 } });
    expect(fromConfig.benchmarks[0]?.verdict).toBe('regression');
    const inputWins = compareRuns({
      baseline: runsOf('s/a', [100]),
      current: runsOf('s/a', [110]),
      config: { noiseFloor: 0.01 },
      noiseFloor: 0.6,
    });
    expect(inputWins.benchmarks[0]?.verdict).toBe('inconclusive');
  });
});

describe('compareRuns: verdict paths', () => {
  it('a noisy paired benchmark says how many pairs would detect the minimum effect; other designs do not', () => {
    const paired = compareRuns({
      baseline: runsOf('s/a', [100, 100, 100, 100, 100]),
      current: runsOf('s/a', [105, 96, 106, 97, 101]),
      paired: true,
    });
    const b = paired.benchmarks[0];
    expect(b?.verdict).toBe('inconclusive');
    const pairs = b?.pairsToDetect;
    expect(b?.minEffect).toBe(0.03);
    expect(pairs).toBe(pairsToDetect(5, b?.minDetectableEffect ?? 0, 0.03));
    expect(pairs).toBeGreaterThan(5);
    // Quadrupling the pairs halves the standard error: the hint scales with the MDE squared.
    expect(pairsToDetect(5, Math.expm1(2 * Math.log1p(0.03)), 0.03)).toBe(20);
    const wild = compareRuns({
      baseline: runsOf('s/a', [100, 100, 100, 100, 100]),
      current: runsOf('s/a', [150, 70, 140, 65, 101]),
      paired: true,
    });
    expect(wild.benchmarks[0]?.pairsToDetect).toBeGreaterThan(100); // rendered as "Even 100 pairs … would not detect 3%"
    const history = compareRuns({ baseline: runsOf('s/a', HISTORY), current: runsOf('s/a', [103]) });
    expect(history.benchmarks[0]?.verdict).toBe('inconclusive');
    expect(history.benchmarks[0]?.pairsToDetect).toBeUndefined();
  });

  it('improvement for a faster time, unchanged when the CI is inside ±minEffect', () => {
    const faster = compareRuns({ baseline: runsOf('s/a', HISTORY), current: runsOf('s/a', [70, 71]) });
    expect(faster.benchmarks[0]?.verdict).toBe('improvement');
    expect(faster.verdict).toBe('pass');
    const same = compareRuns({ baseline: runsOf('s/a', [100, 100.5, 99.5, 100.2, 99.8, 100.1]), current: runsOf('s/a', [100.3, 99.9]) });
    expect(same.benchmarks[0]?.verdict).toBe('unchanged');
    expect(same.benchmarks[0]?.minDetectableEffect).toBeGreaterThan(0);
  });

  it('significant but below the minimum effect is inconclusive, not a regression', () => {
    // A 2.5% change: significant at alpha 0.02, under the default 3%, and its CI reaches past 3%.
    const base = [100, 101, 99, 100.5, 99.5, 100, 101, 99];
    const r = compareRuns({ baseline: runsOf('s/a', base), current: runsOf('s/a', [102.5, 102, 103]) });
    expect(r.benchmarks[0]?.pValue).toBeLessThan(0.02);
    expect(r.benchmarks[0]?.ci?.[1]).toBeGreaterThan(0.03);
    expect(r.benchmarks[0]?.verdict).toBe('inconclusive');
    expect(r.benchmarks[0]?.reason).toMatch(/smaller than the minimum effect/);
    const lower = compareRuns({ baseline: runsOf('s/a', base), current: runsOf('s/a', [102.5, 102, 103]), config: { minEffect: 0.02 } });
    expect(lower.benchmarks[0]?.verdict).toBe('regression');
  });

  it('per-suite and per-benchmark minimum effects apply', () => {
    const input = { baseline: runsOf('io/read', HISTORY), current: runsOf('io/read', [125, 126]) };
    expect(compareRuns(input).benchmarks[0]?.verdict).toBe('regression');
    expect(compareRuns({ ...input, suiteMinEffect: { io: 0.5 } }).benchmarks[0]?.verdict).toBe('unchanged');
    expect(compareRuns({ ...input, config: { overrides: [{ benchmark: 'io/*', minEffect: 0.5 }] } }).benchmarks[0]?.verdict).toBe(
      'unchanged',
    );
  });

  it('direction bigger: a throughput drop is a regression, a rise an improvement', () => {
    const opts = { direction: 'bigger' as const, unit: 'ops/s' };
    const drop = compareRuns({ baseline: runsOf('s/a', HISTORY, opts), current: runsOf('s/a', [70, 72], opts) });
    expect(drop.benchmarks[0]?.verdict).toBe('regression');
    expect(drop.benchmarks[0]?.change).toBeLessThan(0);
    const rise = compareRuns({ baseline: runsOf('s/a', HISTORY, opts), current: runsOf('s/a', [130, 128], opts) });
    expect(rise.benchmarks[0]?.verdict).toBe('improvement');
  });

  it('new and missing benchmarks are reported, not crashed on', () => {
    const r = compareRuns({
      baseline: [run([bench('s/old', 10), bench('s/both', 10)])],
      current: [run([bench('s/new', 10), bench('s/both', 10)])],
    });
    const by = Object.fromEntries(r.benchmarks.map((b) => [b.id, b.verdict]));
    expect(by).toEqual({ 's/new': 'new', 's/both': 'inconclusive', 's/old': 'missing' });
    expect(r.counts).toMatchObject({ new: 1, missing: 1, inconclusive: 1, regression: 0 });
    expect(r.verdict).toBe('pass');
  });

  it('no baseline at all: everything is new', () => {
    const r = compareRuns({ baseline: [], current: [run([bench('s/a', 1)])] });
    expect(r.benchmarks[0]?.verdict).toBe('new');
    expect(r.warnings.join(' ')).toMatch(/No baseline/);
  });

  it('a unit change makes the benchmark inconclusive', () => {
    const r = compareRuns({ baseline: [run([bench('s/a', 1, { unit: 'ns' })])], current: [run([bench('s/a', 1, { unit: 'B' })])] });
    expect(r.benchmarks[0]?.verdict).toBe('inconclusive');
    expect(r.benchmarks[0]?.reason).toMatch(/unit or direction changed/);
  });

  it('Holm: the same p-value survives in a suite of 1 but not in a suite of 50', () => {
    const one = compareRuns({ baseline: runsOf('s/a', HISTORY), current: runsOf('s/a', [108]) });
    expect(one.benchmarks[0]?.verdict).toBe('regression');
    const others = Array.from({ length: 49 }, (_, i) => `s/x${i}`);
    const base = HISTORY.map((v) => run([bench('s/a', v), ...others.map((id) => bench(id, v))]));
    const cur = [run([bench('s/a', 108), ...others.map((id) => bench(id, 100))])];
    const fifty = compareRuns({ baseline: base, current: cur });
    expect(fifty.benchmarks.find((b) => b.id === 's/a')?.verdict).toBe('inconclusive');
    expect(fifty.method).toMatch(/over 50 benchmark test/);
  });
});

describe('compareRuns: bad input', () => {
  it('empty samples, NaN, Infinity and zero give reasons or warnings, never a throw', () => {
    const base = [
      run([
        bench('s/empty', 10, { samples: [] }),
        bench('s/nan', 10, { samples: [NaN, 10, 10.1, Infinity, 9.9] }),
        bench('s/zero', 0, { samples: [0, 0, 0] }),
        { ...bench('s/allnan', NaN, { samples: [NaN, NaN] }) },
      ]),
    ];
    const cur = [
      run([
        bench('s/empty', 10, { samples: [] }),
        bench('s/nan', 10, { samples: [10, 10.05, -Infinity] }),
        bench('s/zero', 0, { samples: [0, 0] }),
        bench('s/allnan', 5),
      ]),
    ];
    const r = compareRuns({ baseline: base, current: cur });
    const by = Object.fromEntries(r.benchmarks.map((b) => [b.id, b]));
    expect(by['s/empty']?.verdict).toBe('inconclusive');
    expect(by['s/nan']?.warnings.join(' ')).toMatch(/3 baseline sample\(s\) were NaN or infinite|2 baseline sample/);
    expect(by['s/nan']?.warnings.join(' ')).toMatch(/1 current sample/);
    expect(by['s/zero']?.verdict).toBe('inconclusive');
    expect(by['s/zero']?.reason).toMatch(/positive finite value/);
    expect(by['s/allnan']?.verdict).toBe('inconclusive');
    expect(r.verdict).toBe('pass');
  });

  it('identical runs do not divide by zero', () => {
    const r = compareRuns({ baseline: runsOf('s/a', [5, 5, 5], { samples: false }), current: runsOf('s/a', [5], { samples: false }) });
    expect(r.benchmarks[0]?.verdict).toBe('unchanged');
    expect(Number.isFinite(r.benchmarks[0]?.pValue)).toBe(true);
  });

  it('paired with unequal run counts falls back to unpaired with a warning', () => {
    const r = compareRuns({ baseline: runsOf('s/a', [100, 101, 99]), current: runsOf('s/a', [100, 101]), paired: true });
    expect(r.design).toBe('history');
    expect(r.warnings.join(' ')).toMatch(/Paired comparison asked for/);
  });

  it('is deterministic', () => {
    const input = { baseline: runsOf('s/a', HISTORY), current: runsOf('s/a', [104]) };
    expect(JSON.stringify(compareRuns(input))).toBe(JSON.stringify(compareRuns(input)));
  });
});

describe('compareRuns: like with like', () => {
  it('a machine mismatch is reported and widens the interval', () => {
    const other = { ...machine, cpuModel: 'Other CPU', cores: 2, nodeVersion: 'v24.1.0' };
    const same = compareRuns({ baseline: runsOf('s/a', HISTORY), current: runsOf('s/a', [112]) });
    const diff = compareRuns({ baseline: runsOf('s/a', HISTORY), current: [run([bench('s/a', 112)], { machine: other })] });
    expect(same.benchmarks[0]?.verdict).toBe('regression');
    expect(diff.benchmarks[0]?.verdict).toBe('inconclusive');
    expect(diff.warnings.join(' ')).toMatch(/different machines.*CPU "Test CPU" vs "Other CPU".*4 vs 2 cores.*Node v20.20.2 vs v24.1.0/);
    const w = (r: typeof same) => (r.benchmarks[0]?.ci?.[1] ?? 0) - (r.benchmarks[0]?.ci?.[0] ?? 0);
    expect(w(diff)).toBeGreaterThan(w(same));
  });

  it('another kernel build or Node patch of the same machine type is information, not a wider interval', () => {
    const vm = (os: string, nodeVersion = 'v20.20.2') => ({ ...machine, os, nodeVersion });
    const base = runsOf('s/a', HISTORY).map((r) => ({ ...r, machine: vm('Linux 6.18.44-fc-v782') }));
    const cur = [run([bench('s/a', 112)], { machine: vm('Linux 6.18.44-fc-v857', 'v20.20.5') })];
    const sameVm = compareRuns({
      baseline: runsOf('s/a', HISTORY).map((r) => ({ ...r, machine: vm('Linux 6.18.44-fc-v782') })),
      current: [run([bench('s/a', 112)], { machine: vm('Linux 6.18.44-fc-v782') })],
    });
    const r = compareRuns({ baseline: base, current: cur });
    expect(r.warnings.join(' ')).not.toMatch(/different machines/);
    expect(r.notes).toEqual([
      'Same machine type, another build (Node v20.20.2 vs v20.20.5; Linux 6.18.44-fc-v782 vs 6.18.44-fc-v857): intervals are not widened.',
    ]);
    expect(r.benchmarks[0]?.ci).toEqual(sameVm.benchmarks[0]?.ci);
    expect(r.benchmarks[0]?.verdict).toBe('regression');
    // Another release line (6.18 → 6.19) or OS family is another machine.
    const line = compareRuns({ baseline: base, current: [run([bench('s/a', 112)], { machine: vm('Linux 6.19.2-fc-v900') })] });
    expect(line.warnings.join(' ')).toMatch(/different machines.*OS Linux 6.18.44-fc-v782\/x64 vs Linux 6.19.2-fc-v900\/x64/);
    expect(line.benchmarks[0]?.verdict).toBe('inconclusive');
  });
});

describe('compareRuns: exact metrics (AssumeExact)', () => {
  const exact = (id: string, v: number, n = 3) => bench(id, v, { samples: Array.from({ length: n }, () => v) });
  const vm = { ...machine, os: 'Linux 6.18.44-fc-v782' };
  const otherVm = { ...machine, cpuModel: 'Other CPU', os: 'Linux 6.18.44-fc-v857' };

  it('a value identical in every run is unchanged with a zero-width interval, even across machines', () => {
    const base = [2.5, 2.5, 2.5, 2.5].map(() => run([exact('s/count', 2.5)], { machine: vm }));
    const r = compareRuns({ baseline: base, current: [run([exact('s/count', 2.5)], { machine: otherVm })] });
    expect(r.benchmarks[0]).toMatchObject({ verdict: 'unchanged', change: 0, ci: [0, 0], exact: true });
    expect(r.warnings.join(' ')).toMatch(/different machines/); // still said, but it cannot widen an exact value
  });

  it('a value that moved in every run by at least the minimum effect is a regression, below it unchanged', () => {
    const base = [1000, 1000, 1000].map((v) => run([exact('s/count', v)]));
    const up = compareRuns({ baseline: base, current: [run([exact('s/count', 1040)])] });
    expect(up.benchmarks[0]).toMatchObject({ verdict: 'regression', ci: [expect.closeTo(0.04, 9), expect.closeTo(0.04, 9)], exact: true });
    expect(up.verdict).toBe('fail');
    const down = compareRuns({ baseline: base, current: [run([exact('s/count', 900)])] });
    expect(down.benchmarks[0]?.verdict).toBe('improvement');
    const tiny = compareRuns({ baseline: base, current: [run([exact('s/count', 1010)])] });
    expect(tiny.benchmarks[0]).toMatchObject({ verdict: 'unchanged', exact: true });
    // Not a test: it takes no share of the suite-wide correction.
    expect(up.method).toMatch(/^nothing to test/);
  });

  it('two single values prove nothing: one run each without samples stays a test', () => {
    const r = compareRuns({
      baseline: [run([bench('s/a', 100, { samples: false })])],
      current: [run([bench('s/a', 100, { samples: false })])],
    });
    expect(r.benchmarks[0]?.exact).toBeUndefined();
    const noisy = compareRuns({ baseline: [run([exact('s/a', 100)])], current: [run([bench('s/a', 100)])] });
    expect(noisy.benchmarks[0]?.exact).toBeUndefined();
  });
});

describe('compareRuns: facts for the renderers', () => {
  it('says the confidence level its intervals were computed at', () => {
    const r = compareRuns({ baseline: runsOf('s/a', HISTORY), current: runsOf('s/a', [103]) });
    expect(r.confidence).toBeCloseTo(0.98, 12);
    expect(r.method).toContain('98% intervals');
    const at05 = compareRuns({ baseline: runsOf('s/a', HISTORY), current: runsOf('s/a', [103]), config: { alpha: 0.05 } });
    expect(at05.confidence).toBeCloseTo(0.95, 12);
    const ci = (x: typeof r) => x.benchmarks[0]!.ci![1] - x.benchmarks[0]!.ci![0];
    expect(ci(at05)).toBeLessThan(ci(r));
  });

  it('marks the baseline benchmarks of a suite that errored as not measured, not missing', () => {
    const base = runsOf('s/a', HISTORY).map((r) => ({
      ...r,
      benchmarks: [...r.benchmarks, bench('t/b', 50), bench('u/c', 10), bench('u/d', 10)],
    }));
    const cur = run([bench('s/a', 100), bench('u/d', 10)], {
      errors: [
        { suite: 't', message: "Suite 't': command 'x' exited with code 1. Its stderr ended with:\n    boom" },
        { suite: 'u', task: 'c', message: 'task threw' },
      ],
    });
    const r = compareRuns({ baseline: base, current: [cur] });
    const by = Object.fromEntries(r.benchmarks.map((b) => [b.id, b]));
    expect(by['t/b']).toMatchObject({
      verdict: 'error',
      reason: "Not measured: suite t failed: Suite 't': command 'x' exited with code 1. Its stderr ended with:",
    });
    expect(by['u/c']).toMatchObject({ verdict: 'error', reason: 'Not measured: task c failed: task threw' });
    expect(by['u/d']?.verdict).not.toBe('error');
    expect(r.counts).toMatchObject({ error: 2, missing: 0 });
    expect(r.verdict).toBe('fail');
  });

  it('without a baseline says there was nothing to test, and carries where a baseline came from', () => {
    const none = compareRuns({ baseline: [], current: runsOf('s/a', [100]) });
    expect(none.method).toMatch(/^nothing to test/);
    expect(none.method).not.toMatch(/correction over 0/);
    const from = compareRuns({
      baseline: runsOf('s/a', HISTORY),
      current: runsOf('s/a', [100]),
      baselineFrom: { from: 'Actions cache', branch: 'main' },
    });
    expect(from.baseline).toMatchObject({ runs: 10, from: 'Actions cache', branch: 'main' });
  });

  it('copies current errors, warns, and fills run info', () => {
    const cur = run([bench('s/a', 100)], { commit: 'abc', errors: [{ suite: 's', message: 'boom' }] });
    const r = compareRuns({ baseline: [run([bench('s/a', 100)], { commit: 'def' })], current: [cur] });
    expect(r.errors).toEqual([{ suite: 's', message: 'boom' }]);
    // A crashed suite fails the report, as it fails the check (src/compare/gate.ts): it once said 'warn'.
    expect(r.verdict).toBe('fail');
    expect(r.baseline).toMatchObject({ commit: 'def', runs: 1 });
    expect(r.current).toMatchObject({ commit: 'abc', runs: 1, machine });
  });

  it('keeps a hostile name as data (rendering escapes it)', () => {
    const id = 's/<img src=x onerror=alert(1)> | @admin **x**';
    const r = compareRuns({ baseline: [run([bench(id, 1)])], current: [run([bench(id, 1)])] });
    expect(r.benchmarks[0]?.name).toBe('<img src=x onerror=alert(1)> | @admin **x**');
  });
});

describe('compareRuns: single design spread', () => {
  it('a run that scatters inside widens the interval (its median moves between invocations too)', () => {
    const tight = compareRuns({ baseline: runsOf('s/a', [100]), current: runsOf('s/a', [100]), noiseFloor: 0.05 });
    const scattered = [60, 80, 100, 120, 140, 90, 110, 100];
    const loose = compareRuns({
      baseline: [run([bench('s/a', 100, { samples: scattered })])],
      current: runsOf('s/a', [100]),
      noiseFloor: 0.05,
    });
    const width = (r: typeof tight) => (r.benchmarks[0]?.ci?.[1] ?? 0) - (r.benchmarks[0]?.ci?.[0] ?? 0);
    expect(width(loose)).toBeGreaterThan(2 * width(tight));
    expect(tight.method).toMatch(/noise of 5\.0% per run/);
  });

  it('the spread is the scatter around the median whatever stands for the run', () => {
    const scattered = [60, 80, 100, 120, 140, 90, 110, 100];
    const input = { baseline: [run([bench('s/a', 100, { samples: scattered })])], current: runsOf('s/a', [100]), noiseFloor: 0.05 };
    const logWidth = (r: ReturnType<typeof compareRuns>) =>
      Math.log1p(r.benchmarks[0]?.ci?.[1] ?? 0) - Math.log1p(r.benchmarks[0]?.ci?.[0] ?? 0);
    const byMedian = compareRuns({ ...input, config: { location: 'median' } });
    for (const location of ['mean-rate', 'best'] as const) {
      const r = compareRuns({ ...input, config: { location } });
      expect(logWidth(r)).toBeCloseTo(logWidth(byMedian), 12);
      expect(r.benchmarks[0]?.change).not.toBeCloseTo(byMedian.benchmarks[0]?.change ?? 0, 3);
    }
  });
});

describe('compareRuns: the statistic that stands for a run (compare.location)', () => {
  /**
   * Bursty contention: each run's samples are a mix of an uncontended level and a 1.7× slower
   * one, in a share that differs from run to run. `fast` of 20 samples are uncontended.
   */
  const bursty = (id: string, level: number, fast: number, jitter: number, direction: 'smaller' | 'bigger' = 'smaller') => {
    const samples = Array.from({ length: 20 }, (_, j) => {
      const x = level * (1 + jitter) * (1 + 0.001 * j) * (j < fast ? 1 : 1.7);
      return direction === 'smaller' ? x : 1e6 / x;
    });
    return bench(id, samples[10] as number, { samples, direction });
  };
  const FAST_BASE = [15, 3, 12, 5, 18];
  const FAST_HEAD = [4, 16, 6, 14, 2];
  const JITTER = [0, 0.004, -0.003, 0.002, -0.001];
  const pairs = (slower: number, direction: 'smaller' | 'bigger' = 'smaller') => ({
    baseline: FAST_BASE.map((k, i) => run([bursty('s/a', 100, k, JITTER[i] as number, direction)])),
    current: FAST_HEAD.map((k, i) => run([bursty('s/a', 100 * slower, k, -(JITTER[i] as number), direction)])),
    paired: true,
  });

  it('median: bursts that cover different shares of each run hide a 10% slowdown', () => {
    const r = compareRuns({ ...pairs(1.1), config: { location: 'median' } });
    expect(r.benchmarks[0]?.verdict).toBe('inconclusive');
    expect(r.method).toMatch(/run medians/);
  });

  /** Bursts near half of every run: 9–11 fast samples of 20, base and head alike. */
  const halfBursts = (slower: number, location?: 'median') => ({
    baseline: [10, 11, 9, 10, 11].map((k, i) => run([bursty('s/a', 100, k, JITTER[i] as number)])),
    current: [11, 10, 10, 9, 10].map((k, i) => run([bursty('s/a', 100 * slower, k, -(JITTER[i] as number))])),
    paired: true,
    ...(location ? { config: { location } } : {}),
  });

  it('mean-rate (default): when bursts cover about half of each run, the median jumps between the modes and the mean rate does not', () => {
    const byMedian = compareRuns(halfBursts(1.1, 'median')).benchmarks[0];
    const byRate = compareRuns(halfBursts(1.1));
    const b = byRate.benchmarks[0];
    expect(byMedian?.verdict).toBe('inconclusive');
    expect(b?.verdict).toBe('regression');
    expect(b?.change).toBeGreaterThan(0.05);
    expect(b?.change).toBeLessThan(0.15);
    expect(byRate.method).toMatch(/run mean rates \(harmonic mean of times/);
  });

  it('mean-rate: unchanged code under the same bursts is not flagged', () => {
    const r = compareRuns(halfBursts(1));
    expect(r.benchmarks[0]?.verdict).not.toBe('regression');
    expect(r.benchmarks[0]?.verdict).not.toBe('improvement');
  });

  it('best: the fastest sample of each run sees the 10% slowdown through the bursts', () => {
    const r = compareRuns({ ...pairs(1.1), config: { location: 'best' } });
    const b = r.benchmarks[0];
    expect(b?.verdict).toBe('regression');
    expect(b?.change).toBeGreaterThan(0.09);
    expect(b?.change).toBeLessThan(0.11);
    expect(b?.baseline?.value).toBeLessThan(101);
    expect(r.method).toMatch(/run bests/);
  });

  it('best outside the paired design is warned about; median is not', () => {
    const history = { baseline: runsOf('s/a', HISTORY), current: runsOf('s/a', [100]) };
    expect(compareRuns({ ...history, config: { location: 'best' } }).warnings.join(' ')).toMatch(/"best" is meant for the paired design/);
    expect(compareRuns(history).warnings.join(' ')).not.toMatch(/best/);
    expect(compareRuns({ ...pairs(1), config: { location: 'best' } }).warnings.join(' ')).not.toMatch(/"best"/);
  });

  it('best: unchanged code under the same bursts is not flagged', () => {
    const r = compareRuns({ ...pairs(1), config: { location: 'best' } });
    expect(r.benchmarks[0]?.verdict).not.toBe('regression');
    expect(Math.abs(r.benchmarks[0]?.change ?? 1)).toBeLessThan(0.01);
  });

  it('best is the largest sample where bigger is better (throughput)', () => {
    const r = compareRuns({ ...pairs(1.1, 'bigger'), config: { location: 'best' } });
    const b = r.benchmarks[0];
    expect(b?.verdict).toBe('regression');
    expect(b?.change).toBeLessThan(-0.08);
    expect(b?.baseline?.value).toBeGreaterThan(9900);
  });

  it('best falls back to the value when a run has no samples, and skips NaN samples', () => {
    const noSamples = compareRuns({
      baseline: [run([bench('s/a', 100, { samples: false })])],
      current: [run([bench('s/a', 100, { samples: [Number.NaN, 120, 100.5, 140] })])],
      config: { location: 'best' },
    });
    const b = noSamples.benchmarks[0];
    expect(b?.current?.value).toBeCloseTo(100.5, 9);
    expect(b?.baseline?.value).toBeCloseTo(100, 9);
    expect(b?.warnings.join(' ')).toMatch(/NaN or infinite/);
  });
});
