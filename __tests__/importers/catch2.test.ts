import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/importers/index.js';
import { fixture, hasShared, shared } from './fixtures.js';

const HOSTILE = '<b>@octocat | *x* & "quoted"</b>';
const LONG = 'a very long benchmark name that does not fit into the name column of the console table';

describe('Catch2 console importer', () => {
  it('reads the mean of each benchmark with its test case as the group', () => {
    const { file, text } = fixture('catch2', 'console.txt');
    const { run, format } = parseImport(text, file);
    expect(format).toBe('catch2');
    expect(run.benchmarks.map((b) => [b.id, b.unit, b.value])).toEqual([
      ['Fibonacci/Fibonacci 10', 'ns', 103.579],
      ['Fibonacci/Fibonacci 20', 'ns', 21676.7],
      [`Hostile & long names/${HOSTILE}`, 'ns', 10.1626],
      [`Hostile & long names/${LONG}`, 'ns', 49.4005],
    ]);
  });

  it('reads --benchmark-no-analysis tables', () => {
    const { file, text } = fixture('catch2', 'console-noanalysis.txt');
    expect(parseImport(text, file).run.benchmarks.map((b) => [b.name, b.value])).toEqual([
      ['Fibonacci 10', 70.3399],
      ['Fibonacci 20', 14758.7],
      [HOSTILE, 14.9566],
      [LONG, 27.3043],
    ]);
  });

  it('names the line of a missing mean line', () => {
    const text = 'benchmark name  samples  iterations  estimated\n' + '-'.repeat(40) + '\nFib 10   100   208   7.1 ms\n\n';
    expect(() => parseImport(text, 'c.txt')).toThrow(/c\.txt:4: benchmark "Fib 10": expected the "mean {2}low mean {2}high mean" line/);
  });

  it.skipIf(!hasShared)('reads the shared v2 and v3 console outputs in place', () => {
    for (const path of [
      'github-action-benchmark/catch2_output_v2.txt',
      'github-action-benchmark/catch2_output_v3.txt',
      'bencher/cpp_catch2__four.txt',
    ]) {
      const f = shared(path);
      expect(parseImport(f.text, f.file).run.benchmarks.map((b) => [b.id, b.value])).toEqual([
        ['Fibonacci/Fibonacci 10', 344],
        ['Fibonacci/Fibonacci 20', 41731],
        ['More Fibonacci/Fibonacci~ 5!', 36],
        ['More Fibonacci/Fibonacci-15_bench', 3789],
      ]);
    }
    const issue = shared('bencher/cpp_catch2__issue_351.txt');
    const ids = parseImport(issue.text, issue.file).run.benchmarks.map((b) => b.id);
    // A test case with sections, and a long name wrapped onto the mean line (Catch2 v2.11).
    expect(ids[0]).toBe('Unit_assignment/Fibonacci 10');
    expect(ids[4]).toBe('Even More Fibonacci/Fibonacci 10 with a long name');
    const two = shared('bencher/cpp_catch2__two.txt');
    expect(parseImport(two.text, two.file).run.benchmarks.map((b) => b.value)).toEqual([0, 1]);
  });
});

describe('Catch2 XML importer', () => {
  it('reads the mean in ns and decodes names exactly', () => {
    const { file, text } = fixture('catch2', 'xml.xml');
    const { run, format } = parseImport(text, file);
    expect(format).toBe('catch2-xml');
    expect(run.benchmarks.map((b) => [b.suite, b.name, b.value])).toEqual([
      ['Fibonacci', 'Fibonacci 10', 554.892],
      ['Fibonacci', 'Fibonacci 20', 11063.4],
      ['Hostile & long names', HOSTILE, 9.25445],
      ['Hostile & long names', LONG, 53.2153],
    ]);
  });

  it('names the line of a benchmark without a mean', () => {
    const text =
      '<?xml version="1.0"?>\n<Catch2TestRun>\n<TestCase name="t">\n<BenchmarkResults name="b">\n<mean value="oops"/>\n</BenchmarkResults>\n</TestCase>\n</Catch2TestRun>\n';
    expect(() => parseImport(text, 'c.xml')).toThrow(/c\.xml:5: benchmark "b": expected <mean value="NANOSECONDS"\/>, got "oops"/);
  });
});
