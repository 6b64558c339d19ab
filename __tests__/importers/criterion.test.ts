import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/importers/index.js';
import { fixture, hasShared, shared } from './fixtures.js';

describe('criterion importer', () => {
  it('reads the console report: estimates in ns, long names on their own line, throughput', () => {
    const { file, text } = fixture('criterion', 'console.txt');
    const { run, format } = parseImport(text, file);
    expect(format).toBe('criterion');
    expect(run.benchmarks.map((b) => [b.id, b.value])).toEqual([
      ['criterion/fib 10', 385.91],
      ['criterion/copy/4096 bytes', 8063.7],
      ['criterion/a rather long benchmark name that wraps the console column', 45.34],
    ]);
    expect(run.benchmarks[1]?.metrics?.throughput).toMatchObject({ unit: 'B/s', direction: 'bigger', value: 484.42 * 1024 ** 2 });
  });

  it("reads --output-format bencher text when forced, and detects it by criterion's banner", () => {
    const { file, text } = fixture('criterion', 'bencher.txt');
    const { run, format } = parseImport(text, file);
    expect(format).toBe('criterion');
    expect(run.benchmarks.map((b) => [b.name, b.value])).toEqual([
      ['fib 10', 216],
      ['copy/4096 bytes', 3064],
      ['a rather long benchmark name that wraps the console column', 47],
    ]);
  });

  it('reads raw samples from sample.json and the slope from estimates.json, named by their directory', () => {
    const sample = fixture('criterion', 'target/criterion/copy/4096 bytes/new/sample.json');
    const raw = JSON.parse(sample.text) as { iters: number[]; times: number[] };
    const b = parseImport(sample.text, sample.file).run.benchmarks[0];
    expect(b?.name).toBe('copy/4096 bytes');
    expect(b?.samples).toEqual(raw.times.map((t, i) => t / (raw.iters[i] as number)));
    expect(b?.stats.n).toBe(10);
    const est = fixture('criterion', 'target/criterion/fib 10/new/estimates.json');
    const slope = (JSON.parse(est.text) as { slope: { point_estimate: number } }).slope.point_estimate;
    expect(parseImport(est.text, est.file).run.benchmarks[0]).toMatchObject({ name: 'fib 10', value: slope, unit: 'ns' });
  });

  it('names the JSON path of a broken estimates file', () => {
    const text = JSON.stringify({ mean: { point_estimate: 'x' }, median: {}, std_dev: {} });
    expect(() => parseImport(text, 'target/criterion/a/new/estimates.json')).toThrow(/\$\.mean\.point_estimate: expected a finite number/);
  });

  it.skipIf(!hasShared)('reads the shared criterion outputs in place', () => {
    const many = shared('bencher/rust_criterion__many.txt');
    const run = parseImport(many.text, many.file).run;
    expect(run.benchmarks[0]).toMatchObject({ name: 'file', value: 0.3239 });
    const dog = shared('bencher/rust_criterion__dogfood.txt');
    expect(
      parseImport(dog.text, dog.file)
        .run.benchmarks.slice(0, 2)
        .map((b) => [b.name, b.value]),
    ).toEqual([
      ['Adapter::Magic (JSON)', 3463.2],
      ['Adapter::Json', 3479.6],
    ]);
    const bencher = shared('github-action-benchmark/criterion_output.txt');
    expect(parseImport(bencher.text, bencher.file).run.benchmarks.map((b) => [b.name, b.value])).toEqual([
      ['Create Realm', 329],
      ['Symbols (Execution)', 3268],
      ['For loop (Execution)', 12314],
      ['Fibonacci (Execution)', 1672496],
    ]);
    const failed = shared('bencher/rust_criterion__failed.txt');
    expect(parseImport(failed.text, failed.file).run.benchmarks.length).toBeGreaterThan(1);
  });
});
