/**
 * JMH `-rf json` output. The score's unit says which way is better: ops per time (throughput
 * mode) is bigger-is-better and becomes ops/s; time per op (avgt, sample, ss) is smaller and
 * becomes ns. `rawData` (iterations of every fork) is kept as samples. Secondary metrics such as
 * `·gc.alloc.rate.norm` become metrics, in base units where their unit is known.
 */
import type { Metric } from '../../types.js';
import type { ImportedBenchmark, Importer } from './types.js';
import {
  type JsonContext,
  type JsonObject,
  fail,
  finiteNumbers,
  isObject,
  numberAt,
  objectAt,
  jsonImporter,
  requireSome,
  stringAt,
} from './json-input.js';
import { importedMetric } from './import-metric.js';
import { bytesPer, nsPer } from './unit-scale.js';

const FORMAT = 'jmh';

/** JMH JSON results (`java -jar benchmarks.jar -rf json -rff jmh.json`). */
export const jmhImporter: Importer = jsonImporter(
  FORMAT,
  'java -jar target/benchmarks.jar -rf json -rff jmh.json (add -prof gc for allocation metrics)',
  /"primaryMetric"/,
  (doc, ctx) => {
    if (!Array.isArray(doc) || !doc.some((b) => isObject(b) && 'primaryMetric' in b)) return null;
    return requireSome(doc, '$', ctx).map((b, i) => {
      if (!isObject(b)) fail(ctx, `$[${i}]`, 'an object with "benchmark" and "primaryMetric"', b);
      return readBenchmark(b, `$[${i}]`, ctx);
    });
  },
);

function readBenchmark(b: JsonObject, path: string, ctx: JsonContext): ImportedBenchmark {
  const benchmark = stringAt(b, 'benchmark', path, ctx);
  const primary = readScore(objectAt(b, 'primaryMetric', path, ctx), `${path}.primaryMetric`, ctx);
  // The class is the group and the method (with its parameters) the name, as JMH's table shows.
  const dot = benchmark.lastIndexOf('.');
  const out: ImportedBenchmark = {
    name: benchmark.slice(dot + 1) + paramsSuffix(b, path, ctx),
    unit: primary.unit,
    direction: primary.direction,
    value: primary.score,
  };
  if (dot > 0) out.group = benchmark.slice(0, dot);
  if (primary.samples) out.samples = primary.samples;
  const secondary = b.secondaryMetrics;
  if (isObject(secondary) && Object.keys(secondary).length > 0) {
    const metrics: Record<string, Metric> = {};
    for (const [key, m] of Object.entries(secondary)) {
      const mp = `${path}.secondaryMetrics[${JSON.stringify(key)}]`;
      if (!isObject(m)) fail(ctx, mp, 'an object with score and scoreUnit', m);
      const { score: _score, ...metric } = readScore(m, mp, ctx);
      metrics[key] = metric;
    }
    out.metrics = metrics;
  } else if (secondary !== undefined && !isObject(secondary)) {
    fail(ctx, `${path}.secondaryMetrics`, 'an object', secondary);
  }
  return out;
}

/** `{a=1, b=x}` as JMH writes parameters, so that each parameter set is its own benchmark. */
function paramsSuffix(b: JsonObject, path: string, ctx: JsonContext): string {
  if (b.params === undefined || b.params === null) return '';
  if (!isObject(b.params)) fail(ctx, `${path}.params`, 'an object of parameter values', b.params);
  const parts = Object.entries(b.params).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? ` {${parts.join(', ')}}` : '';
}

/**
 * A score with its unit converted, direction from the unit, and rawData as samples. `score` is
 * JMH's own figure (the mean over iterations); the metric's value is the samples' median.
 */
function readScore(m: JsonObject, path: string, ctx: JsonContext): Metric & { score: number } {
  const score = numberAt(m, 'score', path, ctx);
  const rawUnit = stringAt(m, 'scoreUnit', path, ctx);
  const { unit, direction, factor } = scaleOf(rawUnit);
  let samples: number[] | undefined;
  if (Array.isArray(m.rawData)) {
    samples = m.rawData.flatMap((fork, f) => {
      if (!Array.isArray(fork)) fail(ctx, `${path}.rawData[${f}]`, 'an array of iteration scores', fork);
      return finiteNumbers(fork, `${path}.rawData[${f}]`, ctx).map((v) => v * factor);
    });
  } else if (m.rawData !== undefined) {
    fail(ctx, `${path}.rawData`, 'an array of forks', m.rawData);
  }
  return { ...importedMetric(unit, direction, score * factor, samples), score: score * factor };
}

/**
 * JMH units: `ops/s` (ops per time unit), `s/op` (time per op), `B/op`, `MB/sec`, `counts`, `ms`.
 * Throughput is bigger-is-better; everything else (time, allocation, GC counts) smaller.
 */
export function scaleOf(raw: string): { unit: string; direction: 'smaller' | 'bigger'; factor: number } {
  const [num, den] = raw.split('/', 2) as [string, string | undefined];
  if (den !== undefined) {
    const perTime = nsPer(den === 'sec' ? 's' : den);
    if (num === 'ops' && perTime !== undefined) return { unit: 'ops/s', direction: 'bigger', factor: 1e9 / perTime };
    const timeNs = nsPer(num);
    if (timeNs !== undefined && den === 'op') return { unit: 'ns', direction: 'smaller', factor: timeNs };
    const bytes = bytesPer(num);
    // JMH's gc profiler counts MB as 1024 * 1024 bytes.
    const jmhBytes = num === 'MB' ? 1024 ** 2 : num === 'KB' ? 1024 : bytes;
    if (jmhBytes !== undefined && den === 'op') return { unit: 'B', direction: 'smaller', factor: jmhBytes };
    if (jmhBytes !== undefined && perTime !== undefined) {
      return { unit: 'B/s', direction: 'smaller', factor: (jmhBytes * 1e9) / perTime };
    }
  }
  const timeNs = nsPer(raw);
  if (timeNs !== undefined) return { unit: 'ns', direction: 'smaller', factor: timeNs };
  return { unit: raw, direction: 'smaller', factor: 1 };
}
