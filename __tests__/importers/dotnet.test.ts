import { describe, expect, it } from 'vitest';
import { dotnetImporter } from '../../src/importers/dotnet.js';
import { hasShared, shared } from './fixtures.js';
import { fuzzImporter, parseError, parseOk, parseText } from './import-checks.js';

// BenchmarkDotNet cannot run here (no .NET SDK): its real outputs come from ../shared/fixtures.
describe.skipIf(!hasShared)('BenchmarkDotNet importer', () => {
  it('keeps Statistics.OriginalValues as samples in ns per operation', () => {
    const { file, text } = shared('github-action-benchmark/benchmarkdotnet.json');
    const out = parseOk(dotnetImporter, text, file);
    expect(out.map((b) => [b.group, b.name, b.samples?.length])).toEqual([
      ['Sample.Benchmarks', 'Fib10', 14],
      ['Sample.Benchmarks', 'Fib20', 13],
    ]);
    expect(out[0]).toMatchObject({ unit: 'ns', direction: 'smaller', value: 24.419498533010483 });
    expect(out[0]?.samples?.[0]).toBe(24.805462032556534);
  });

  it('reads the memory diagnoser as the allocated metric and GC counts as metrics', () => {
    const { file, text } = shared('bencher/c_sharp_dot_net__memory.json');
    const [empty, exact] = parseOk(dotnetImporter, text, file);
    expect([empty?.group, empty?.name]).toEqual(['BenchmarkDotNet.Samples.Memory', 'AllocEmptyList']);
    expect(empty?.samples).toEqual([76.35858058929443, 77.41812467575073, 78.70677709579468]);
    expect(empty?.metrics?.allocated).toMatchObject({ unit: 'B', direction: 'smaller', value: 368 });
    expect(exact?.metrics?.allocated?.value).toBe(184);
    expect(empty?.metrics?.Gen0Collects).toMatchObject({ unit: 'per 1000 ops', direction: 'smaller', value: 0.02193450927734375 });
  });

  it('uses the Result measurements when OriginalValues are absent', () => {
    const { file, text } = shared('bencher/c_sharp_dot_net__memory.json');
    const doc = JSON.parse(text) as { Benchmarks: Array<{ Statistics: Record<string, unknown>; Measurements: unknown[] }> };
    const first = doc.Benchmarks[0]!;
    delete first.Statistics.OriginalValues;
    const result = first.Measurements.filter(
      (m) =>
        (m as { IterationStage: string; IterationMode: string }).IterationStage === 'Result' &&
        (m as { IterationMode: string }).IterationMode === 'Workload',
    ) as Array<{ Operations: number; Nanoseconds: number }>;
    const [b] = parseOk(dotnetImporter, JSON.stringify(doc), file);
    expect(b?.samples).toEqual(result.map((m) => m.Nanoseconds / m.Operations));
    expect(result).toHaveLength(3);
  });

  it('names a benchmark by its method (and parameters) within Namespace.Type', () => {
    const out = parseOk(dotnetImporter, shared('bencher/c_sharp_dot_net__null_namespace.json').text);
    expect(out.map(({ stats: _stats, ...b }) => b)).toEqual([{ name: 'NullNamespaceMethod', unit: 'ns', direction: 'smaller', value: 0 }]);
    // BenchmarkDotNet's own (partial) statistics travel with it; assembly decides what is kept.
    expect(out[0]?.stats).toEqual({ mean: 0, median: 0, stdev: 0 });
    const two = parseOk(dotnetImporter, shared('bencher/c_sharp_dot_net__two.json').text);
    expect(two.map((b) => [b.group, b.name])).toEqual([
      ['BenchmarkDotNet.Samples.Intro.IntroJsonExport', 'Sleep10'],
      ['BenchmarkDotNet.Samples.Intro.IntroJsonExport', 'Sleep20'],
    ]);
    const params = JSON.stringify({
      HostEnvironmentInfo: {},
      Benchmarks: [
        { FullName: 'App.Bench.Parse(N: 10)', Namespace: 'App', Type: 'Bench', Method: 'Parse', Statistics: { Median: 5 } },
        { Namespace: 'App', Type: 'Bench', Method: 'Parse', Parameters: 'N=20', Statistics: { Median: 7 } },
      ],
    });
    expect(parseOk(dotnetImporter, params).map((b) => [b.group, b.name, b.value])).toEqual([
      ['App.Bench', 'Parse(N: 10)', 5],
      ['App.Bench', 'Parse(N=20)', 7],
    ]);
  });

  it('returns null for other JSON, throws with the JSON path for a broken report', () => {
    expect(parseText(dotnetImporter, '{"benchmarks":[]}', 'x.json')).toBeNull();
    expect(parseText(dotnetImporter, '[1,2]', 'x.json')).toBeNull();
    const { text } = shared('github-action-benchmark/benchmarkdotnet.json');
    const doc = JSON.parse(text) as { Benchmarks: Array<Record<string, unknown>> };
    (doc.Benchmarks[1]!.Statistics as Record<string, unknown>).OriginalValues = [1, 'x'];
    expect(parseError(dotnetImporter, JSON.stringify(doc), 'r.json').location).toBe('$.Benchmarks[1].Statistics.OriginalValues[1]');
    delete doc.Benchmarks[0]!.Statistics;
    expect(parseError(dotnetImporter, JSON.stringify(doc), 'r.json').location).toBe('$.Benchmarks[0].Statistics');
    expect(parseError(dotnetImporter, text.slice(0, 900), 'cut.json').message).toContain('not valid JSON');
  });

  it('fails cleanly on mutated and random input', () => {
    fuzzImporter(dotnetImporter, shared('bencher/c_sharp_dot_net__memory.json').text.slice(0, 5000));
  });
});
