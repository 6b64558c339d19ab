/** hyperfine `--export-json`: one result per command, raw wall times in seconds under `times`. */
import type { Metric } from '../../types.js';
import type { ImportedBenchmark, Importer } from './types.js';
import { sampledMetric, valueMetric } from './metric.js';
import { shiftDecimal } from './units.js';
import {
  type Ctx,
  arrayAt,
  isObject,
  looksLikeJsonObject,
  numberAt,
  numbersAt,
  objectAt,
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

function cpuMetric(v: unknown, ctx: Ctx, path: string): Metric | undefined {
  if (v === undefined) return undefined;
  return valueMetric('ns', 'smaller', secToNs(numberAt(v, ctx, path)));
}

function readResult(r: unknown, ctx: Ctx, path: string): ImportedBenchmark {
  const o = objectAt(r, ctx, path);
  const name = stringAt(o.command, ctx, `${path}.command`);
  const metrics: Record<string, Metric> = {};
  const user = cpuMetric(o.user, ctx, `${path}.user`);
  const system = cpuMetric(o.system, ctx, `${path}.system`);
  if (user) metrics.cpuUser = user;
  if (system) metrics.cpuSystem = system;
  // hyperfine ≥ 1.19 records the peak RSS of every run.
  if (o.memory_usage_byte !== undefined) {
    const mem = numbersAt(o.memory_usage_byte, ctx, `${path}.memory_usage_byte`);
    if (mem.length > 0) metrics.peakRss = sampledMetric('B', 'smaller', mem);
  }
  if (o.exit_codes !== undefined) {
    const codes = arrayAt(o.exit_codes, ctx, `${path}.exit_codes`);
    const failed = codes.filter((c) => c !== 0).length;
    // Only present when `--ignore-failure` let failing runs through: a success rate to gate on.
    if (failed > 0) metrics.successRate = valueMetric('ratio', 'bigger', 1 - failed / codes.length);
  }
  const base: ImportedBenchmark = { name, unit: 'ns', direction: 'smaller' };
  if (Object.keys(metrics).length > 0) base.metrics = metrics;
  if (o.times !== undefined) {
    const times = numbersAt(o.times, ctx, `${path}.times`);
    if (times.length > 0) return { ...base, samples: times.map(secToNs) };
  }
  // Older exports have no `times`: fall back to the summary the tool computed.
  const value = o.median !== undefined ? numberAt(o.median, ctx, `${path}.median`) : numberAt(o.mean, ctx, `${path}.mean`);
  return { ...base, value: secToNs(value) };
}

/** hyperfine JSON importer. */
export const hyperfine: Importer = {
  format: 'hyperfine',
  produce: "hyperfine --export-json results.json 'cmd one' 'cmd two'",
  parse(text, file) {
    if (!looksLikeJsonObject(text)) return null;
    const ctx: Ctx = { file, format: 'hyperfine' };
    const quick = tryParseJson(text);
    if (quick !== undefined && !isHyperfine(quick)) return null;
    if (quick === undefined && !/"results"\s*:/.test(text)) return null;
    const doc = objectAt(quick ?? parseJson(text, ctx), ctx, '$');
    const results = arrayAt(doc.results, ctx, '$.results');
    return results.map((r, i) => readResult(r, ctx, `$.results[${i}]`));
  },
};
