/** hyperfine `--export-json`: one result per command, raw wall times in seconds under `times`. */
import type { Metric } from '../../types.js';
import type { ImportedBenchmark, Importer } from './types.js';
import { sampledMetric, valueMetric } from './metric.js';
import { shiftDecimal } from './units.js';
import {
  type JsonContext,
  type JsonObject,
  arrayAt,
  fail,
  isObject,
  looksLikeJsonObject,
  numberAt,
  numbersAt,
  parseJson,
  stringAt,
  tryParseJson,
} from './json.js';

const secToNs = (s: number): number => shiftDecimal(s, 9);

/** True for `{"results": [{"command": …}]}` (or an empty results array). */
function isHyperfine(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v.results)) return false;
  const first: unknown = v.results[0];
  return v.results.length === 0 || (isObject(first) && 'command' in first);
}

function cpuMetric(o: JsonObject, key: string, path: string, ctx: JsonContext): Metric | undefined {
  if (o[key] === undefined) return undefined;
  return valueMetric('ns', 'smaller', secToNs(numberAt(o, key, path, ctx)));
}

function readResult(o: unknown, path: string, ctx: JsonContext): ImportedBenchmark {
  if (!isObject(o)) fail(ctx, path, 'an object', o);
  const name = stringAt(o, 'command', path, ctx);
  const metrics: Record<string, Metric> = {};
  const user = cpuMetric(o, 'user', path, ctx);
  const system = cpuMetric(o, 'system', path, ctx);
  if (user) metrics.cpuUser = user;
  if (system) metrics.cpuSystem = system;
  // hyperfine ≥ 1.19 records the peak RSS of every run.
  if (o.memory_usage_byte !== undefined) {
    const mem = numbersAt(o, 'memory_usage_byte', path, ctx);
    if (mem.length > 0) metrics.peakRss = sampledMetric('B', 'smaller', mem);
  }
  if (o.exit_codes !== undefined) {
    const codes = arrayAt(o, 'exit_codes', path, ctx);
    const failed = codes.filter((c) => c !== 0).length;
    // Only present when `--ignore-failure` let failing runs through: a success rate to gate on.
    if (failed > 0) metrics.successRate = valueMetric('ratio', 'bigger', 1 - failed / codes.length);
  }
  const base: ImportedBenchmark = { name, unit: 'ns', direction: 'smaller' };
  if (Object.keys(metrics).length > 0) base.metrics = metrics;
  if (o.times !== undefined) {
    const times = numbersAt(o, 'times', path, ctx);
    if (times.length > 0) return { ...base, samples: times.map(secToNs) };
  }
  // Older exports have no `times`: fall back to the summary the tool computed.
  const value = numberAt(o, o.median !== undefined ? 'median' : 'mean', path, ctx);
  return { ...base, value: secToNs(value) };
}

/** hyperfine JSON importer. */
export const hyperfine: Importer = {
  format: 'hyperfine',
  produce: "hyperfine --export-json results.json 'cmd one' 'cmd two'",
  parse(text, file) {
    if (!looksLikeJsonObject(text)) return null;
    const ctx: JsonContext = { file, format: 'hyperfine' };
    const quick = tryParseJson(text);
    if (quick !== undefined && !isHyperfine(quick)) return null;
    if (quick === undefined && !/"results"\s*:/.test(text)) return null;
    const doc = quick ?? parseJson(text, ctx);
    if (!isObject(doc)) fail(ctx, '$', 'an object', doc);
    return arrayAt(doc, 'results', '$', ctx).map((r, i) => readResult(r, `$.results[${i}]`, ctx));
  },
};
