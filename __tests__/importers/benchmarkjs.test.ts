import { describe, expect, it } from 'vitest';
import { benchmarkjsImporter } from '../../src/importers/benchmarkjs.js';
import { fixture, hasShared, shared } from './fixtures.js';
import { fuzzImporter, parseError, parseOk, parseText } from './import-checks.js';

describe('benchmark.js importer', () => {
  it('reads real benchmark.js 2.1.4 lines: names exactly as printed, ops/s bigger is better', () => {
    const { file, text } = fixture('benchmarkjs', 'three-hostile-name.txt');
    expect(parseOk(benchmarkjsImporter, text, file)).toEqual([
      { name: 'fib(10)', unit: 'ops/s', direction: 'bigger', value: 1189757 },
      { name: 'fib(20) x 2 | <img src=x onerror=alert(1)> @octocat', unit: 'ops/s', direction: 'bigger', value: 11056 },
      { name: 'RegExp#test', unit: 'ops/s', direction: 'bigger', value: 39503802 },
    ]);
  });

  it.skipIf(!hasShared)('reads published outputs, skipping unrelated lines', () => {
    const out = parseOk(benchmarkjsImporter, shared('bencher/js_benchmark__four.txt').text);
    expect(out.map((b) => [b.name, b.value])).toEqual([
      ['fib(10)', 1431759],
      ['fib(20)', 12146],
      ['benchmark with x 2 many things', 50],
      ['createObjectBuffer with 200 comments', 81.61],
    ]);
    expect(parseOk(benchmarkjsImporter, shared('bencher/js_benchmark__issue_506.txt').text)).toHaveLength(6);
  });

  it('makes repeated lines of one benchmark samples of one benchmark', () => {
    const text =
      'a x 10 ops/sec ±1.00% (5 runs sampled)\nb x 1 ops/sec ±1.00% (5 runs sampled)\na x 12.5 ops/sec ±2.00% (5 runs sampled)\n';
    const out = parseOk(benchmarkjsImporter, text);
    expect(out[0]).toMatchObject({ name: 'a', samples: [10, 12.5] });
    expect(out[1]?.samples).toBeUndefined();
  });

  it('returns null without result lines and names the line of a broken one', () => {
    expect(parseText(benchmarkjsImporter, 'hello\nworld\n', 't.txt')).toBeNull();
    expect(parseText(benchmarkjsImporter, 'speed: 10 ops/sec\n', 't.txt')).toBeNull();
    const err = parseError(benchmarkjsImporter, 'a x 10 ops/sec ±1.00% (5 runs sampled)\nb x 1,0 ops/sec ±\n', 'b.txt');
    expect(err.location).toBe(2);
  });

  it('fails cleanly on mutated and random input', () => {
    fuzzImporter(benchmarkjsImporter, fixture('benchmarkjs', 'three-hostile-name.txt').text);
  });
});
