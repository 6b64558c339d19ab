/**
 * vitest bench `--outputJson` reports: files → groups → benchmarks, with tinybench's statistics
 * in ms. The primary metric is the median time per iteration (smaller is better); `hz` is the
 * `throughput` metric (ops/s, bigger). `samples` are kept (in ns) when vitest wrote any.
 */
import type { ImportedBenchmark, Importer } from './types.js';
import {
  type JsonContext,
  type JsonObject,
  fail,
  finiteNumbers,
  isObject,
  numberAt,
  objectsAt,
  optionalNumberAt,
  jsonImporter,
  requireSome,
  stringAt,
} from './json-input.js';
import { importedMetric } from './import-metric.js';

const FORMAT = 'vitest';

/** vitest bench JSON report. */
export const vitestImporter: Importer = jsonImporter(
  FORMAT,
  'npx vitest bench --run --outputJson vitest-bench.json',
  /"files"[\s\S]*"groups"/,
  (doc, ctx) => {
    if (!isObject(doc) || !Array.isArray(doc.files)) return null;
    if (!doc.files.some((f) => isObject(f) && 'groups' in f)) return null;
    const out: ImportedBenchmark[] = [];
    objectsAt(doc, 'files', '$', ctx).forEach((f, fi) => {
      const fp = `$.files[${fi}]`;
      objectsAt(f, 'groups', fp, ctx).forEach((g, gi) => {
        const gp = `${fp}.groups[${gi}]`;
        const group = stringAt(g, 'fullName', gp, ctx);
        objectsAt(g, 'benchmarks', gp, ctx).forEach((b, bi) => out.push(readBenchmark(b, group, `${gp}.benchmarks[${bi}]`, ctx)));
      });
    });
    return requireSome(out, '$.files[*].groups[*].benchmarks', ctx);
  },
);

function readBenchmark(b: JsonObject, group: string, path: string, ctx: JsonContext): ImportedBenchmark {
  const median = optionalNumberAt(b, 'median', path, ctx) ?? optionalNumberAt(b, 'p50', path, ctx);
  if (median === undefined) fail(ctx, `${path}.median`, 'the median time per iteration in ms');
  const out: ImportedBenchmark = {
    name: stringAt(b, 'name', path, ctx),
    group,
    unit: 'ns',
    direction: 'smaller',
    value: median * 1e6,
    metrics: { throughput: importedMetric('ops/s', 'bigger', numberAt(b, 'hz', path, ctx)) },
  };
  if (Array.isArray(b.samples) && b.samples.length > 0) {
    out.samples = finiteNumbers(b.samples, `${path}.samples`, ctx).map((ms) => ms * 1e6);
  } else if (b.samples !== undefined && !Array.isArray(b.samples)) {
    fail(ctx, `${path}.samples`, 'an array of milliseconds', b.samples);
  }
  return out;
}
