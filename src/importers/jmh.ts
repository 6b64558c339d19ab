/**
 * JMH `-rf json` output. The score's unit says which way is better: ops per time (throughput
 * mode) is bigger-is-better and becomes ops/s; time per op (avgt, sample, ss) is smaller and
 * becomes ns. `rawData` (iterations of every fork) is kept as samples. Secondary metrics such as
 * `·gc.alloc.rate.norm` become metrics, in base units where their unit is known.
 */
import type { ImportedBenchmark, ImportedMetric } from './types.js';
import { defineImporter } from './types.js';
import type { JsonContext, JsonObject } from './json.js';
import * as json from './json.js';
import { bytesPer, nsPer, scaleBy } from './units.js';

const FORMAT = 'jmh';

/** JMH JSON results (`java -jar benchmarks.jar -rf json -rff jmh.json`). */
/** True when the parsed document is a JMH results. */
function isShape(doc: unknown): boolean {
  return Array.isArray(doc) && doc.some((b) => json.isObject(b) && 'primaryMetric' in b);
}

export const jmhImporter = defineImporter({
  format: FORMAT,
  produce: 'java -jar target/benchmarks.jar -rf json -rff jmh.json (add -prof gc for allocation metrics)',
  detect: (input) => json.claimsJson(input, /"primaryMetric"/, isShape),
  read(input) {
    const ctx: JsonContext = { file: input.file, format: FORMAT };
    const doc = json.jsonOf(input, FORMAT) as unknown[];
    return json.requireSome(doc, '$', ctx).map((b, i) => {
      if (!json.isObject(b)) json.fail(ctx, `$[${i}]`, 'an object with "benchmark" and "primaryMetric"', b);
      return readBenchmark(b, `$[${i}]`, ctx);
    });
  },
});

function readBenchmark(b: JsonObject, path: string, ctx: JsonContext): ImportedBenchmark {
  const benchmark = json.stringAt(b, 'benchmark', path, ctx);
  const primary = readScore(json.objectAt(b, 'primaryMetric', path, ctx), `${path}.primaryMetric`, ctx);
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
  if (primary.stats) out.stats = primary.stats;
  const secondary = b.secondaryMetrics;
  if (json.isObject(secondary) && Object.keys(secondary).length > 0) {
    const metrics: Record<string, ImportedMetric> = {};
    for (const [key, m] of Object.entries(secondary)) {
      const mp = `${path}.secondaryMetrics[${JSON.stringify(key)}]`;
      if (!json.isObject(m)) json.fail(ctx, mp, 'an object with score and scoreUnit', m);
      if (typeof m.score === 'string' && NOT_MEASURED.has(m.score)) continue;
      const { score: _score, ...metric } = readScore(m, mp, ctx);
      metrics[key] = metric;
    }
    if (Object.keys(metrics).length > 0) out.metrics = metrics;
  } else if (secondary !== undefined && !json.isObject(secondary)) {
    json.fail(ctx, `${path}.secondaryMetrics`, 'an object', secondary);
  }
  return out;
}

/** `{a=1, b=x}` as JMH writes parameters, so that each parameter set is its own benchmark. */
function paramsSuffix(b: JsonObject, path: string, ctx: JsonContext): string {
  if (b.params === undefined || b.params === null) return '';
  if (!json.isObject(b.params)) json.fail(ctx, `${path}.params`, 'an object of parameter values', b.params);
  const parts = Object.entries(b.params).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? ` {${parts.join(', ')}}` : '';
}

/** JMH writes a value it could not measure as the string "NaN", "+INF" or "-INF". */
const NOT_MEASURED = new Set(['NaN', '+INF', '-INF']);

/**
 * A score with its unit converted, direction from the unit, and one sample per measured
 * iteration: `rawData` (forks × iterations), or in sample mode the mean of each iteration's
 * `rawDataHistogram` ([value, count] pairs). `score` (JMH's mean) and `scorePercentiles` are
 * JMH's own statistics; the metric's value is the samples' median.
 */
function readScore(m: JsonObject, path: string, ctx: JsonContext): ImportedMetric & { score: number } {
  const score = json.numberAt(m, 'score', path, ctx);
  const { unit, direction, factor } = scaleOf(json.stringAt(m, 'scoreUnit', path, ctx));
  const samples = iterationScores(m, path, ctx)?.map((v) => scaleBy(v, factor));
  const scaled = scaleBy(score, factor);
  const scale = (v: number): number => scaleBy(v, factor);
  const percentiles = json.isObject(m.scorePercentiles) ? json.statsAt(m.scorePercentiles, PERCENTILES, scale) : {};
  const out: ImportedMetric & { score: number } = {
    unit,
    direction,
    value: scaled,
    stats: { mean: scaled, ...percentiles },
    score: scaled,
  };
  if (samples && samples.length > 0) out.samples = samples;
  return out;
}

/** JMH's `scorePercentiles` keys of the run file's statistics. */
const PERCENTILES = { min: '0.0', median: '50.0', p95: '95.0', p99: '99.0', max: '100.0' };

function iterationScores(m: JsonObject, path: string, ctx: JsonContext): number[] | undefined {
  const key = m.rawData !== undefined ? 'rawData' : m.rawDataHistogram !== undefined ? 'rawDataHistogram' : undefined;
  if (key === undefined) return undefined;
  const forks = m[key];
  if (!Array.isArray(forks)) json.fail(ctx, `${path}.${key}`, 'an array of forks', forks);
  // A secondary metric with an unmeasured iteration has no usable samples; its score still counts.
  if (forks.flat(3).some((v) => typeof v === 'string' && NOT_MEASURED.has(v))) return undefined;
  return forks.flatMap((fork, f) => {
    const fp = `${path}.${key}[${f}]`;
    if (!Array.isArray(fork)) json.fail(ctx, fp, 'an array of iterations', fork);
    if (key === 'rawData') return json.finiteNumbers(fork, fp, ctx);
    return fork.map((iteration, i) => histogramMean(iteration, `${fp}[${i}]`, ctx));
  });
}

/** The mean of one iteration's histogram, `[[value, count], ...]`. */
function histogramMean(iteration: unknown, path: string, ctx: JsonContext): number {
  if (!Array.isArray(iteration) || iteration.length === 0) json.fail(ctx, path, 'a non-empty array of [value, count] pairs', iteration);
  let sum = 0;
  let count = 0;
  iteration.forEach((pair, i) => {
    const [value, n] = Array.isArray(pair) && pair.length === 2 ? json.finiteNumbers(pair, `${path}[${i}]`, ctx) : [NaN, NaN];
    if (!Number.isFinite(value) || !(n! > 0)) json.fail(ctx, `${path}[${i}]`, 'a [value, count] pair with a positive count', pair);
    sum += value! * n!;
    count += n!;
  });
  return sum / count;
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
