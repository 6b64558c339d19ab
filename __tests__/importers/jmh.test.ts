import { describe, expect, it } from 'vitest';
import { jmhImporter, scaleOf } from '../../src/importers/jmh.js';
import { hasShared, shared } from './fixtures.js';
import { fuzzImporter, parseError, parseOk, parseText } from './import-checks.js';

/**
 * One JMH result in the shape `-rf json` writes (JMH cannot run here: its jars are not in the
 * reachable registries). Used for the latency modes, which the shared real files do not cover.
 */
function jmhResult(mode: string, unit: string, raw: number[][], secondary: Record<string, unknown> = {}): unknown {
  return {
    jmhVersion: '1.37',
    benchmark: 'org.example.Bench.parse',
    mode,
    threads: 1,
    forks: raw.length,
    params: { size: '100' },
    primaryMetric: { score: raw.flat()[0], scoreError: 0.1, scoreUnit: unit, rawData: raw },
    secondaryMetrics: secondary,
  };
}

describe('JMH importer', () => {
  it.skipIf(!hasShared)('reads throughput mode as ops/s, bigger is better, rawData as samples', () => {
    const { file, text } = shared('bencher/java_jmh__six.json');
    const out = parseOk(jmhImporter, text, file);
    expect(out).toHaveLength(6);
    expect(out[0]).toMatchObject({
      name: 'compute_sameKey {computeType=Caffeine}',
      group: 'com.github.caffeine.caffeine.cache.ComputeBenchmark',
      unit: 'ops/s',
      direction: 'bigger',
      value: 152520132.34402195,
    });
    const raw = (JSON.parse(text) as Array<{ primaryMetric: { rawData: number[][] } }>)[0]!.primaryMetric.rawData;
    expect(out[0]?.samples).toEqual(raw.flat());
    const two = parseOk(jmhImporter, shared('github-action-benchmark/jmh_output_2.json').text);
    expect(two[0]?.name).toBe('wellHelloThere {paramA=17, paramB=33}');
  });

  it.skipIf(!hasShared)('decides direction by the score unit: s/op is a time, smaller is better', () => {
    const [b] = parseOk(jmhImporter, shared('bencher/java_jmh__latency.json').text);
    expect(b).toMatchObject({ unit: 'ns', direction: 'smaller', value: 3376238873.1228185 * 1e9 });
  });

  it('reads latency modes (avgt, ss) as ns, smaller is better, across forks', () => {
    for (const mode of ['avgt', 'ss']) {
      const doc = [jmhResult(mode, 'us/op', [[1.5, 1.25], [1.75]])];
      const [b] = parseOk(jmhImporter, JSON.stringify(doc));
      expect(b).toMatchObject({ name: 'parse {size=100}', group: 'org.example.Bench', unit: 'ns', direction: 'smaller', value: 1500 });
      expect(b?.samples).toEqual([1500, 1250, 1750]);
    }
  });

  it('reads sample mode: one sample per iteration, the mean of its rawDataHistogram', () => {
    const result = jmhResult('sample', 'ms/op', []) as { primaryMetric: Record<string, unknown> };
    delete result.primaryMetric.rawData;
    result.primaryMetric.score = 1.2;
    result.primaryMetric.rawDataHistogram = [
      [
        [
          [1, 3],
          [2, 1],
        ],
        [[1.5, 2]],
      ],
      [[[0.5, 1]]],
    ];
    const [b] = parseOk(jmhImporter, JSON.stringify([result]));
    expect(b).toMatchObject({ unit: 'ns', direction: 'smaller', value: 1.2e6 });
    expect(b?.samples).toEqual([1.25e6, 1.5e6, 0.5e6]);
    result.primaryMetric.rawDataHistogram = [[[[1, 0]]]];
    expect(parseError(jmhImporter, JSON.stringify([result]), 'h.json').location).toBe('$[0].primaryMetric.rawDataHistogram[0][0][0]');
  });

  it('leaves out a secondary metric JMH could not measure ("NaN")', () => {
    const doc = [
      jmhResult('avgt', 'ns/op', [[5]], {
        '·gc.alloc.rate': { score: 'NaN', scoreUnit: 'MB/sec', rawData: [['NaN']] },
        '·gc.alloc.rate.norm': { score: 10, scoreUnit: 'B/op', rawData: [['NaN', 10]] },
      }),
    ];
    const [b] = parseOk(jmhImporter, JSON.stringify(doc));
    expect(Object.keys(b?.metrics ?? {})).toEqual(['·gc.alloc.rate.norm']);
    expect(b?.metrics?.['·gc.alloc.rate.norm']).toMatchObject({ value: 10 });
    expect(b?.metrics?.['·gc.alloc.rate.norm']?.samples).toBeUndefined();
  });

  it('keeps secondary metrics such as ·gc.alloc.rate.norm in base units', () => {
    const doc = [
      jmhResult('thrpt', 'ops/ms', [[2]], {
        '·gc.alloc.rate.norm': { score: 48.0, scoreUnit: 'B/op', rawData: [[48.0, 48.0]] },
        '·gc.alloc.rate': { score: 2.0, scoreUnit: 'MB/sec', rawData: [[2.0]] },
        '·gc.count': { score: 3.0, scoreUnit: 'counts' },
      }),
    ];
    const [b] = parseOk(jmhImporter, JSON.stringify(doc));
    expect(b).toMatchObject({ unit: 'ops/s', direction: 'bigger', value: 2000 });
    expect(b?.metrics?.['·gc.alloc.rate.norm']).toMatchObject({ unit: 'B', direction: 'smaller', value: 48, samples: [48, 48] });
    expect(b?.metrics?.['·gc.alloc.rate']).toMatchObject({ unit: 'B/s', value: 2 * 1024 * 1024 });
    expect(b?.metrics?.['·gc.count']).toMatchObject({ unit: 'counts', direction: 'smaller', value: 3 });
  });

  it('converts every JMH time unit', () => {
    expect(scaleOf('ops/us')).toEqual({ unit: 'ops/s', direction: 'bigger', factor: 1e6 });
    expect(scaleOf('ops/min').factor).toBeCloseTo(1 / 60, 12);
    expect(scaleOf('ns/op')).toEqual({ unit: 'ns', direction: 'smaller', factor: 1 });
    expect(scaleOf('ms/op')).toEqual({ unit: 'ns', direction: 'smaller', factor: 1e6 });
  });

  it('returns null for other JSON; names the JSON path of a broken result', () => {
    expect(parseText(jmhImporter, '[{"name":"x","unit":"ms","value":1}]', 'x.json')).toBeNull();
    expect(parseText(jmhImporter, '{"primaryMetric":{}}', 'x.json')).toBeNull();
    const doc = [jmhResult('avgt', 'ms/op', [[1, 'x' as unknown as number]])];
    expect(parseError(jmhImporter, JSON.stringify(doc), 'j.json').location).toBe('$[0].primaryMetric.rawData[0][1]');
    const noUnit = [{ benchmark: 'a.b', primaryMetric: { score: 1 } }];
    expect(parseError(jmhImporter, JSON.stringify(noUnit), 'j.json').location).toBe('$[0].primaryMetric.scoreUnit');
    expect(parseError(jmhImporter, JSON.stringify(doc).slice(0, 200), 'cut.json').message).toContain('not valid JSON');
  });

  it('fails cleanly on mutated and random input', () => {
    const seed = JSON.stringify(
      [jmhResult('avgt', 'us/op', [[1.5, 1.25], [1.75]], { '·gc.alloc.rate.norm': { score: 48, scoreUnit: 'B/op' } })],
      null,
      2,
    );
    fuzzImporter(jmhImporter, seed);
  });
});
