import { describe, expect, it } from 'vitest';
import { pytestImporter } from '../../src/importers/pytest.js';
import { fixture, hasShared, shared } from './fixtures.js';
import { fuzzImporter, parseError, parseOk, parseText } from './import-checks.js';

interface RawBench {
  name: string;
  stats: { median: number; ops: number; rounds: number; data: number[] };
}

describe('pytest-benchmark importer', () => {
  it('reads every round of a real --benchmark-json file as samples in ns', () => {
    const { file, text } = fixture('pytest', 'fib-labels-data.json');
    const raw = (JSON.parse(text) as { benchmarks: RawBench[] }).benchmarks;
    const out = parseOk(pytestImporter, text, file);
    expect(out.map((b) => b.name)).toEqual(['test_fib_10', 'test_label[a|b]', 'test_label[<b>@here</b>]', 'test_sleepy']);
    expect(out.map((b) => b.group)).toEqual(['test_fib.py', 'labels', 'labels', 'test_fib.py']);
    out.forEach((b, i) => {
      const r = raw[i] as RawBench;
      expect(b).toMatchObject({ unit: 'ns', direction: 'smaller' });
      expect(b.value).toBeCloseTo(r.stats.median * 1e9, 6);
      expect(b.samples).toHaveLength(r.stats.rounds);
      expect(b.samples?.[0]).toBeCloseTo((r.stats.data[0] as number) * 1e9, 6);
      expect(b.metrics?.ops).toMatchObject({ unit: 'ops/s', direction: 'bigger', value: r.stats.ops });
    });
    // pedantic(rounds=7, iterations=3): seven rounds, each already per iteration.
    expect(out[3]?.samples).toHaveLength(7);
  });

  it.skipIf(!hasShared)('reads published files whose data was elided, falling back to the median', () => {
    const { file, text } = shared('bencher/python_pytest__four.json');
    const out = parseOk(pytestImporter, text, file);
    expect(out.map((b) => [b.name, b.samples?.length ?? 0])).toEqual([
      ['test_fib_1', 0],
      ['test_fib_10', 0],
      ['test_fib_20', 0],
      ['test_sleep_2', 5],
    ]);
    expect(out[0]?.value).toBeCloseTo(143.76, 6);
    expect(out[3]?.value).toBeCloseTo(2.005124842999999e9, 3);
    expect(parseOk(pytestImporter, shared('github-action-benchmark/pytest_output.json').text)).toHaveLength(2);
  });

  it('returns null for other JSON and other text', () => {
    expect(parseText(pytestImporter, '{"results":[]}', 'h.json')).toBeNull();
    expect(parseText(pytestImporter, 'BenchmarkX 10 20 ns/op', 'go.txt')).toBeNull();
    expect(parseText(pytestImporter, '', 'empty')).toBeNull();
  });

  it('names the file, JSON path and what was expected when the file is broken', () => {
    const { text } = fixture('pytest', 'fib-labels-data.json');
    const doc = JSON.parse(text) as { benchmarks: RawBench[] };
    (doc.benchmarks[1] as unknown as { stats: Record<string, unknown> }).stats.median = 'fast';
    const err = parseError(pytestImporter, JSON.stringify(doc), 'out.json');
    expect(err.location).toBe('$.benchmarks[1].stats.median');
    expect(err.message).toContain('expected a finite number');

    const cut = parseError(pytestImporter, text.slice(0, Math.floor(text.length / 2)), 'cut.json');
    expect(typeof cut.location).toBe('number');
    expect(cut.message).toContain('not valid JSON');

    const empty = parseError(pytestImporter, JSON.stringify({ ...doc, benchmarks: [] }), 'none.json');
    expect(empty.location).toBe('$.benchmarks');
  });

  it('fails cleanly on mutated and random input', () => {
    fuzzImporter(pytestImporter, fixture('pytest', 'fib-labels-data.json').text.slice(0, 6000));
  });
});
