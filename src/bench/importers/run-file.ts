/**
 * Reading the project's own run file through the import path, so `compare` takes a run file
 * or a foreign tool's output through one call. Validates what `compare` relies on.
 */
import { ImportError } from '../../errors.js';
import { RUN_SCHEMA_VERSION, type BenchmarkResult, type RunFile } from '../../types.js';
import { type JsonContext, type JsonObject, arrayAt, fail, isObject, numberAt, numbersAt, objectAt, parseJson, stringAt } from './json.js';

/** The format name under which run files are reported and can be forced. */
export const RUN_FILE_FORMAT = 'track-performance';

/** True when parsed JSON claims to be a run file (`"tool": "track-performance"`). */
export function isRunFile(v: unknown): boolean {
  return isObject(v) && v.tool === RUN_FILE_FORMAT;
}

function checkMetricShape(o: JsonObject, path: string, ctx: JsonContext): void {
  stringAt(o, 'unit', path, ctx);
  if (o.direction !== 'smaller' && o.direction !== 'bigger') fail(ctx, `${path}.direction`, '"smaller" or "bigger"', o.direction);
  numberAt(o, 'value', path, ctx);
  if (o.samples !== undefined) numbersAt(o, 'samples', path, ctx);
}

function checkBenchmark(b: unknown, path: string, ctx: JsonContext): void {
  if (!isObject(b)) fail(ctx, path, 'an object', b);
  for (const key of ['id', 'suite', 'name'] as const) stringAt(b, key, path, ctx);
  checkMetricShape(b, path, ctx);
  const stats = objectAt(b, 'stats', path, ctx);
  for (const key of ['n', 'mean', 'median', 'min', 'max', 'stdev'] as const) numberAt(stats, key, `${path}.stats`, ctx);
  if (b.metrics !== undefined) {
    for (const [key, m] of Object.entries(objectAt(b, 'metrics', path, ctx))) {
      const mp = `${path}.metrics[${JSON.stringify(key)}]`;
      if (!isObject(m)) fail(ctx, mp, 'an object', m);
      checkMetricShape(m, mp, ctx);
    }
  }
}

/** Validates a run file's text; throws ImportError naming the JSON path of the first problem. */
export function readRunFile(text: string, file: string): RunFile {
  const ctx: JsonContext = { file, format: RUN_FILE_FORMAT };
  const doc = parseJson(text, ctx);
  if (!isObject(doc)) fail(ctx, '$', 'an object', doc);
  if (doc.tool !== RUN_FILE_FORMAT) fail(ctx, '$.tool', `"${RUN_FILE_FORMAT}"`, doc.tool);
  const version = numberAt(doc, 'schemaVersion', '$', ctx);
  if (version > RUN_SCHEMA_VERSION) {
    throw new ImportError(
      `${file}: $.schemaVersion: run file has schemaVersion ${version}, this track-performance reads up to ${RUN_SCHEMA_VERSION}; upgrade track-performance to read it`,
      file,
      RUN_FILE_FORMAT,
      '$.schemaVersion',
    );
  }
  if (version !== RUN_SCHEMA_VERSION) fail(ctx, '$.schemaVersion', `${RUN_SCHEMA_VERSION}`, version);
  stringAt(doc, 'timestamp', '$', ctx);
  arrayAt(doc, 'benchmarks', '$', ctx).forEach((b, i) => checkBenchmark(b, `$.benchmarks[${i}]`, ctx));
  return doc as unknown as RunFile & { benchmarks: BenchmarkResult[] };
}
