/**
 * A small JSON parser that remembers where each value starts, so config errors can name the
 * line and column of the bad value, not only its JSON path. It also reports syntax errors with
 * line and column (Node 20's JSON.parse gives neither reliably) and rejects duplicate keys,
 * which JSON.parse silently resolves to the last one.
 */

import { JsonSyntaxError, type Position } from '../model/errors.js';

export type { Position };

export interface ParsedJson {
  value: unknown;
  /** Start of each value, keyed by JSON pointer ('' for the root, '/suites/0/runs'). */
  positions: Map<string, Position>;
}

/** JSON pointer segment escaping (RFC 6901), matching ajv's `instancePath`. */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

// Sticky (y) so each match starts exactly at lastIndex without slicing the text.
// eslint-disable-next-line no-control-regex
const STRING_RE = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL_RE = /(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\w.])/y;

/**
 * Objects and arrays nested deeper than this are refused: the parser recurses once per level, so
 * a hostile file (thousands of `[`) would overflow the stack; no config comes near it.
 */
export const MAX_DEPTH = 100;

/** Parse JSON text, recording where every value starts. Throws JsonSyntaxError. */
export function parseJsonWithPositions(text: string): ParsedJson {
  const positions = new Map<string, Position>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // tolerate a UTF-8 BOM

  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const posAt = (at: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - lineStarts[lo]! + 1 };
  };
  const fail = (what: string, at = i): never => {
    const found = at >= text.length ? 'the end of the file' : JSON.stringify(text.slice(at, at + 12));
    throw new JsonSyntaxError(`invalid JSON: expected ${what}, found ${found}`, posAt(at));
  };
  const skip = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (ch: string): void => {
    skip();
    if (text[i] !== ch) fail(`'${ch}'`);
    i++;
  };

  const parseString = (): string => {
    const start = i;
    STRING_RE.lastIndex = i;
    const m = STRING_RE.exec(text);
    if (!m) {
      if (text[i] !== '"') fail('a string');
      fail("a string closed by '\"' on the same line, with valid escapes", start);
    }
    i += m![0].length;
    return JSON.parse(m![0]) as string;
  };

  let depth = 0; // objects and arrays open around the value being parsed
  const parseValue = (pointer: string): unknown => {
    skip();
    positions.set(pointer, posAt(i));
    const ch = text[i];
    if ((ch === '{' || ch === '[') && depth >= MAX_DEPTH)
      throw new JsonSyntaxError(
        `nested too deeply: expected at most ${MAX_DEPTH} levels of objects and arrays (a config needs a few), found level ${MAX_DEPTH + 1} here`,
        posAt(i),
      );
    if (ch === '{' || ch === '[') {
      depth++;
      const nested = ch === '{' ? parseObject(pointer) : parseArray(pointer);
      depth--;
      return nested;
    }
    if (ch === '"') return parseString();
    LITERAL_RE.lastIndex = i;
    const lit = LITERAL_RE.exec(text);
    if (!lit) return fail('a value (object, array, string, number, true, false or null)');
    i += lit[0].length;
    return JSON.parse(lit[0]) as unknown;
  };

  /** The items of an object or array after its opening bracket, up to `close`; no trailing comma. */
  const parseItems = (close: '}' | ']', what: string, item: () => void): void => {
    i++;
    skip();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      skip();
      const sep = text[i++];
      if (sep === close) return;
      if (sep !== ',') fail(`',' or '${close}'`, i - 1);
      skip();
      if (text[i] === close) fail(`${what} after ',' (no trailing commas in JSON)`);
    }
  };

  const parseObject = (pointer: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    parseItems('}', 'a property name', () => {
      skip();
      const keyAt = i;
      if (text[i] !== '"') fail('a property name in double quotes');
      const key = parseString();
      if (Object.hasOwn(out, key))
        throw new JsonSyntaxError(`invalid JSON: expected each key once per object, found ${JSON.stringify(key)} again`, posAt(keyAt));
      expect(':');
      // defineProperty: a "__proto__" key is data, not the prototype.
      Object.defineProperty(out, key, {
        value: parseValue(`${pointer}/${pointerSegment(key)}`),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return out;
  };

  const parseArray = (pointer: string): unknown[] => {
    const out: unknown[] = [];
    parseItems(']', 'a value', () => out.push(parseValue(`${pointer}/${out.length}`)));
    return out;
  };

  const value = parseValue('');
  skip();
  if (i < text.length) fail('the end of the file after the top-level value');
  return { value, positions };
}
