/**
 * Importers keep the statistics the tool itself reported (its mean is not replaced by the
 * median) and compute only what the tool did not give.
 */
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/importers/index.js';
import type { Stats } from '../../src/model/index.js';
import { fixture, hasShared, shared } from './fixtures.js';

type Raw = Record<string, number>;

/** Each stat of `stats` close to `expected` (relative 1e-9: unit conversion may round). */
function expectStats(stats: Stats | undefined, expected: Partial<Stats>): void {
  for (const [key, v] of Object.entries(expected)) {
    expect(stats?.[key as keyof Stats], key).toBeCloseTo(v, Math.max(0, 6 - Math.ceil(Math.log10(Math.abs(v) + 1))));
  }
}

describe("the tool's own statistics", () => {
  it('does not keep a reported count below one (vitest sampleCount 0): the run stays valid', () => {
    const { file, text } = fixture('vitest', 'three-groups.json');
    const doc = JSON.parse(text) as { files: Array<{ groups: Array<{ benchmarks: Raw[] }> }> };
    for (const b of doc.files[0]!.groups[0]!.benchmarks) b.sampleCount = 0;
    const { run } = parseImport(JSON.stringify(doc), file);
    for (const b of run.benchmarks) expect(b.stats.n).toBeGreaterThanOrEqual(1);
  });

  it('vitest: its mean, median, sd, min, max, p75, p99 and sample count, not the median as the mean', () => {
    const { file, text } = fixture('vitest', 'three-groups.json');
    const raw = (JSON.parse(text) as { files: Array<{ groups: Array<{ benchmarks: Raw[] }> }> }).files[0]!.groups.flatMap(
      (g) => g.benchmarks,
    );
    const { run } = parseImport(text, file);
    run.benchmarks.forEach((b, i) => {
      const r = raw[i]!;
      expect(b.value).toBeCloseTo(r.median! * 1e6, 6);
      expect(b.stats.n).toBe(r.sampleCount);
      expectStats(b.stats, {
        mean: r.mean! * 1e6,
        median: r.median! * 1e6,
        stdev: r.sd! * 1e6,
        min: r.min! * 1e6,
        max: r.max! * 1e6,
        p75: r.p75! * 1e6,
        p99: r.p99! * 1e6,
      });
      expect(b.stats.mean).not.toBe(b.stats.median);
    });
  });

  it('tinybench tasks: latency mean, p50, sd, min, max and samplesCount', () => {
    const { file, text } = fixture('tinybench', 'tasks.json');
    const raw = (JSON.parse(text) as Array<{ result: { latency?: Raw } }>).map((t) => t.result.latency);
    const { run } = parseImport(text, file);
    run.benchmarks.forEach((b, i) => {
      const l = raw[i]!;
      expect(b.stats.n).toBe(l.samplesCount);
      expectStats(b.stats, { mean: l.mean! * 1e6, median: l.p50! * 1e6, stdev: l.sd! * 1e6, min: l.min! * 1e6, max: l.max! * 1e6 });
    });
  });

  it('pytest-benchmark: its mean, stddev, min, max and rounds beside the samples', () => {
    const { file, text } = fixture('pytest', 'fib-labels-data.json');
    const raw = (JSON.parse(text) as { benchmarks: Array<{ stats: Raw }> }).benchmarks.map((b) => b.stats);
    const { run } = parseImport(text, file);
    run.benchmarks.forEach((b, i) => {
      const s = raw[i]!;
      expect(b.stats.n).toBe(s.rounds);
      expectStats(b.stats, { mean: s.mean! * 1e9, median: s.median! * 1e9, stdev: s.stddev! * 1e9, min: s.min! * 1e9, max: s.max! * 1e9 });
      // Not given by pytest-benchmark: computed from the rounds.
      expect(b.stats.p95).toBeGreaterThanOrEqual(b.stats.median);
    });
  });

  it('hyperfine: its mean and stddev of the runs; quantiles computed from the times', () => {
    const { file, text } = fixture('hyperfine', 'two.json');
    const raw = (JSON.parse(text) as { results: Raw[] }).results;
    const { run } = parseImport(text, file);
    run.benchmarks.forEach((b, i) => {
      const r = raw[i]!;
      expectStats(b.stats, { mean: r.mean! * 1e9, stdev: r.stddev! * 1e9, median: r.median! * 1e9, min: r.min! * 1e9, max: r.max! * 1e9 });
      expect(b.stats.p75).toBeGreaterThanOrEqual(b.stats.min);
    });
  });

  it.skipIf(!hasShared)('BenchmarkDotNet: N, Mean, Median, StandardDeviation after its outlier removal', () => {
    const { file, text } = shared('github-action-benchmark/benchmarkdotnet.json');
    const raw = (JSON.parse(text) as { Benchmarks: Array<{ Statistics: Raw & { Percentiles: Raw } }> }).Benchmarks.map((b) => b.Statistics);
    const { run } = parseImport(text, file);
    run.benchmarks.forEach((b, i) => {
      const s = raw[i]!;
      expect(b.stats.n).toBe(s.N);
      expectStats(b.stats, {
        mean: s.Mean!,
        median: s.Median!,
        stdev: s.StandardDeviation!,
        min: s.Min!,
        max: s.Max!,
        p95: s.Percentiles.P95!,
      });
    });
  });

  it('a partial summary without samples is not completed by guesswork: the value alone stands', () => {
    const text = JSON.stringify({ results: [{ command: 'x', mean: 2, stddev: 0.5, median: 1.5 }] });
    expect(parseImport(text, 'old.json').run.benchmarks[0]?.stats).toEqual({
      n: 1,
      mean: 1.5e9,
      median: 1.5e9,
      min: 1.5e9,
      max: 1.5e9,
      stdev: 0,
    });
  });

  it('repeated entries become samples whose statistics are computed: one entry’s summary does not speak for all', () => {
    const text = JSON.stringify({
      results: [
        { command: 'a', times: [1, 2], mean: 1.5 },
        { command: 'a', times: [3, 4], mean: 3.5 },
      ],
    });
    expect(parseImport(text, 'rep.json').run.benchmarks[0]?.stats).toMatchObject({ n: 4, mean: 2.5e9, median: 2.5e9 });
  });
});
