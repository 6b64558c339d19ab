/**
 * hyperfine `--export-json`: one result per command, raw wall times in seconds under `times`,
 * and hyperfine's own mean, stddev, median, min and max of them (kept as the run's statistics).
 */
import type { ImportedBenchmark, ImportedMetric } from './types.js';
import { defineImporter } from './types.js';
import { shiftDecimal } from './units.js';
import {
  type JsonContext,
  type JsonObject,
  arrayAt,
  claimsJson,
  fail,
  isObject,
  jsonOf,
  numberAt,
  numbersAt,
  statsAt,
  stringAt,
} from './json.js';

const FORMAT = 'hyperfine';
const secToNs = (s: number): number => shiftDecimal(s, 9);

/** True for `{"results": [{"command": …}]}` (or an empty results array). */
function isHyperfine(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v.results)) return false;
  const first: unknown = v.results[0];
  return v.results.length === 0 || (isObject(first) && 'command' in first);
}

function cpuMetric(o: JsonObject, key: string, path: string, ctx: JsonContext): ImportedMetric | undefined {
  if (o[key] === undefined) return undefined;
  return { unit: 'ns', direction: 'smaller', value: secToNs(numberAt(o, key, path, ctx)) };
}

/** hyperfine's summary of `times`, in ns (stddev is null for a single run). */
const STATS = { mean: 'mean', stdev: 'stddev', median: 'median', min: 'min', max: 'max' };

function readResult(o: unknown, path: string, ctx: JsonContext): ImportedBenchmark {
  if (!isObject(o)) fail(ctx, path, 'an object', o);
  const name = stringAt(o, 'command', path, ctx);
  const metrics: Record<string, ImportedMetric> = {};
  const user = cpuMetric(o, 'user', path, ctx);
  const system = cpuMetric(o, 'system', path, ctx);
  if (user) metrics.cpuUser = user;
  if (system) metrics.cpuSystem = system;
  // hyperfine ≥ 1.19 records the peak RSS of every run.
  if (o.memory_usage_byte !== undefined) {
    const mem = numbersAt(o, 'memory_usage_byte', path, ctx);
    if (mem.length > 0) metrics.peakRss = { unit: 'B', direction: 'smaller', samples: mem };
  }
  if (o.exit_codes !== undefined) {
    const codes = arrayAt(o, 'exit_codes', path, ctx);
    const failed = codes.filter((c) => c !== 0).length;
    // Only present when `--ignore-failure` let failing runs through: a success rate to gate on.
    if (failed > 0) metrics.successRate = { unit: 'ratio', direction: 'bigger', value: 1 - failed / codes.length };
  }
  const base: ImportedBenchmark = { name, unit: 'ns', direction: 'smaller' };
  if (Object.keys(metrics).length > 0) base.metrics = metrics;
  if (o.times !== undefined) {
    const times = numbersAt(o, 'times', path, ctx);
    if (times.length > 0) return { ...base, samples: times.map(secToNs), stats: statsAt(o, STATS, secToNs) };
  }
  // Older exports have no `times`: fall back to the summary the tool computed.
  const value = numberAt(o, o.median !== undefined ? 'median' : 'mean', path, ctx);
  return { ...base, value: secToNs(value), stats: statsAt(o, STATS, secToNs) };
}

/** hyperfine JSON importer. */
export const hyperfine = defineImporter({
  format: FORMAT,
  produce: "hyperfine --export-json results.json 'cmd one' 'cmd two'",
  detect: (input) => claimsJson(input, /"results"\s*:/, isHyperfine, true),
  read(input) {
    const ctx: JsonContext = { file: input.file, format: FORMAT };
    const doc = jsonOf(input, FORMAT);
    if (!isObject(doc)) fail(ctx, '$', 'an object', doc);
    return arrayAt(doc, 'results', '$', ctx).map((r, i) => readResult(r, `$.results[${i}]`, ctx));
  },
});
