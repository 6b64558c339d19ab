/**
 * The project's own run file through the import path, so `compare` takes a run file or a
 * foreign tool's output through one call, and the one validation of what `compare` relies on:
 * applied to every run file read and to every run an import makes, so that `import` never
 * writes what `compare` would refuse.
 */
import { ImportError } from '../model/errors.js';
import { RUN_SCHEMA_VERSION, type RunFile } from '../model/index.js';
import { type JsonContext, type JsonObject, arrayAt, fail, isObject, jsonOf, numberAt, numbersAt, objectAt, stringAt } from './json.js';
import type { ImportInput } from './types.js';

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
  // From here on, errors name the benchmark too: a path alone is hard to find in a large run.
  const named = { ...ctx, subject: `benchmark ${JSON.stringify(String(b.name).slice(0, 80))}` };
  checkMetricShape(b, path, named);
  const stats = objectAt(b, 'stats', path, named);
  for (const key of ['n', 'mean', 'median', 'min', 'max', 'stdev'] as const) numberAt(stats, key, `${path}.stats`, named);
  if (b.metrics !== undefined) {
    for (const [key, m] of Object.entries(objectAt(b, 'metrics', path, named))) {
      const mp = `${path}.metrics[${JSON.stringify(key)}]`;
      if (!isObject(m)) fail(named, mp, 'an object', m);
      checkMetricShape(m, mp, named);
    }
  }
}

/** A shard record (`$.shard`): what a merge relies on, so a corrupt shard file is named, not half-merged. */
function checkShard(o: unknown, ctx: JsonContext): void {
  if (!isObject(o)) fail(ctx, '$.shard', 'an object', o);
  const count = numberAt(o, 'count', '$.shard', ctx);
  const index = numberAt(o, 'index', '$.shard', ctx);
  if (!Number.isInteger(count) || count < 1) fail(ctx, '$.shard.count', 'a whole number ≥ 1', count);
  if (!Number.isInteger(index) || index < 1 || index > count) fail(ctx, '$.shard.index', `a whole number from 1 to ${count}`, index);
  arrayAt(o, 'suites', '$.shard', ctx).forEach((s, i) => typeof s === 'string' || fail(ctx, `$.shard.suites[${i}]`, 'a suite name', s));
  if (o.sweeps !== undefined)
    arrayAt(o, 'sweeps', '$.shard', ctx).forEach(
      (s, i) => typeof s === 'string' || fail(ctx, `$.shard.sweeps[${i}]`, 'a scaling suite name', s),
    );
  if (o.attempt !== undefined && (!Number.isInteger(o.attempt) || (o.attempt as number) < 1))
    fail(ctx, '$.shard.attempt', 'a whole number ≥ 1', o.attempt);
  for (const key of ['runId', 'variant'] as const) if (o[key] !== undefined) stringAt(o, key, '$.shard', ctx);
  if (o.split !== undefined)
    for (const [suite, ids] of Object.entries(objectAt(o, 'split', '$.shard', ctx)))
      if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string'))
        fail(ctx, `$.shard.split[${JSON.stringify(suite)}]`, 'an array of benchmark ids', ids);
  if (o.ab !== undefined) checkPairs(o.ab, ctx);
}

/** An A/B shard's pairs (`$.shard.ab`): its base commit and, per side, one run per round. */
function checkPairs(ab: unknown, ctx: JsonContext): void {
  if (!isObject(ab)) fail(ctx, '$.shard.ab', 'an object', ab);
  stringAt(ab, 'baseCommit', '$.shard.ab', ctx);
  for (const side of ['base', 'head'] as const)
    arrayAt(ab, side, '$.shard.ab', ctx).forEach((r, i) => {
      const path = `$.shard.ab.${side}[${i}]`;
      if (!isObject(r)) fail(ctx, path, 'a run of one round', r);
      stringAt(r, 'timestamp', path, ctx);
      arrayAt(r, 'benchmarks', path, ctx).forEach((b, j) => checkBenchmark(b, `${path}.benchmarks[${j}]`, ctx));
    });
  if (ab.notes !== undefined)
    arrayAt(ab, 'notes', '$.shard.ab', ctx).forEach(
      (n, i) => typeof n === 'string' || fail(ctx, `$.shard.ab.notes[${i}]`, 'a sentence', n),
    );
}

/** A sweep of a scaling suite: its name, command and unit, and per level N ≥ 1 its throughputs. */
function checkScaling(r: unknown, path: string, ctx: JsonContext): void {
  if (!isObject(r)) fail(ctx, path, 'an object', r);
  for (const key of ['suite', 'command', 'unit'] as const) stringAt(r, key, path, ctx);
  const named = { ...ctx, subject: `scaling suite ${JSON.stringify(String(r.suite).slice(0, 80))}` };
  arrayAt(r, 'levels', path, named).forEach((l, i) => {
    const lp = `${path}.levels[${i}]`;
    if (!isObject(l)) fail(named, lp, 'an object', l);
    if (!(numberAt(l, 'n', lp, named) >= 1)) fail(named, `${lp}.n`, 'a level N ≥ 1', l.n);
    numbersAt(l, 'throughputs', lp, named);
    if (l.error !== undefined) stringAt(l, 'error', lp, named);
    if (l.metrics !== undefined)
      for (const key of Object.keys(objectAt(l, 'metrics', lp, named))) numbersAt(l.metrics as JsonObject, key, `${lp}.metrics`, named);
  });
}

/**
 * Checks a run — parsed from a run file, or made by an import — for everything `compare` relies
 * on; throws ImportError naming the file, the benchmark, the JSON path and what was expected.
 */
export function validateRun(doc: unknown, file: string, format = RUN_FILE_FORMAT): RunFile {
  const ctx: JsonContext = { file, format };
  if (!isObject(doc)) fail(ctx, '$', 'an object', doc);
  if (doc.tool !== RUN_FILE_FORMAT) fail(ctx, '$.tool', `"${RUN_FILE_FORMAT}"`, doc.tool);
  const version = numberAt(doc, 'schemaVersion', '$', ctx);
  if (version > RUN_SCHEMA_VERSION) {
    throw new ImportError(
      `${file}: $.schemaVersion: run file has schemaVersion ${version}, this track-performance reads up to ${RUN_SCHEMA_VERSION}; upgrade track-performance to read it`,
      file,
      format,
      '$.schemaVersion',
    );
  }
  if (version !== RUN_SCHEMA_VERSION) fail(ctx, '$.schemaVersion', `${RUN_SCHEMA_VERSION}`, version);
  stringAt(doc, 'timestamp', '$', ctx);
  arrayAt(doc, 'benchmarks', '$', ctx).forEach((b, i) => checkBenchmark(b, `$.benchmarks[${i}]`, ctx));
  if (doc.shard !== undefined) checkShard(doc.shard, ctx);
  if (doc.scaling !== undefined) arrayAt(doc, 'scaling', '$', ctx).forEach((r, i) => checkScaling(r, `$.scaling[${i}]`, ctx));
  return doc as unknown as RunFile;
}

/** Reads a run file from its input (parsed once, with the other formats' detection). */
export function readRunFile(input: ImportInput): RunFile {
  return validateRun(jsonOf(input, RUN_FILE_FORMAT), input.file);
}
