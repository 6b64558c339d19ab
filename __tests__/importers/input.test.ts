import { describe, expect, it } from 'vitest';
import { decodeUtf8, importInput } from '../../src/importers/input.js';
import { importErrorOf } from './import-checks.js';

describe('decoding and the shared input', () => {
  it('decodes UTF-8 as it is, a BOM and a real U+FFFD included', () => {
    const text = '\uFEFF{"name": "µs \uFFFD ok"}';
    expect(decodeUtf8(Buffer.from(text, 'utf8'), 'ok.json')).toBe(text);
  });

  it('names the byte offset and line of the first byte that is not UTF-8, after a real U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('a \uFFFD é\nline two '), Buffer.from([0xc3, 0x28]), Buffer.from(' end')]);
    const e = importErrorOf(() => decodeUtf8(bytes, 'x.txt'));
    expect(e.message).toBe(
      `x.txt:2: byte ${bytes.lastIndexOf(0xc3)} (0xc3) is not valid UTF-8; expected the text or JSON output of a benchmark tool in UTF-8 (convert it, e.g. iconv -f LATIN1 -t UTF-8)`,
    );
    expect(e).toMatchObject({ file: 'x.txt', location: 2 });
  });

  it('parses JSON once, on first use, and not at all for text', () => {
    const input = importInput('{"a": [1]}', 'a.json');
    expect(input.json).toEqual({ a: [1] });
    expect(input.json).toBe(input.json);
    expect(importInput('BenchmarkX 1 2 ns/op', 'go.txt').json).toBeUndefined();
    expect(importInput('{"a": ', 'cut.json').jsonError?.line).toBe(1);
    expect(importInput('a\r\n\u001b[32mb\u001b[0m', 't.txt').lines).toEqual(['a', 'b']);
  });
});
