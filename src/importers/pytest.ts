/**
 * pytest-benchmark `--benchmark-json` output. Times are in seconds; `stats.data` (written with
 * `--benchmark-save-data`) holds one value per round, kept as samples in ns.
 */
import type { ImportedBenchmark } from './types.js';
import { defineImporter } from './types.js';
import type { JsonContext, JsonObject } from './json.js';
import * as json from './json.js';

const FORMAT = 'pytest';

/** pytest-benchmark JSON (`pytest --benchmark-json=out.json`). */
/** True when the parsed document is a pytest-benchmark JSON. */
function isShape(doc: unknown): boolean {
  return json.isObject(doc) && json.isObject(doc.machine_info) && 'benchmarks' in doc;
}

export const pytestImporter = defineImporter({
  format: FORMAT,
  produce: 'pytest --benchmark-only --benchmark-json=out.json (add --benchmark-save-data to keep every round)',
  detect: (input) => json.claimsJson(input, /"machine_info"[\s\S]*"benchmarks"|"fullname"/, isShape),
  read(input) {
    const ctx: JsonContext = { file: input.file, format: FORMAT };
    const doc = json.jsonOf(input, FORMAT) as JsonObject;
    const benches = json.objectsAt(doc, 'benchmarks', '$', ctx);
    return json.requireSome(benches, '$.benchmarks', ctx).map((b, i) => readBenchmark(b, `$.benchmarks[${i}]`, ctx));
  },
});

/** pytest-benchmark's own statistics of the rounds (seconds). */
const STATS = { n: 'rounds', mean: 'mean', median: 'median', min: 'min', max: 'max', stdev: 'stddev' };

function readBenchmark(b: JsonObject, path: string, ctx: JsonContext): ImportedBenchmark {
  const name = json.stringAt(b, 'name', path, ctx);
  const stats = json.objectAt(b, 'stats', path, ctx);
  const statsPath = `${path}.stats`;
  const median = json.numberAt(stats, 'median', statsPath, ctx);
  const out: ImportedBenchmark = { name, unit: 'ns', direction: 'smaller', value: median * 1e9 };
  out.stats = json.statsAt(stats, STATS, (s) => s * 1e9);
  const group = groupOf(b, path, ctx);
  if (group !== undefined) out.group = group;
  const samples = roundSamples(stats, statsPath, ctx);
  if (samples) out.samples = samples.map((s) => s * 1e9);
  if (typeof stats.ops === 'number' && Number.isFinite(stats.ops)) {
    out.metrics = { ops: { unit: 'ops/s', direction: 'bigger', value: stats.ops } };
  }
  return out;
}

/** The benchmark's `group`, else the test module from `fullname` (`bench.py::test_x` → `bench.py`). */
function groupOf(b: JsonObject, path: string, ctx: JsonContext): string | undefined {
  if (typeof b.group === 'string' && b.group !== '') return b.group;
  if (b.group !== null && b.group !== undefined) json.fail(ctx, `${path}.group`, 'a string or null', b.group);
  if (typeof b.fullname !== 'string') return undefined;
  const cut = b.fullname.indexOf('::');
  return cut > 0 ? b.fullname.slice(0, cut) : undefined;
}

/**
 * `stats.data` when it holds every round. A list with non-numbers is not the rounds (some
 * published files elide it with a note), so the summary is used instead of a partial sample.
 */
function roundSamples(stats: JsonObject, path: string, ctx: JsonContext): number[] | undefined {
  const data = stats.data;
  if (data === undefined || data === null) return undefined;
  if (!Array.isArray(data)) json.fail(ctx, `${path}.data`, 'an array of seconds', data);
  if (data.length === 0 || data.some((v) => typeof v === 'string')) return undefined;
  return json.finiteNumbers(data, `${path}.data`, ctx);
}
