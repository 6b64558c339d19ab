import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/importers/index.js';
import { fixture, hasShared, shared } from './fixtures.js';

describe('go test -bench importer', () => {
  it('turns -count repetitions into samples with -benchmem metrics', () => {
    const { file, text } = fixture('go', 'count.txt');
    const { run, format } = parseImport(text, file);
    expect(format).toBe('go');
    expect(run.benchmarks.map((b) => b.id)).toEqual([
      'example.com/fib/BenchmarkFib10-2',
      'example.com/fib/BenchmarkFibTable/n=5-2',
      'example.com/fib/BenchmarkFibTable/n=15-2',
      'example.com/fib/BenchmarkJoin-2',
      'example.com/fib/BenchmarkHostile/<b>@octocat|*x*</b>-2',
    ]);
    const fib = run.benchmarks[0];
    expect(fib).toMatchObject({ unit: 'ns', direction: 'smaller', samples: [548.6, 506.7, 514.8], value: 514.8 });
    expect(fib?.stats.n).toBe(3);
    expect(fib?.metrics?.['B/op']).toMatchObject({ unit: 'B', direction: 'smaller', samples: [0, 0, 0] });
    expect(fib?.metrics?.['allocs/op']).toMatchObject({ unit: 'allocs/op', direction: 'smaller' });
  });

  it('converts MB/s to B/s and keeps ReportMetric units with a direction each', () => {
    const { file, text } = fixture('go', 'count.txt');
    const join = parseImport(text, file).run.benchmarks.find((b) => b.name === 'BenchmarkJoin-2');
    expect(join?.metrics?.['MB/s']).toMatchObject({ unit: 'B/s', direction: 'bigger', samples: [35.16e6, 39.33e6, 39.14e6] });
    expect(join?.metrics?.['hits/op']).toMatchObject({ unit: 'hits/op', direction: 'smaller', value: 3 });
    expect(join?.metrics?.['items/s']).toMatchObject({ unit: 'items/s', direction: 'bigger', value: 1000 });
    expect(join?.metrics?.['B/op']?.value).toBe(8);
  });

  it('reads a single run as single values', () => {
    const { file, text } = fixture('go', 'plain.txt');
    const { run } = parseImport(text, file, { suite: 'fib' });
    expect(run.benchmarks.map((b) => [b.id, b.value, b.stats.n])).toEqual([
      ['fib/BenchmarkFib10-2', 377.5, 1],
      ['fib/BenchmarkFibTable/n=5-2', 25.99, 1],
      ['fib/BenchmarkFibTable/n=15-2', 3881, 1],
      ['fib/BenchmarkJoin-2', 54.97, 1],
      ['fib/BenchmarkHostile/<b>@octocat|*x*</b>-2', 9.143, 1],
    ]);
  });

  it('uses the first metric when ReportMetric hid ns/op, and names a broken line', () => {
    const { run } = parseImport('BenchmarkX-4  100  12 widgets/s  3 B/op\n', 'x.txt', { format: 'go' });
    expect(run.benchmarks[0]).toMatchObject({ unit: 'widgets/s', direction: 'bigger', value: 12 });
    expect(() => parseImport('pkg: a\nBenchmarkX-4  100  1x2 ns/op\n', 'x.txt')).toThrow(
      /x\.txt:2: benchmark "BenchmarkX-4": expected a number before "ns\/op", got "1x2"/,
    );
    expect(() => parseImport('goos: linux\nBenchmarkX-4  100  12 ns/op 7\n', 'x.txt')).toThrow(/x\.txt:2: .*"<value> <unit>" pairs/);
  });

  it('takes the package from the ok line when no pkg header was printed', () => {
    const text = 'BenchmarkA-8  10  5 ns/op\nPASS\nok  \texample.com/a\t0.1s\nBenchmarkA-8  10  7 ns/op\nok  \texample.com/b\t0.1s\n';
    expect(parseImport(text, 'p.txt').run.benchmarks.map((b) => [b.id, b.value])).toEqual([
      ['example.com/a/BenchmarkA-8', 5],
      ['example.com/b/BenchmarkA-8', 7],
    ]);
  });

  it.skipIf(!hasShared)('reads the shared go outputs in place', () => {
    const a = shared('github-action-benchmark/go_output.txt');
    const names = parseImport(a.text, a.file).run.benchmarks.map((b) => b.name);
    expect(names).toEqual([
      'BenchmarkFib10-8',
      'BenchmarkFib20',
      'BenchmarkFib/my_tabled_benchmark_-_10-8',
      'BenchmarkFib/my_tabled_benchmark_-_20',
      'BenchmarkFib/my/tabled/benchmark_-_20',
      'BenchmarkFib/my/tabled/benchmark_-_20,var1=13,var2=14',
      'BenchmarkFib11-16',
      'BenchmarkFib22-16',
    ]);
    const fiber = shared('github-action-benchmark/go_fiber_duplicate_names_output.txt');
    const run = parseImport(fiber.text, fiber.file).run;
    // Same names in two packages stay two benchmarks, one per package.
    expect(run.benchmarks.filter((b) => b.name === 'BenchmarkAppendMsgitem-4').map((b) => [b.suite, b.value])).toEqual([
      ['github.com/gofiber/fiber/v3/middleware/cache', 55.76],
      ['github.com/gofiber/fiber/v3/middleware/csrf', 0.3733],
    ]);
    for (const path of [
      'bencher/go_bench__five.txt',
      'bencher/go_bench__three.txt',
      'github-action-benchmark/go_fiber_output.txt',
      'github-action-benchmark/go_single_package_output.txt',
    ]) {
      const f = shared(path);
      expect(parseImport(f.text, f.file).run.benchmarks.length).toBeGreaterThan(0);
    }
  });
});

describe('go test -json importer', () => {
  it('rebuilds result lines split across events and keeps -count samples', () => {
    const { file, text } = fixture('go', 'json.jsonl');
    const { run, format } = parseImport(text, file);
    expect(format).toBe('go-json');
    expect(run.benchmarks.map((b) => [b.id, b.stats.n])).toEqual([
      ['example.com/fib/BenchmarkFib10-2', 2],
      ['example.com/fib/BenchmarkFibTable/n=5-2', 2],
      ['example.com/fib/BenchmarkFibTable/n=15-2', 2],
      ['example.com/fib/BenchmarkJoin-2', 2],
      ['example.com/fib/BenchmarkHostile/<b>@octocat|*x*</b>-2', 2],
    ]);
    expect(run.benchmarks[0]?.samples).toEqual([392.2, 396.6]);
    expect(run.benchmarks[3]?.metrics?.['MB/s']?.samples).toEqual([68.27e6, 45.37e6]);
  });

  it('names the line of a broken event', () => {
    const { file, text } = fixture('go', 'json.jsonl');
    const lines = text.split('\n');
    lines[6] = lines[6]!.slice(0, 30);
    expect(() => parseImport(lines.join('\n'), file)).toThrow(/json\.jsonl:7: expected one JSON event per line/);
  });
});
