import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/importers/index.js';
import { customImporter } from '../../src/importers/custom.js';
import { fixture, hasShared, shared } from './fixtures.js';
import { fuzzImporter, parseError, parseOk, parseText } from './import-checks.js';

describe('custom JSON importer', () => {
  it('reads per-entry unit and direction, converting time to ns and memory to bytes', () => {
    const { file, text } = fixture('custom', 'model-metrics.json');
    const [parse, accuracy, requests] = parseOk(customImporter, text, file);
    expect(parse).toEqual({
      name: 'parse 1 MB',
      group: 'parser',
      unit: 'ns',
      direction: 'smaller',
      samples: [12.5e6, 12.1e6, 13e6, 12.4e6],
    });
    // The headline value of a sampled entry is made by assembly: the samples' median.
    expect(parseImport(text, file).run.benchmarks[0]).toMatchObject({
      suite: 'parser',
      value: 12.45e6,
      samples: [12.5e6, 12.1e6, 13e6, 12.4e6],
    });
    expect(accuracy).toMatchObject({ name: 'accuracy', group: 'model', unit: 'ratio', direction: 'bigger', value: 0.97 });
    expect(accuracy?.metrics?.peakRss).toMatchObject({ unit: 'B', direction: 'smaller', value: 41.5 * 1024 * 1024 });
    expect(requests).toMatchObject({ name: 'requests | <b>@here</b>', unit: 'req/s', direction: 'bigger', samples: [1500, 1520, 1544] });
  });

  it('accepts a bare array of entries', () => {
    const out = parseOk(customImporter, '[{"name":"boot","unit":"s","direction":"smaller","value":1.5}]');
    expect(out).toEqual([{ name: 'boot', unit: 'ns', direction: 'smaller', value: 1.5e9 }]);
  });

  it.skipIf(!hasShared)("explains that github-action-benchmark's custom files need a direction", () => {
    const { file, text } = shared('github-action-benchmark/customSmallerIsBetter_output.json');
    const err = parseError(customImporter, text, file);
    expect(err.location).toBe('$[0].direction');
    expect(err.message).toContain('"smaller" or "bigger"');
    expect(err.message).toContain('github-action-benchmark custom file');
  });

  it('returns null for other JSON; names the JSON path and what was expected', () => {
    expect(parseText(customImporter, '{"results":[{"command":"a","mean":1}]}', 'h.json')).toBeNull();
    expect(parseText(customImporter, '[]', 'e.json')).toBeNull();
    expect(parseText(customImporter, 'name,unit\n', 'e.csv')).toBeNull();
    const e1 = parseError(customImporter, '{"benchmarks":[{"name":"a","unit":"ms","direction":"up","value":1}]}', 'c.json');
    expect(e1.location).toBe('$.benchmarks[0].direction');
    const e2 = parseError(customImporter, '[{"name":"a","unit":"ms","direction":"bigger","samples":[1,"2"]}]', 'c.json');
    expect(e2.location).toBe('$[0].samples[1]');
    const e3 = parseError(customImporter, '[{"name":"a","unit":"ms","direction":"bigger","samples":[]}]', 'c.json');
    expect(e3.message).toContain('non-empty array');
    const e4 = parseError(
      customImporter,
      '[{"name":"a","unit":"ms","direction":"bigger","value":1,"metrics":{"m":{"unit":"B","value":2}}}]',
      'c.json',
    );
    expect(e4.location).toBe('$[0].metrics["m"].direction');
    const e5 = parseError(customImporter, '[{"name":"a","unit":"ms","direction":"bigger","value":1', 'c.json');
    expect(e5.message).toContain('not valid JSON');
  });

  it('fails cleanly on mutated and random input', () => {
    fuzzImporter(customImporter, fixture('custom', 'model-metrics.json').text);
  });
});
