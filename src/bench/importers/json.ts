/**
 * Reading a foreign tool's JSON with errors that name the file, the line or JSON path, and what
 * was expected, so a broken export reads as one clear message instead of a stack trace. Shared by
 * the JSON importers so that each one holds only its format's mapping.
 */
import { ImportError } from '../../errors.js';
import type { ImportedBenchmark, Importer } from './types.js';

/** Where an importer is reading: the file and format every ImportError names. */
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

/** True when the text could be a single JSON object (cheap check used by detection). */
export function looksLikeJsonObject(text: string): boolean {
  return /^\s*\{/.test(text);
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** JSON.parse that returns undefined instead of throwing (for detection). */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** JSON.parse with an ImportError naming the line where the JSON breaks. */
export function parseJson(text: string, ctx: JsonContext): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // V8 names the offset ("at position N"); without it the text ended early: the last line.
    const pos = /position (\d+)/.exec(message);
    const line = lineAt(text, pos ? Number(pos[1]) : text.length);
    throw new ImportError(
      `${ctx.file}:${line}: not valid JSON (${message}); expected a complete ${ctx.format} JSON file`,
      ctx.file,
      ctx.format,
      line,
    );
  }
}

/**
 * Parses `text` as JSON. Returns `undefined` when it is not JSON, unless `signature` matches the
 * raw text: then the file is this format but broken (truncated, edited), and an ImportError names
 * the line of the syntax error.
 */
export function parseJsonText(text: string, ctx: JsonContext, signature: RegExp): unknown {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  const doc = tryParseJson(text);
  return doc === undefined && signature.test(text) ? parseJson(text, ctx) : doc;
}

/** Throws an ImportError at a JSON path: `file: $.path: expected …, got …` (`got` when given). */
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
