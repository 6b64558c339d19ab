/**
 * vitest bench `--outputJson` reports: files → groups → benchmarks, with tinybench's statistics
 * in ms. The primary metric is the median time per iteration (smaller is better); `hz` is the
 * `throughput` metric (ops/s, bigger). `samples` are kept (in ns) when vitest wrote any.
 */
import type { ImportedBenchmark, Importer } from './types.js';
import type { JsonContext, JsonObject } from './json.js';
import * as json from './json.js';
import { importedMetric } from './import-metric.js';
import { scaleBy } from './units.js';

const FORMAT = 'vitest';

/** vitest bench JSON report. */
export const vitestImporter: Importer = json.jsonImporter(
  FORMAT,
  'npx vitest bench --run --outputJson vitest-bench.json',
  /"files"[\s\S]*"groups"/,
  (doc, ctx) => {
    if (!json.isObject(doc) || !Array.isArray(doc.files)) return null;
    if (!doc.files.some((f) => json.isObject(f) && 'groups' in f)) return null;
    const out: ImportedBenchmark[] = [];
    json.objectsAt(doc, 'files', '$', ctx).forEach((f, fi) => {
      const fp = `$.files[${fi}]`;
      json.objectsAt(f, 'groups', fp, ctx).forEach((g, gi) => {
        const gp = `${fp}.groups[${gi}]`;
        const group = json.stringAt(g, 'fullName', gp, ctx);
        json.objectsAt(g, 'benchmarks', gp, ctx).forEach((b, bi) => out.push(readBenchmark(b, group, `${gp}.benchmarks[${bi}]`, ctx)));
      });
    });
    return json.requireSome(out, '$.files[*].groups[*].benchmarks', ctx);
  },
);

function readBenchmark(b: JsonObject, group: string, path: string, ctx: JsonContext): ImportedBenchmark {
  const median = json.optionalNumberAt(b, 'median', path, ctx) ?? json.optionalNumberAt(b, 'p50', path, ctx);
  if (median === undefined) json.fail(ctx, `${path}.median`, 'the median time per iteration in ms');
  const out: ImportedBenchmark = {
    name: json.stringAt(b, 'name', path, ctx),
    group,
    unit: 'ns',
    direction: 'smaller',
    value: scaleBy(median, 1e6),
    metrics: { throughput: importedMetric('ops/s', 'bigger', json.numberAt(b, 'hz', path, ctx)) },
  };
  if (Array.isArray(b.samples) && b.samples.length > 0) {
    out.samples = json.finiteNumbers(b.samples, `${path}.samples`, ctx).map((ms) => scaleBy(ms, 1e6));
  } else if (b.samples !== undefined && !Array.isArray(b.samples)) {
    json.fail(ctx, `${path}.samples`, 'an array of milliseconds', b.samples);
  }
  return out;
}
