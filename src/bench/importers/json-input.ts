/**
 * Reading a foreign tool's JSON with errors that name the file, the JSON path (or line) and what
 * was expected. Shared by the JSON importers so that each one holds only its format's mapping.
 */
import { ImportError } from '../../errors.js';
import type { ImportedBenchmark, Importer } from './types.js';

/** Where a value came from, for error messages. */
export interface JsonContext {
  file: string;
  format: string;
}

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not null, not an array). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Parses `text` as JSON. Returns `undefined` when it is not JSON, unless `signature` matches the
 * raw text: then the file is this format but broken (truncated, edited), and an ImportError names
 * the line of the syntax error.
 */
export function parseJsonText(text: string, ctx: JsonContext, signature: RegExp): unknown {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    if (!signature.test(text)) return undefined;
    const line = syntaxErrorLine(text, e instanceof Error ? e.message : String(e));
    throw new ImportError(
      `${ctx.file}:${line}: not valid JSON (${e instanceof Error ? e.message : String(e)}); expected a complete ${ctx.format} JSON file`,
      ctx.file,
      ctx.format,
      line,
    );
  }
}

/** The 1-based line of a JSON.parse error: from "position N" when given, else the last line. */
function syntaxErrorLine(text: string, message: string): number {
  const m = /position (\d+)/.exec(message);
  const end = m ? Number(m[1]) : text.length;
  let line = 1;
  for (let i = 0; i < end && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Throws an ImportError at a JSON path. */
export function fail(ctx: JsonContext, path: string, expected: string, ...got: unknown[]): never {
  const seen = got.length > 0 ? `, got ${describe(got[0])}` : '';
  throw new ImportError(`${ctx.file}: ${path}: expected ${expected}${seen}`, ctx.file, ctx.format, path);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
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
 * An Importer for a JSON format. `read` maps the parsed document, or returns null when it is
 * not this format; text that is not JSON is null too, unless it carries the format's
 * `signature` (then it is this format, broken, and the error names the line).
 */
export function jsonImporter(
  format: string,
  produce: string,
  signature: RegExp,
  read: (doc: unknown, ctx: JsonContext) => ImportedBenchmark[] | null,
): Importer {
  return {
    format,
    produce,
    parse(text, file) {
      const ctx = { file, format };
      const doc = parseJsonText(text, ctx, signature);
      return doc === undefined ? null : read(doc, ctx);
    },
  };
}
