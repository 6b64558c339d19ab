/**
 * Google Benchmark `--benchmark_format=json` (or `--benchmark_out`). Iteration rows of one
 * `run_name` (repetitions) become samples; aggregate rows are used only when the iteration rows
 * were left out (`--benchmark_report_aggregates_only`). Extra numeric keys are user counters.
 */
import type { ImportedBenchmark, ImportedMetric } from './types.js';
import { defineImporter } from './types.js';
import { type JsonContext, type JsonObject, arrayAt, claimsJson, fail, isObject, jsonOf, numberAt, stringAt } from './json.js';
import { guessDirection, toNs } from './units.js';

const FORMAT = 'googlebenchmark';

/** Keys Google Benchmark writes itself; every other numeric key is a user counter. */
const KNOWN = new Set([
  'name',
  'family_index',
  'per_family_instance_index',
  'run_name',
  'run_type',
  'repetitions',
  'repetition_index',
  'threads',
  'iterations',
  'real_time',
  'cpu_time',
  'time_unit',
  'aggregate_name',
  'aggregate_unit',
  'label',
  'error_occurred',
  'error_message',
  'big_o',
  'rms',
  'cpu_coefficient',
  'real_coefficient',
  'complexity_n',
  'skipped',
  'skip_message',
]);

function isGoogleBenchmark(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v.benchmarks)) return false;
  const first: unknown = v.benchmarks[0];
  return isObject(v.context) && (isObject(first) ? 'real_time' in first || 'run_type' in first : 'executable' in v.context);
}

/** A counter's unit and direction: `*_per_second` are rates (bigger), others counts. */
function counterMetric(key: string, value: number): ImportedMetric {
  const rate = /^(.*)_per_second$/.exec(key);
  if (rate) {
    const what = rate[1] === 'bytes' ? 'B' : (rate[1] as string);
    return { unit: `${what}/s`, direction: 'bigger', value };
  }
  return { unit: 'count', direction: guessDirection(key), value };
}

function timeAt(o: JsonObject, key: string, unit: string, path: string, ctx: JsonContext): number {
  const ns = toNs(numberAt(o, key, path, ctx), unit);
  if (ns === undefined) fail(ctx, `${path}.time_unit`, '"ns", "us", "ms" or "s"', unit);
  return ns;
}

function readRow(o: JsonObject, name: string, path: string, ctx: JsonContext): ImportedBenchmark {
  const unit = o.time_unit === undefined ? 'ns' : stringAt(o, 'time_unit', path, ctx);
  const metrics: Record<string, ImportedMetric> = {};
  if (o.cpu_time !== undefined) metrics.cpuTime = { unit: 'ns', direction: 'smaller', value: timeAt(o, 'cpu_time', unit, path, ctx) };
  for (const [key, v] of Object.entries(o)) {
    if (KNOWN.has(key) || typeof v !== 'number') continue;
    metrics[key] = counterMetric(key, numberAt(o, key, path, ctx));
  }
  const b: ImportedBenchmark = { name, unit: 'ns', direction: 'smaller', value: timeAt(o, 'real_time', unit, path, ctx) };
  if (Object.keys(metrics).length > 0) b.metrics = metrics;
  return b;
}

/** Google Benchmark JSON importer. */
export const googlebenchmark = defineImporter({
  format: FORMAT,
  produce: './my_benchmark --benchmark_format=json --benchmark_repetitions=10 > results.json',
  detect: (input) =>
    claimsJson(input, (text) => /"(context|benchmarks)"\s*:/.test(text) && /"(time_unit|executable)"/.test(text), isGoogleBenchmark, true),
  read(input) {
    const ctx: JsonContext = { file: input.file, format: FORMAT };
    const doc = jsonOf(input, FORMAT);
    if (!isObject(doc)) fail(ctx, '$', 'an object', doc);
    const rows = arrayAt(doc, 'benchmarks', '$', ctx);
    const iterations: ImportedBenchmark[] = [];
    const aggregates = new Map<string, Map<string, ImportedBenchmark>>();
    rows.forEach((row, i) => {
      const path = `$.benchmarks[${i}]`;
      const o: unknown = row;
      if (!isObject(o)) fail(ctx, path, 'an object', o);
      if (o.error_occurred === true || o.skipped === true) return; // failed or skipped: nothing measured
      const name = stringAt(o, o.run_name === undefined || o.run_name === null ? 'name' : 'run_name', path, ctx);
      if (o.run_type !== 'aggregate') {
        iterations.push(readRow(o, name, path, ctx));
        return;
      }
      const kind = stringAt(o, 'aggregate_name', path, ctx);
      if (kind !== 'mean' && kind !== 'median') return; // stddev, cv, BigO, RMS are not locations
      const byKind = aggregates.get(name) ?? new Map<string, ImportedBenchmark>();
      byKind.set(kind, readRow(o, name, path, ctx));
      aggregates.set(name, byKind);
    });
    const seen = new Set(iterations.map((b) => b.name));
    const fromAggregates = [...aggregates]
      .filter(([name]) => !seen.has(name))
      .map(([, byKind]) => (byKind.get('median') ?? byKind.get('mean')) as ImportedBenchmark);
    return [...iterations, ...fromAggregates];
  },
});
