import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseJsonWithPositions } from '../../src/config/json-source.js';
import { JsonSyntaxError } from '../../src/model/errors.js';

describe('parseJsonWithPositions', () => {
  it('gives the same value as JSON.parse on any valid JSON', () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom(undefined, 2), (json, indent) => {
        const text = JSON.stringify(JSON.parse(json), null, indent);
        expect(parseJsonWithPositions(text).value).toEqual(JSON.parse(text));
      }),
    );
  });

  it('records the line and column where each value starts, by JSON pointer', () => {
    const { positions } = parseJsonWithPositions('{\n  "a/b": [1,\n    {"~x": true}]\n}');
    expect(Object.fromEntries(positions)).toEqual({
      '': { line: 1, column: 1 },
      '/a~1b': { line: 2, column: 10 },
      '/a~1b/0': { line: 2, column: 11 },
      '/a~1b/1': { line: 3, column: 5 },
      '/a~1b/1/~0x': { line: 3, column: 12 },
    });
  });

  it('keeps a "__proto__" key as data', () => {
    const value = parseJsonWithPositions('{"__proto__": {"polluted": 1}}').value as object;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['{"a": 1,}', 1, 9],
    ['[1 2]', 1, 4],
    ['{"a": "line\nbreak"}', 1, 7],
    ['{"a": 01}', 1, 7],
    ['{"a": NaN}', 1, 7],
    ['{"a": 1} x', 1, 10],
    ['{\n"a": 1,\n"a": 2}', 3, 1],
  ])('rejects %j at line %i, column %i', (text, line, column) => {
    let error: unknown;
    try {
      parseJsonWithPositions(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect((error as JsonSyntaxError).position).toEqual({ line, column });
    // JSON.parse agrees these are not valid JSON, except for the duplicate key it would silently drop.
    if (!text.includes('"a": 2')) expect(() => JSON.parse(text)).toThrow();
  });

  it(`takes ${MAX_DEPTH} levels of nesting and refuses one more where it starts, without overflowing the stack`, () => {
    const nest = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(parseJsonWithPositions(nest(MAX_DEPTH)).value).toEqual(JSON.parse(nest(MAX_DEPTH)));
    for (const n of [MAX_DEPTH + 1, 100_000]) {
      const text = `{"a":\n  ${nest(n)}}`;
      const error = (() => {
        try {
          parseJsonWithPositions(text);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(JsonSyntaxError);
      expect((error as JsonSyntaxError).message).toMatch(/nested too deeply: expected at most \d+ levels/);
      // The root object is level 1, so the refused level opens at column 3 + MAX_DEPTH - 1.
      expect((error as JsonSyntaxError).position).toEqual({ line: 2, column: 2 + MAX_DEPTH });
    }
  });
});
