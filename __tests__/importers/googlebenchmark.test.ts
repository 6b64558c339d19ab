import { describe, expect, it } from 'vitest';
import { parseText } from './import-checks.js';
import { googlebenchmark } from '../../src/importers/googlebenchmark.js';
import { parseImport } from '../../src/importers/index.js';
import { fixture, hasShared, shared } from './fixtures.js';

interface Row {
  name: string;
  run_name: string;
  run_type: string;
  aggregate_name?: string;
  real_time: number;
  cpu_time: number;
  time_unit: string;
}

const rowsOf = (text: string): Row[] => (JSON.parse(text) as { benchmarks: Row[] }).benchmarks;
const NS: Record<string, number> = { ns: 1, us: 1e3, ms: 1e6 };

describe('Google Benchmark importer', () => {
  it('reads single runs with their time units converted to ns', () => {
    const { file, text } = fixture('googlebenchmark', 'plain.json');
    const { run, format } = parseImport(text, file);
    expect(format).toBe('googlebenchmark');
    expect(run.benchmarks.map((b) => b.name)).toEqual(['BM_fib/10', 'BM_fib/20', 'BM_copy/4096', 'BM_slow', '<b>@octocat | fib</b>/5']);
    for (const row of rowsOf(text)) {
      const b = run.benchmarks.find((x) => x.name === row.run_name);
      expect(b).toMatchObject({ unit: 'ns', direction: 'smaller', value: row.real_time * (NS[row.time_unit] ?? NaN) });
      expect(b?.metrics?.cpuTime?.value).toBe(row.cpu_time * (NS[row.time_unit] ?? NaN));
      expect(b?.stats.n).toBe(1);
    }
    // fib(20) does about 100x the work of fib(10).
    expect((run.benchmarks[1]?.value ?? 0) / (run.benchmarks[0]?.value ?? 1)).toBeGreaterThan(20);
  });

  it('reads built-in and custom counters with a direction each', () => {
    const { file, text } = fixture('googlebenchmark', 'plain.json');
    const copy = parseImport(text, file).run.benchmarks.find((b) => b.name === 'BM_copy/4096');
    expect(copy?.metrics?.bytes_per_second).toMatchObject({ unit: 'B/s', direction: 'bigger' });
    expect(copy?.metrics?.items_per_second).toMatchObject({ unit: 'items/s', direction: 'bigger' });
    expect(copy?.metrics?.comparisons).toMatchObject({ unit: 'count', direction: 'smaller', value: 42 });
    expect(copy?.metrics?.rate).toMatchObject({ direction: 'bigger' });
  });

  it('keeps repetitions as raw samples and ignores the aggregate rows', () => {
    const { file, text } = fixture('googlebenchmark', 'reps.json');
    const { run } = parseImport(text, file);
    expect(run.benchmarks).toHaveLength(5);
    const rows = rowsOf(text).filter((r) => r.run_type === 'iteration' && r.run_name === 'BM_fib/20');
    const b = run.benchmarks.find((x) => x.name === 'BM_fib/20');
    expect(b?.samples).toEqual(rows.map((r) => r.real_time));
    expect(b?.stats.n).toBe(3);
    expect(b?.metrics?.cpuTime?.samples).toHaveLength(3);
  });

  it('uses the median aggregate when only aggregates were reported', () => {
    const { file, text } = fixture('googlebenchmark', 'aggregates.json');
    const { run } = parseImport(text, file);
    expect(run.benchmarks).toHaveLength(5);
    const median = rowsOf(text).find((r) => r.name === 'BM_slow_median') as Row;
    const b = run.benchmarks.find((x) => x.name === 'BM_slow');
    expect(b?.value).toBe(median.real_time * 1e6);
    expect(b?.samples).toBeUndefined();
  });

  it('skips benchmarks that reported an error, and names a bad time unit', () => {
    const doc = {
      context: { executable: './b' },
      benchmarks: [
        {
          name: 'bad',
          run_name: 'bad',
          run_type: 'iteration',
          error_occurred: true,
          error_message: 'x',
          real_time: 0,
          cpu_time: 0,
          time_unit: 'ns',
        },
        { name: 'ok', run_name: 'ok', run_type: 'iteration', real_time: 3, cpu_time: 2, time_unit: 'weeks' },
      ],
    };
    expect(() => parseImport(JSON.stringify(doc), 'g.json')).toThrow(/\$\.benchmarks\[1\]\.time_unit: expected "ns", "us", "ms" or "s"/);
    doc.benchmarks[1]!.time_unit = 'us';
    expect(parseImport(JSON.stringify(doc), 'g.json').run.benchmarks.map((b) => [b.name, b.value])).toEqual([['ok', 3000]]);
  });

  it('claims only Google Benchmark JSON', () => {
    expect(parseText(googlebenchmark, '{"results": [{"command": "x"}]}', 'h.json')).toBeNull();
    expect(parseText(googlebenchmark, '{"benchmarks": [{"name": "x", "stats": {}}], "machine_info": {}}', 'p.json')).toBeNull();
  });

  it.skipIf(!hasShared)('reads the shared Google Benchmark outputs in place', () => {
    for (const path of ['github-action-benchmark/googlecpp_output.json', 'bencher/cpp_google__two.txt']) {
      const { file, text } = shared(path);
      const { run, format } = parseImport(text, file);
      expect(format).toBe('googlebenchmark');
      expect(run.benchmarks.map((b) => [b.name, b.value])).toEqual([
        ['fib_10', 2.1498980114547953e2],
        ['fib_20', 2.7455600415007055e4],
      ]);
    }
  });
});
