/**
 * Reading JSON input with errors that name the file, the line or JSON path, and what was
 * expected, so a broken export reads as one clear message instead of a stack trace.
 */
import { ImportError } from '../../errors.js';

/** Where an importer is reading: used to build ImportError messages. */
export interface Ctx {
  file: string;
  format: string;
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

/** JSON.parse with an ImportError naming the line where the JSON breaks. */
export function parseJson(text: string, ctx: Ctx): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(text, Number(pos[1])) : lineAt(text, text.length);
    throw new ImportError(
      `${ctx.file}:${line}: invalid JSON in ${ctx.format} output (${message}); expected the complete file the tool wrote`,
      ctx.file,
      ctx.format,
      line,
    );
  }
}

/** JSON.parse that returns undefined instead of throwing (for detection). */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A plain object (not null, not an array). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** ImportError at a JSON path: `file: $.path: expected …, got …`. */
export function jsonError(ctx: Ctx, path: string, expected: string, got?: unknown): ImportError {
  const shown = got === undefined ? 'nothing' : JSON.stringify(got)?.slice(0, 60) ?? String(got);
  return new ImportError(
    `${ctx.file}: ${path}: expected ${expected} in ${ctx.format} output, got ${shown}`,
    ctx.file,
    ctx.format,
    path,
  );
}

/** The object at `path`, or an ImportError. */
export function objectAt(v: unknown, ctx: Ctx, path: string): Record<string, unknown> {
  if (!isObject(v)) throw jsonError(ctx, path, 'an object', v);
  return v;
}

/** The array at `path`, or an ImportError. */
export function arrayAt(v: unknown, ctx: Ctx, path: string): unknown[] {
  if (!Array.isArray(v)) throw jsonError(ctx, path, 'an array', v);
  return v;
}

/** A finite number at `path`, or an ImportError. */
export function numberAt(v: unknown, ctx: Ctx, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw jsonError(ctx, path, 'a finite number', v);
  return v;
}

/** A non-empty string at `path`, or an ImportError. */
export function stringAt(v: unknown, ctx: Ctx, path: string): string {
  if (typeof v !== 'string' || v.length === 0) throw jsonError(ctx, path, 'a non-empty string', v);
  return v;
}

/** An array of finite numbers at `path` (each element checked), or an ImportError. */
export function numbersAt(v: unknown, ctx: Ctx, path: string): number[] {
  return arrayAt(v, ctx, path).map((x, i) => numberAt(x, ctx, `${path}[${i}]`));
}
