/**
 * The one input every importer reads: bytes decoded once (strict UTF-8), the JSON value and
 * the lines computed on first use and shared by every format's detection and parsing.
 */
import { ImportError } from '../model/errors.js';
import { lineAt } from './json.js';
import type { ImportInput } from './types.js';

const JSON_START = /^\s*[[{]/;

/** Lines without line breaks or ANSI colour codes; index i is line i + 1. */
function textLines(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').split(/\r?\n|\r/);
}

class Input implements ImportInput {
  #json: { value: unknown; error?: { message: string; line: number } } | undefined;
  #lines: readonly string[] | undefined;

  constructor(
    readonly text: string,
    readonly file: string,
  ) {}

  #parsed(): { value: unknown; error?: { message: string; line: number } } {
    if (this.#json) return this.#json;
    if (!JSON_START.test(this.text)) return (this.#json = { value: undefined });
    try {
      return (this.#json = { value: JSON.parse(this.text) as unknown });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // V8 names the offset ("at position N"); without it the text ended early: the last line.
      const pos = /position (\d+)/.exec(message);
      return (this.#json = { value: undefined, error: { message, line: lineAt(this.text, pos ? Number(pos[1]) : this.text.length) } });
    }
  }

  get json(): unknown {
    return this.#parsed().value;
  }

  get jsonError(): { message: string; line: number } | undefined {
    return this.#parsed().error;
  }

  get lines(): readonly string[] {
    return (this.#lines ??= textLines(this.text));
  }
}

/** The input of one file's text, for `detect` and `parse` of every importer. */
export function importInput(text: string, file: string): ImportInput {
  return new Input(text, file);
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 bytes of one code point. */
const utf8Length = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * A file's bytes as text. Bytes that are not UTF-8 are an ImportError naming the file, the byte
 * offset and the line, not U+FFFD in a benchmark name that `compare` would later refuse.
 */
export function decodeUtf8(bytes: Uint8Array, file: string, format?: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    // Everything before the first bad sequence decodes as it is: walk it to find the offset.
    const text = lenient.decode(bytes);
    let offset = 0;
    let i = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number;
      const literal = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
      if (cp === 0xfffd && !literal) break;
      offset += utf8Length(cp);
      i += ch.length;
    }
    const line = lineAt(text, i);
    throw new ImportError(
      `${file}:${line}: byte ${offset} (0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}) is not valid UTF-8; expected the text or JSON output of a benchmark tool in UTF-8 (convert it, e.g. iconv -f LATIN1 -t UTF-8)`,
      file,
      format,
      line,
    );
  }
}
