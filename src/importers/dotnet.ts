/**
 * BenchmarkDotNet's full JSON exporter (`[JsonExporterAttribute.Full]`, `--exporters json`).
 * Times are ns per operation. Samples are `Statistics.OriginalValues` (the workload results after
 * overhead removal, outliers included), else the `Measurements` of stage Result. The memory
 * diagnoser's allocated bytes per operation becomes the `allocated` metric.
 */
import type { ImportedBenchmark, ImportedMetric } from './types.js';
import { defineImporter } from './types.js';
import type { JsonContext, JsonObject } from './json.js';
import * as json from './json.js';

const FORMAT = 'benchmarkdotnet';

/** BenchmarkDotNet full JSON report (`*-report-full.json`). */
/** True when the parsed document is a BenchmarkDotNet full JSON report. */
function isShape(doc: unknown): boolean {
  return json.isObject(doc) && 'Benchmarks' in doc && ('HostEnvironmentInfo' in doc || 'Title' in doc);
}

export const dotnetImporter = defineImporter({
  format: FORMAT,
  produce:
    'dotnet run -c Release -- --exporters json (reads BenchmarkDotNet.Artifacts/results/*-report-full.json; add [MemoryDiagnoser] for allocations)',
  detect: (input) => json.claimsJson(input, /"HostEnvironmentInfo"|"BenchmarkDotNetVersion"/, isShape),
  read(input) {
    const ctx: JsonContext = { file: input.file, format: FORMAT };
    const doc = json.jsonOf(input, FORMAT) as JsonObject;
    const benches = json.objectsAt(doc, 'Benchmarks', '$', ctx);
    return json.requireSome(benches, '$.Benchmarks', ctx).map((b, i) => readBenchmark(b, `$.Benchmarks[${i}]`, ctx));
  },
});

function readBenchmark(b: JsonObject, path: string, ctx: JsonContext): ImportedBenchmark {
  const name = nameOf(b, path, ctx);
  const stats = b.Statistics;
  if (!json.isObject(stats)) json.fail(ctx, `${path}.Statistics`, 'an object (the benchmark did not run?)', stats);
  const sp = `${path}.Statistics`;
  const value = json.optionalNumberAt(stats, 'Median', sp, ctx) ?? json.optionalNumberAt(stats, 'Mean', sp, ctx);
  const samples = samplesOf(b, path, ctx);
  if (value === undefined && !samples) json.fail(ctx, `${sp}.Median`, 'a number of nanoseconds per operation');
  const out: ImportedBenchmark = { name, unit: 'ns', direction: 'smaller' };
  if (value !== undefined) out.value = value;
  out.stats = statsOf(stats);
  if (samples) out.samples = samples;
  const group = [b.Namespace, b.Type].filter((p) => typeof p === 'string' && p !== '').join('.');
  if (group !== '') out.group = group;
  const metrics = metricsOf(b, path, ctx);
  if (Object.keys(metrics).length > 0) out.metrics = metrics;
  return out;
}

/**
 * The method with its parameters, as BenchmarkDotNet's `FullName` (`Namespace.Type.Method(A: 1)`)
 * writes it after the `Namespace.Type.` prefix, which is the group.
 */
function nameOf(b: JsonObject, path: string, ctx: JsonContext): string {
  const prefix = [b.Namespace, b.Type].filter((p) => typeof p === 'string' && p !== '').join('.') + '.';
  if (typeof b.FullName === 'string' && b.FullName !== '') {
    return b.FullName.startsWith(prefix) && b.FullName.length > prefix.length ? b.FullName.slice(prefix.length) : b.FullName;
  }
  if (typeof b.Method !== 'string' || b.Method === '') json.fail(ctx, `${path}.Method`, 'the benchmark method name', b.Method);
  const params = typeof b.Parameters === 'string' && b.Parameters !== '' ? `(${b.Parameters})` : '';
  return b.Method + params;
}

/** BenchmarkDotNet's own statistics (ns, after its outlier removal). */
function statsOf(stats: JsonObject): ImportedMetric['stats'] {
  const own = json.statsAt(stats, { n: 'N', mean: 'Mean', median: 'Median', min: 'Min', max: 'Max', stdev: 'StandardDeviation' });
  return json.isObject(stats.Percentiles) ? { ...own, ...json.statsAt(stats.Percentiles, { p95: 'P95' }) } : own;
}

function samplesOf(b: JsonObject, path: string, ctx: JsonContext): number[] | undefined {
  const stats = b.Statistics as JsonObject;
  if (Array.isArray(stats.OriginalValues) && stats.OriginalValues.length > 0) {
    return json.finiteNumbers(stats.OriginalValues, `${path}.Statistics.OriginalValues`, ctx);
  }
  if (!Array.isArray(b.Measurements)) return undefined;
  const out: number[] = [];
  b.Measurements.forEach((m, i) => {
    const mp = `${path}.Measurements[${i}]`;
    if (!json.isObject(m)) json.fail(ctx, mp, 'an object', m);
    if (m.IterationMode !== 'Workload' || m.IterationStage !== 'Result') return;
    const ops = json.optionalNumberAt(m, 'Operations', mp, ctx);
    const ns = json.optionalNumberAt(m, 'Nanoseconds', mp, ctx);
    if (ops === undefined || ops <= 0 || ns === undefined) json.fail(ctx, mp, 'positive Operations and Nanoseconds');
    out.push(ns / ops);
  });
  return out.length > 0 ? out : undefined;
}

/** Allocated bytes per operation (memory diagnoser) and GC collections per 1000 operations. */
function metricsOf(b: JsonObject, path: string, ctx: JsonContext): Record<string, ImportedMetric> {
  const out: Record<string, ImportedMetric> = {};
  if (json.isObject(b.Memory)) {
    const bytes = json.optionalNumberAt(b.Memory, 'BytesAllocatedPerOperation', `${path}.Memory`, ctx);
    if (bytes !== undefined) out.allocated = { unit: 'B', direction: 'smaller', value: bytes };
  }
  if (!Array.isArray(b.Metrics)) return out;
  b.Metrics.forEach((m, i) => {
    const mp = `${path}.Metrics[${i}]`;
    if (!json.isObject(m) || !json.isObject(m.Descriptor)) json.fail(ctx, mp, 'an object with Value and Descriptor', m);
    const value = json.optionalNumberAt(m, 'Value', mp, ctx);
    const d = m.Descriptor;
    if (value === undefined || typeof d.Id !== 'string') json.fail(ctx, mp, 'a numeric Value and a Descriptor.Id');
    if (d.Id === 'Allocated Memory' && out.allocated) return;
    const key = d.Id === 'Allocated Memory' ? 'allocated' : d.Id;
    const unit = d.Unit === 'B' ? 'B' : d.Id.endsWith('Collects') ? 'per 1000 ops' : String(d.Unit ?? '');
    out[key] = { unit, direction: d.TheGreaterTheBetter === true ? 'bigger' : 'smaller', value };
  });
  return out;
}
