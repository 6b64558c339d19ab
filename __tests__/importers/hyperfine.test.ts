import { describe, expect, it } from 'vitest';
import { parseText } from './import-checks.js';
import { parseImport } from '../../src/importers/index.js';
import { hyperfine } from '../../src/importers/hyperfine.js';
import { ImportError } from '../../src/model/errors.js';
import { fixture, hasShared, shared } from './fixtures.js';

interface HyperfineResult {
  command: string;
  times: number[];
  user: number;
  system: number;
}

describe('hyperfine importer', () => {
  it('reads every command with its raw times as ns samples and CPU times as metrics', () => {
    const { file, text } = fixture('hyperfine', 'two.json');
    const raw = JSON.parse(text) as { results: HyperfineResult[] };
    const { run, format } = parseImport(text, file);
    expect(format).toBe('hyperfine');
    expect(run.benchmarks.map((b) => b.id)).toEqual(['hyperfine/sleep 0.01', 'hyperfine/sleep 0.02']);
    run.benchmarks.forEach((b, i) => {
      const r = raw.results[i] as HyperfineResult;
      expect(b).toMatchObject({ unit: 'ns', direction: 'smaller' });
      expect(b.samples).toEqual(r.times.map((t) => t * 1e9));
      expect(b.stats.n).toBe(5);
      expect(b.metrics?.cpuUser?.value).toBeCloseTo(r.user * 1e9, 3);
      expect(b.metrics?.cpuSystem).toMatchObject({ unit: 'ns', direction: 'smaller' });
    });
    // sleep 0.02 really takes about twice as long as sleep 0.01.
    expect((run.benchmarks[1]?.value ?? 0) / (run.benchmarks[0]?.value ?? 1)).toBeGreaterThan(1.5);
  });

  it('keeps a hostile command name exactly as written', () => {
    const { file, text } = fixture('hyperfine', 'named.json');
    const { run } = parseImport(text, file);
    expect(run.benchmarks[0]?.name).toBe('<b>@octocat | *bold*</b>');
    expect(run.benchmarks[0]?.samples).toHaveLength(3);
  });

  it('reads a parameter scan as one benchmark per parameter value', () => {
    const { file, text } = fixture('hyperfine', 'params.json');
    const { run } = parseImport(text, file, { suite: 'sleep' });
    expect(run.benchmarks.map((b) => b.id)).toEqual(['sleep/sleep 0.001', 'sleep/sleep 0.002']);
  });

  it('falls back to the median when an export has no times', () => {
    const text = JSON.stringify({ results: [{ command: 'x', mean: 2, median: 1.5 }] });
    const { run } = parseImport(text, 'old.json');
    expect(run.benchmarks[0]).toMatchObject({ value: 1.5e9, stats: { n: 1 } });
    expect(run.benchmarks[0]?.samples).toBeUndefined();
  });

  it('turns failed runs let through by --ignore-failure into a success rate', () => {
    const text = JSON.stringify({ results: [{ command: 'x', times: [1, 2, 3, 4], exit_codes: [0, 1, 0, 0] }] });
    expect(parseImport(text, 'f.json').run.benchmarks[0]?.metrics?.successRate?.value).toBe(0.75);
  });

  it('names the JSON path of a broken value', () => {
    const text = JSON.stringify({ results: [{ command: 'x', times: [0.1, 'oops'] }] });
    expect(() => parseImport(text, 'bad.json')).toThrow(/bad\.json: \$\.results\[0\]\.times\[1\]: expected a finite number/);
    try {
      parseImport(text, 'bad.json');
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).location).toBe('$.results[0].times[1]');
    }
  });

  it('claims only hyperfine JSON', () => {
    expect(parseText(hyperfine, '{"benchmarks": []}', 'g.json')).toBeNull();
    expect(parseText(hyperfine, 'test x ... bench: 1 ns/iter (+/- 0)', 'c.txt')).toBeNull();
  });

  it.skipIf(!hasShared)('reads the shared bencher hyperfine outputs in place', () => {
    const one = shared('bencher/shell_hyperfine__one.json');
    const two = shared('bencher/shell_hyperfine__two.json');
    const a = parseImport(one.text, one.file).run.benchmarks;
    const b = parseImport(two.text, two.file).run.benchmarks;
    expect(a.length).toBe(1);
    expect(b.map((x) => [x.name, x.stats.n])).toEqual([
      ['sleep 0.1', 27],
      ['sleep 0.2', 13],
    ]);
    expect(b[0]?.value).toBeCloseTo(0.10652535172 * 1e9, 0);
  });
});
