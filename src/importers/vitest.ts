/**
 * vitest bench `--outputJson` reports: files → groups → benchmarks, with tinybench's statistics
 * in ms. The primary metric is the median time per iteration (smaller is better); `hz` is the
 * `throughput` metric (ops/s, bigger). `samples` are kept (in ns) when vitest wrote any, and
 * vitest's own mean, median, sd, min, max, p75, p99 and sample count are the statistics.
 */
import type { ImportedBenchmark } from './types.js';
import { defineImporter } from './types.js';
import type { JsonContext, JsonObject } from './json.js';
import * as json from './json.js';
import { scaleBy } from './units.js';

const FORMAT = 'vitest';

/** vitest bench JSON report. */
/** True when the parsed document is a vitest bench JSON report. */
function isShape(doc: unknown): boolean {
  return json.isObject(doc) && Array.isArray(doc.files) && doc.files.some((f) => json.isObject(f) && 'groups' in f);
}

export const vitestImporter = defineImporter({
  format: FORMAT,
  produce: 'npx vitest bench --run --outputJson vitest-bench.json',
  detect: (input) => json.claimsJson(input, /"files"[\s\S]*"groups"/, isShape),
  read(input) {
    const ctx: JsonContext = { file: input.file, format: FORMAT };
    const doc = json.jsonOf(input, FORMAT) as JsonObject;
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
});

const msToNs = (ms: number): number => scaleBy(ms, 1e6);
/** vitest's (tinybench's) own statistics of the run, in ms. */
const STATS = { n: 'sampleCount', mean: 'mean', median: 'median', min: 'min', max: 'max', stdev: 'sd', p75: 'p75', p99: 'p99' };

function readBenchmark(b: JsonObject, group: string, path: string, ctx: JsonContext): ImportedBenchmark {
  const median = json.optionalNumberAt(b, 'median', path, ctx) ?? json.optionalNumberAt(b, 'p50', path, ctx);
  if (median === undefined) json.fail(ctx, `${path}.median`, 'the median time per iteration in ms');
  const out: ImportedBenchmark = {
    name: json.stringAt(b, 'name', path, ctx),
    group,
    unit: 'ns',
    direction: 'smaller',
    value: scaleBy(median, 1e6),
    stats: json.statsAt(b, STATS, msToNs),
    metrics: { throughput: { unit: 'ops/s', direction: 'bigger', value: json.numberAt(b, 'hz', path, ctx) } },
  };
  if (Array.isArray(b.samples) && b.samples.length > 0) {
    out.samples = json.finiteNumbers(b.samples, `${path}.samples`, ctx).map((ms) => scaleBy(ms, 1e6));
  } else if (b.samples !== undefined && !Array.isArray(b.samples)) {
    json.fail(ctx, `${path}.samples`, 'an array of milliseconds', b.samples);
  }
  return out;
}
