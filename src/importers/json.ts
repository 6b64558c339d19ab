/**
 * Reading a foreign tool's JSON with errors that name the file, the line or JSON path, and what
 * was expected, so a broken export reads as one clear message instead of a stack trace. Shared by
 * the JSON importers so that each one holds only its format's mapping.
 */
import { ImportError } from '../model/errors.js';
import type { Stats } from '../model/index.js';
import type { ImportInput } from './types.js';

/** Where an importer is reading: the file and format every ImportError names. */
export interface JsonContext {
  file: string;
  format: string;
  /** What is being read, named in messages before the JSON path (e.g. `benchmark "parse"`). */
  subject?: string;
}

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not null, not an array). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The input's JSON value, or an ImportError naming the line where its JSON breaks. */
export function jsonOf(input: ImportInput, format: string): unknown {
  const error = input.jsonError;
  if (error === undefined && input.json !== undefined) return input.json;
  const line = error?.line ?? 1;
  const why = error ? `not valid JSON (${error.message})` : 'not JSON';
  throw new ImportError(`${input.file}:${line}: ${why}; expected a complete ${format} JSON file`, input.file, format, line);
}

/**
 * Detection of a JSON format: the parsed value has the format's `shape`; or the text starts like
 * JSON (an object, or with `objectOnly` false an array too), does not parse, and carries the
 * format's `signature` — a broken file of this format, whose syntax error parse then reports.
 */
export function claimsJson(
  input: ImportInput,
  signature: RegExp | ((text: string) => boolean),
  shape: (doc: unknown) => boolean,
  objectOnly = false,
): boolean {
  if (!(objectOnly ? /^\s*\{/ : /^\s*[[{]/).test(input.text)) return false;
  const doc = input.json;
  if (doc !== undefined) return shape(doc);
  return typeof signature === 'function' ? signature(input.text) : signature.test(input.text);
}

/** Throws an ImportError at a JSON path: `file: $.path: expected …, got …` (`got` when given). */
export function fail(ctx: JsonContext, path: string, expected: string, ...got: unknown[]): never {
  const seen = got.length > 0 ? `, got ${describe(got[0])}` : '';
  const subject = ctx.subject === undefined ? '' : `${ctx.subject}: `;
  throw new ImportError(`${ctx.file}: ${subject}${path}: expected ${expected}${seen}`, ctx.file, ctx.format, path);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v); // JSON would say null
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** A required object at `obj[key]`. */
export function objectAt(obj: JsonObject, key: string, path: string, ctx: JsonContext): JsonObject {
  const v = obj[key];
  if (!isObject(v)) fail(ctx, `${path}.${key}`, 'an object', v);
  return v;
}

/** A required array at `obj[key]`. */
export function arrayAt(obj: JsonObject, key: string, path: string, ctx: JsonContext): unknown[] {
  const v = obj[key];
  if (!Array.isArray(v)) fail(ctx, `${path}.${key}`, 'an array', v);
  return v;
}

/** A required finite number at `obj[key]`. */
export function numberAt(obj: JsonObject, key: string, path: string, ctx: JsonContext): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(ctx, `${path}.${key}`, 'a finite number', v);
  return v;
}

/** An optional finite number at `obj[key]` (absent or null gives undefined). */
export function optionalNumberAt(obj: JsonObject, key: string, path: string, ctx: JsonContext): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  return numberAt(obj, key, path, ctx);
}

/** A required non-empty string at `obj[key]`. */
export function stringAt(obj: JsonObject, key: string, path: string, ctx: JsonContext): string {
  const v = obj[key];
  if (typeof v !== 'string' || v === '') fail(ctx, `${path}.${key}`, 'a non-empty string', v);
  return v;
}

/** A required array of finite numbers at `obj[key]`, each element checked. */
export function numbersAt(obj: JsonObject, key: string, path: string, ctx: JsonContext): number[] {
  return finiteNumbers(arrayAt(obj, key, path, ctx), `${path}.${key}`, ctx);
}

/** An array of objects: each element checked, with its path. */
export function objectsAt(obj: JsonObject, key: string, path: string, ctx: JsonContext): JsonObject[] {
  return arrayAt(obj, key, path, ctx).map((v, i) => {
    if (!isObject(v)) fail(ctx, `${path}.${key}[${i}]`, 'an object', v);
    return v;
  });
}

/** Every element of `list` a finite number, else an ImportError at `path[i]`. */
export function finiteNumbers(list: unknown[], path: string, ctx: JsonContext): number[] {
  return list.map((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(ctx, `${path}[${i}]`, 'a finite number', v);
    return v;
  });
}

/** Throws when a format's file holds no benchmark at all: never a silently empty result. */
export function requireSome<T>(list: T[], path: string, ctx: JsonContext): T[] {
  if (list.length === 0) fail(ctx, path, `at least one ${ctx.format} benchmark`);
  return list;
}

/**
 * The statistics a tool reported, read from `obj` by key (`{ mean: 'Mean', stdev: 'StdDev' }`),
 * converted to base units by `scale` except the count `n`. Only finite numbers are taken: tools
 * write an undefined statistic as null or "NaN", and the run's own samples fill the gap.
 */
export function statsAt(
  obj: JsonObject,
  keys: Partial<Record<keyof Stats, string>>,
  scale: (v: number) => number = (v) => v,
): Partial<Stats> {
  const stats: Partial<Stats> = {};
  for (const [stat, key] of Object.entries(keys) as Array<[keyof Stats, string]>) {
    const v = obj[key];
    if (typeof v === 'number' && Number.isFinite(v)) stats[stat] = stat === 'n' ? v : scale(v);
  }
  return stats;
}
