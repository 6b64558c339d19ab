/**
 * tinybench 6 results saved as JSON, in either of two shapes:
 * - tasks: `bench.tasks.map((t) => ({ name: t.name, result: t.result }))`. Latency is in ms;
 *   `latency.samples` (with `retainSamples: true`) are kept as samples in ns.
 * - table: `bench.table()`, whose cells are strings like `"1249.3 ± 3.94%"` in ns and ops/s.
 * The primary metric is the median latency (smaller is better); throughput is the `throughput`
 * metric (bigger). Tasks that errored or were aborted have no figures and are left out.
 */
import type { ImportedBenchmark } from './types.js';
import { defineImporter } from './types.js';
import type { JsonContext, JsonObject } from './json.js';
import * as json from './json.js';
import { scaleBy } from './units.js';

const FORMAT = 'tinybench';
const MEASURED = new Set(['completed', 'aborted-with-statistics']);

/** tinybench 6 task results or `bench.table()` as JSON. */
export const tinybenchImporter = defineImporter({
  format: FORMAT,
  produce:
    'fs.writeFileSync("tinybench.json", JSON.stringify(bench.tasks.map((t) => ({ name: t.name, result: t.result })))) after await bench.run()',
  detect: (input) => json.claimsJson(input, /"Task name"|"result"[\s\S]*"latency"/, (doc) => shapeOf(doc) !== undefined),
  read(input) {
    const ctx: JsonContext = { file: input.file, format: FORMAT };
    const rows = json.jsonOf(input, FORMAT) as (JsonObject | null)[];
    const out = shapeOf(rows) === 'table' ? fromTable(rows, ctx) : fromTasks(rows, ctx);
    return json.requireSome(out, '$', ctx);
  },
});

/** Which of the two shapes the document is, or undefined for other JSON. */
function shapeOf(doc: unknown): 'table' | 'tasks' | undefined {
  if (!Array.isArray(doc) || doc.length === 0 || !doc.every((r) => r === null || json.isObject(r))) return undefined;
  const rows = doc as (JsonObject | null)[];
  if (rows.some((r) => r !== null && 'Task name' in r)) return 'table';
  if (rows.some((r) => r !== null && 'name' in r && json.isObject(r.result) && 'state' in r.result)) return 'tasks';
  return undefined;
}

/** tinybench's own latency statistics (ms). */
const LATENCY_STATS = { n: 'samplesCount', mean: 'mean', median: 'p50', min: 'min', max: 'max', stdev: 'sd', p75: 'p75', p99: 'p99' };

function fromTasks(rows: (JsonObject | null)[], ctx: JsonContext): ImportedBenchmark[] {
  const out: ImportedBenchmark[] = [];
  rows.forEach((row, i) => {
    const path = `$[${i}]`;
    if (row === null) json.fail(ctx, path, 'an object with name and result');
    const name = json.stringAt(row, 'name', path, ctx);
    const result = json.objectAt(row, 'result', path, ctx);
    if (!MEASURED.has(String(result.state))) return;
    const rp = `${path}.result`;
    const latency = json.objectAt(result, 'latency', rp, ctx);
    const throughput = json.objectAt(result, 'throughput', rp, ctx);
    const b: ImportedBenchmark = {
      name,
      unit: 'ns',
      direction: 'smaller',
      value: scaleBy(json.numberAt(latency, 'p50', `${rp}.latency`, ctx), 1e6),
      stats: json.statsAt(latency, LATENCY_STATS, (ms) => scaleBy(ms, 1e6)),
      metrics: { throughput: { unit: 'ops/s', direction: 'bigger', value: json.numberAt(throughput, 'p50', `${rp}.throughput`, ctx) } },
    };
    if (Array.isArray(latency.samples) && latency.samples.length > 0) {
      b.samples = json.finiteNumbers(latency.samples, `${rp}.latency.samples`, ctx).map((ms) => scaleBy(ms, 1e6));
    } else if (latency.samples !== undefined && !Array.isArray(latency.samples)) {
      json.fail(ctx, `${rp}.latency.samples`, 'an array of milliseconds', latency.samples);
    }
    out.push(b);
  });
  return out;
}

function fromTable(rows: (JsonObject | null)[], ctx: JsonContext): ImportedBenchmark[] {
  const out: ImportedBenchmark[] = [];
  rows.forEach((row, i) => {
    const path = `$[${i}]`;
    // Tasks that errored or never ran have an Error or "N/A" cells instead of figures.
    if (row === null || 'Error' in row || row['Latency med (ns)'] === 'N/A') return;
    out.push({
      name: json.stringAt(row, 'Task name', path, ctx),
      unit: 'ns',
      direction: 'smaller',
      value: cell(row, 'Latency med (ns)', path, ctx),
      metrics: { throughput: { unit: 'ops/s', direction: 'bigger', value: cell(row, 'Throughput med (ops/s)', path, ctx) } },
    });
  });
  return out;
}

/** The leading number of a table cell such as `"1192.0 ± 60.00"`; `"N/A"` is not accepted. */
function cell(row: JsonObject, key: string, path: string, ctx: JsonContext): number {
  const v = row[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const m = typeof v === 'string' ? /^\s*([-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?)/i.exec(v) : null;
  if (!m) json.fail(ctx, `${path}[${JSON.stringify(key)}]`, 'a number, optionally followed by "± margin"', v);
  return Number(m[1]);
}
