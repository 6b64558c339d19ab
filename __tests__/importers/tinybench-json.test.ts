import { Bench } from 'tinybench';
import { describe, expect, it } from 'vitest';
import { tinybenchImporter } from '../../src/importers/tinybench-json.js';
import { fixture } from './fixtures.js';
import { fuzzImporter, parseError, parseOk, parseText } from './import-checks.js';

interface RawTask {
  name: string;
  result: { state: string; latency?: { p50: number; samples?: number[] }; throughput?: { p50: number } };
}

describe('tinybench importer', () => {
  it('reads saved task results: median latency in ns, throughput metric, errored task left out', () => {
    const { file, text } = fixture('tinybench', 'tasks.json');
    const raw = JSON.parse(text) as RawTask[];
    const out = parseOk(tinybenchImporter, text, file);
    expect(out.map((b) => b.name)).toEqual(['fib(10)', 'fib 15 | <b>@here</b>']);
    out.forEach((b, i) => {
      const r = raw[i] as RawTask;
      expect(b).toMatchObject({ unit: 'ns', direction: 'smaller' });
      expect(b.value).toBeCloseTo((r.result.latency?.p50 as number) * 1e6, 6);
      expect(b.samples).toBeUndefined();
      expect(b.metrics?.throughput).toMatchObject({ unit: 'ops/s', direction: 'bigger', value: r.result.throughput?.p50 });
    });
    expect(raw[2]?.result.state).toBe('errored');
  });

  it('keeps retained latency samples in ns', () => {
    const { file, text } = fixture('tinybench', 'tasks-samples.json');
    const raw = JSON.parse(text) as RawTask[];
    const out = parseOk(tinybenchImporter, text, file);
    expect(out.map((b) => [b.name, b.samples?.length])).toEqual([
      ['fib(22)', raw[0]?.result.latency?.samples?.length],
      ['fib 15 | <b>@here</b>', raw[1]?.result.latency?.samples?.length],
    ]);
    expect(out[0]?.samples?.length).toBeGreaterThanOrEqual(12);
    expect(out[0]?.samples?.[0]).toBeCloseTo((raw[0]?.result.latency?.samples?.[0] as number) * 1e6, 6);
  });

  it('converts ms to ns exactly in decimal (0.00803 ms is 8030 ns, not 8030.000000000001)', () => {
    const raw = JSON.parse(fixture('tinybench', 'tasks-samples.json').text) as RawTask[];
    const latency = raw[0]!.result.latency as { p50: number; samples: number[] };
    latency.p50 = 0.00803;
    latency.samples = [0.00803, 0.01595];
    const [b] = parseOk(tinybenchImporter, JSON.stringify(raw));
    expect(b?.value).toBe(8030);
    expect(b?.samples).toEqual([8030, 15950]);
  });

  it('reads bench.table() rows (ns and ops/s strings with margins)', () => {
    const { file, text } = fixture('tinybench', 'table.json');
    const rows = JSON.parse(text) as Array<Record<string, string>>;
    const out = parseOk(tinybenchImporter, text, file);
    expect(out.map((b) => b.name)).toEqual(['fib(10)', 'fib 15 | <b>@here</b>']);
    expect(out[0]?.value).toBe(Number(rows[0]?.['Latency med (ns)']?.split(' ')[0]));
    expect(out[1]?.metrics?.throughput?.value).toBe(Number(rows[1]?.['Throughput med (ops/s)']?.split(' ')[0]));
  });

  it('reads what the installed tinybench writes now', async () => {
    const bench = new Bench({ time: 5, iterations: 8, retainSamples: true });
    bench.add('sum | @team', () => [1, 2, 3].reduce((a, b) => a + b, 0));
    await bench.run();
    const saved = JSON.stringify(bench.tasks.map((t) => ({ name: t.name, result: t.result })));
    const [b] = parseOk(tinybenchImporter, saved);
    expect(b).toMatchObject({ name: 'sum | @team', unit: 'ns', direction: 'smaller' });
    expect(b?.samples?.length).toBe(bench.tasks[0]?.result.state === 'completed' ? bench.tasks[0].result.latency.samplesCount : -1);
    const [row] = parseOk(tinybenchImporter, JSON.stringify(bench.table()));
    expect(row?.name).toBe('sum | @team');
  });

  it('returns null for other JSON; names the JSON path of a broken entry', () => {
    expect(parseText(tinybenchImporter, '[{"name":"a","unit":"ms","value":1,"direction":"smaller"}]', 'c.json')).toBeNull();
    expect(parseText(tinybenchImporter, '{"results":[]}', 'h.json')).toBeNull();
    const raw = JSON.parse(fixture('tinybench', 'tasks.json').text) as RawTask[];
    delete raw[1]?.result.throughput;
    expect(parseError(tinybenchImporter, JSON.stringify(raw), 't.json').location).toBe('$[1].result.throughput');
    const rows = JSON.parse(fixture('tinybench', 'table.json').text) as Array<Record<string, string>>;
    (rows[0] as Record<string, string>)['Latency med (ns)'] = 'fast';
    expect(parseError(tinybenchImporter, JSON.stringify(rows), 't.json').location).toBe('$[0]["Latency med (ns)"]');
    const onlyErrored = JSON.stringify([{ name: 'x', result: { state: 'errored', error: {} } }]);
    expect(parseError(tinybenchImporter, onlyErrored, 'e.json').message).toContain('at least one tinybench benchmark');
  });

  it('fails cleanly on mutated and random input', () => {
    fuzzImporter(tinybenchImporter, fixture('tinybench', 'tasks.json').text);
    fuzzImporter(tinybenchImporter, fixture('tinybench', 'table.json').text, 500);
  });
});
