import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/importers/index.js';
import { fixture, hasShared, shared } from './fixtures.js';

describe('cargo bench (libtest) importer', () => {
  it('reads ns/iter lines with thousands separators and the MB/s throughput', () => {
    const { file, text } = fixture('cargo', 'bench.txt');
    const { run, format } = parseImport(text, file);
    expect(format).toBe('cargo');
    expect(run.benchmarks.map((b) => [b.id, b.unit, b.direction, b.value])).toEqual([
      ['cargo/tests::bench_copy_bytes', 'ns', 'smaller', 92.02],
      ['cargo/tests::bench_fib_10', 'ns', 'smaller', 1103.97],
      ['cargo/tests::bench_fib_20', 'ns', 'smaller', 212892.97],
    ]);
    expect(run.benchmarks[0]?.metrics?.throughput).toMatchObject({ unit: 'B/s', direction: 'bigger', value: 44521e6 });
  });

  it('turns repeated lines into samples and converts other time units', () => {
    const text = 'test a ... bench: 1 μs/iter (+/- 1)\ntest a ... bench: 3 µs/iter (+/- 1)\ntest b ... bench: 2 ms/iter (+/- 0)\n';
    const { run } = parseImport(text, 'r.txt', { format: 'cargo' });
    expect(run.benchmarks.map((b) => [b.name, b.samples ?? b.value])).toEqual([
      ['a', [1000, 3000]],
      ['b', 2e6],
    ]);
  });

  it('names the line of a broken bench line, and zero benchmarks is an error', () => {
    expect(() => parseImport('running 1 test\ntest a ... bench: 1x ns/iter (+/- 1)\n', 'r.txt')).toThrow(
      /r\.txt:2: benchmark "a": expected a number, got "1x"/,
    );
    expect(() => parseImport('running 1 test\ntest a ... bench: what\n', 'r.txt')).toThrow(/r\.txt:2: expected "test NAME \.\.\. bench:/);
  });

  it.skipIf(!hasShared)('reads the shared libtest outputs in place', () => {
    const units = shared('github-action-benchmark/cargo_output_units.txt');
    expect(parseImport(units.text, units.file).run.benchmarks.map((b) => [b.name, b.unit, b.direction, b.value])).toEqual([
      ['cmov', 'cycles/iter', 'smaller', 2835],
      ['cmov2', 'cycles/iter', 'smaller', 2845],
      ['mov', 'cycles/iter', 'smaller', 1508],
      ['upload', 'MS/s', 'bigger', 1911],
      ['download', 'MS/s', 'bigger', 9001],
    ]);
    const many = shared('bencher/rust_bench__many.txt');
    expect(parseImport(many.text, many.file).run.benchmarks.map((b) => [b.name, b.value])).toEqual([
      ['tests::benchmark', 3161],
      ['tests::other_benchmark', 3161],
      ['tests::last_benchmark', 3161],
      ['tests::one_digit', 1000],
      ['tests::two_digit', 22e6],
      ['tests::three_digit', 333e9],
    ]);
    const failed = shared('bencher/rust_bench__failed.txt');
    expect(parseImport(failed.text, failed.file).run.benchmarks.map((b) => b.name)).toEqual(['tests::benchmark_a', 'tests::benchmark_c']);
    const zero = shared('bencher/rust_bench__zero.txt');
    expect(() => parseImport(zero.text, zero.file)).toThrow(/no benchmarks found in cargo output/);
    for (const path of [
      'github-action-benchmark/cargo_output.txt',
      'github-action-benchmark/cargo_output2.txt',
      'github-action-benchmark/cargo_output3.txt',
      'bencher/rust_bench__issue_390.txt',
      'bencher/rust_bench__multi_target.txt',
      'bencher/rust_bench__one.txt',
      'bencher/rust_bench__ignore.txt',
    ]) {
      const f = shared(path);
      expect(parseImport(f.text, f.file).format).toBe('cargo');
    }
  });
});
