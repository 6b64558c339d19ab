/**
 * The custom JSON format: any metric, each entry with its own unit and direction.
 *
 * ```json
 * { "benchmarks": [
 *   { "name": "parse 1 MB", "unit": "ms", "direction": "smaller", "samples": [12.1, 12.5, 13.0] },
 *   { "name": "accuracy", "group": "model", "unit": "ratio", "direction": "bigger", "value": 0.97,
 *     "metrics": { "peakRss": { "unit": "MiB", "direction": "smaller", "value": 41 } } } ] }
 * ```
 * A bare array of entries is read the same way. Each entry needs `name`, `unit`, `direction`
 * (`"smaller"` or `"bigger"`) and `value` or `samples` (or both). Time units (ps, ns, us, µs, ms, s, sec,
 * min, h, hr) become ns and memory units (B, KB, MB, GB, KiB, MiB, GiB) bytes; other units are kept.
 */
import type { Direction } from '../model/index.js';
import type { ImportedBenchmark, ImportedMetric } from './types.js';
import { defineImporter } from './types.js';
import type { JsonContext, JsonObject } from './json.js';
import * as json from './json.js';
import { scaleBy, toBaseUnit } from './units.js';

const FORMAT = 'custom';

/** The project's documented custom JSON (per-entry unit and direction). */
export const customImporter = defineImporter({
  format: FORMAT,
  produce: 'your own script writes {"benchmarks":[{"name":"x","unit":"ms","direction":"smaller","samples":[1.2,1.3]}]}',
  detect: (input) => json.claimsJson(input, /"direction"\s*:/, (doc) => entries(doc) !== undefined),
  read(input) {
    const ctx: JsonContext = { file: input.file, format: FORMAT };
    const doc = json.jsonOf(input, FORMAT);
    const rootPath = Array.isArray(doc) ? '$' : '$.benchmarks';
    return (entries(doc) as JsonObject[]).map((e, i) => readEntry(e, `${rootPath}[${i}]`, ctx));
  },
});

/** The entries of a custom file (a bare array, or `benchmarks`), or undefined when it is not one. */
function entries(doc: unknown): unknown[] | undefined {
  const list = Array.isArray(doc) ? doc : json.isObject(doc) && Array.isArray(doc.benchmarks) ? doc.benchmarks : undefined;
  return list && list.length > 0 && list.every(looksLikeEntry) ? list : undefined;
}

/** An object with a name, a unit and a value or samples: the shape this format is made of. */
function looksLikeEntry(e: unknown): boolean {
  return json.isObject(e) && 'name' in e && 'unit' in e && ('value' in e || 'samples' in e);
}

function readEntry(e: JsonObject, path: string, ctx: JsonContext): ImportedBenchmark {
  const name = json.stringAt(e, 'name', path, ctx);
  const m = readMetric(e, path, ctx);
  const out: ImportedBenchmark = { name, ...m };
  if (e.group !== undefined) out.group = json.stringAt(e, 'group', path, ctx);
  if (e.metrics !== undefined) {
    if (!json.isObject(e.metrics)) json.fail(ctx, `${path}.metrics`, 'an object of name → {unit, direction, value or samples}', e.metrics);
    const metrics: Record<string, ImportedMetric> = {};
    for (const [key, v] of Object.entries(e.metrics)) {
      const mp = `${path}.metrics[${JSON.stringify(key)}]`;
      if (!json.isObject(v)) json.fail(ctx, mp, 'an object with unit, direction and value or samples', v);
      metrics[key] = readMetric(v, mp, ctx);
    }
    out.metrics = metrics;
  }
  return out;
}

function readMetric(e: JsonObject, path: string, ctx: JsonContext): ImportedMetric {
  const unit = json.stringAt(e, 'unit', path, ctx);
  const direction = e.direction;
  if (direction !== 'smaller' && direction !== 'bigger') {
    // github-action-benchmark's customSmallerIsBetter / customBiggerIsBetter files have no direction.
    const hint = direction === undefined ? '; add it to every entry of a github-action-benchmark custom file' : '';
    json.fail(ctx, `${path}.direction`, `"smaller" or "bigger" (which way is better for this metric)${hint}`, direction);
  }
  const value = json.optionalNumberAt(e, 'value', path, ctx);
  let samples: number[] | undefined;
  if (e.samples !== undefined) {
    if (!Array.isArray(e.samples) || e.samples.length === 0) json.fail(ctx, `${path}.samples`, 'a non-empty array of numbers', e.samples);
    samples = json.finiteNumbers(e.samples, `${path}.samples`, ctx);
  }
  if (value === undefined && !samples) json.fail(ctx, `${path}.value`, 'a number (or a "samples" array)');
  const base = toBaseUnit(value ?? 0, unit);
  const m: ImportedMetric = { unit: base.unit, direction: direction as Direction };
  if (value !== undefined) m.value = base.value;
  if (samples) m.samples = samples.map((s) => scaleBy(s, base.factor));
  return m;
}
