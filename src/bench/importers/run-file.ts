/**
 * Reading the project's own run file through the import path, so `compare` takes a run file
 * or a foreign tool's output through one call. Validates what `compare` relies on.
 */
import { ImportError } from '../../errors.js';
import { RUN_SCHEMA_VERSION, type BenchmarkResult, type RunFile } from '../../types.js';
import { type Ctx, arrayAt, isObject, jsonError, numberAt, numbersAt, objectAt, parseJson, stringAt } from './json.js';

/** The format name under which run files are reported and can be forced. */
export const RUN_FILE_FORMAT = 'track-performance';

/** True when parsed JSON claims to be a run file (`"tool": "track-performance"`). */
export function isRunFile(v: unknown): boolean {
  return isObject(v) && v.tool === RUN_FILE_FORMAT;
}

function checkDirection(v: unknown, ctx: Ctx, path: string): void {
  if (v !== 'smaller' && v !== 'bigger') throw jsonError(ctx, path, '"smaller" or "bigger"', v);
}

function checkMetricShape(o: Record<string, unknown>, ctx: Ctx, path: string): void {
  stringAt(o.unit, ctx, `${path}.unit`);
  checkDirection(o.direction, ctx, `${path}.direction`);
  numberAt(o.value, ctx, `${path}.value`);
  if (o.samples !== undefined) numbersAt(o.samples, ctx, `${path}.samples`);
}

function checkBenchmark(b: unknown, ctx: Ctx, path: string): void {
  const o = objectAt(b, ctx, path);
  for (const key of ['id', 'suite', 'name'] as const) stringAt(o[key], ctx, `${path}.${key}`);
  checkMetricShape(o, ctx, path);
  const stats = objectAt(o.stats, ctx, `${path}.stats`);
  for (const key of ['n', 'mean', 'median', 'min', 'max', 'stdev'] as const) {
    numberAt(stats[key], ctx, `${path}.stats.${key}`);
  }
  if (o.metrics !== undefined) {
    const metrics = objectAt(o.metrics, ctx, `${path}.metrics`);
    for (const [key, m] of Object.entries(metrics)) {
      const mp = `${path}.metrics[${JSON.stringify(key)}]`;
      checkMetricShape(objectAt(m, ctx, mp), ctx, mp);
    }
  }
}

/** Validates a run file's text; throws ImportError naming the JSON path of the first problem. */
export function readRunFile(text: string, file: string): RunFile {
  const ctx: Ctx = { file, format: RUN_FILE_FORMAT };
  const doc = objectAt(parseJson(text, ctx), ctx, '$');
  if (doc.tool !== RUN_FILE_FORMAT) throw jsonError(ctx, '$.tool', `"${RUN_FILE_FORMAT}"`, doc.tool);
  const version = numberAt(doc.schemaVersion, ctx, '$.schemaVersion');
  if (version > RUN_SCHEMA_VERSION) {
    throw new ImportError(
      `${file}: $.schemaVersion: run file has schemaVersion ${version}, this track-performance reads up to ${RUN_SCHEMA_VERSION}; upgrade track-performance to read it`,
      file,
      RUN_FILE_FORMAT,
      '$.schemaVersion',
    );
  }
  if (version !== RUN_SCHEMA_VERSION) throw jsonError(ctx, '$.schemaVersion', `${RUN_SCHEMA_VERSION}`, version);
  stringAt(doc.timestamp, ctx, '$.timestamp');
  const benchmarks = arrayAt(doc.benchmarks, ctx, '$.benchmarks');
  benchmarks.forEach((b, i) => checkBenchmark(b, ctx, `$.benchmarks[${i}]`));
  return doc as unknown as RunFile & { benchmarks: BenchmarkResult[] };
}
