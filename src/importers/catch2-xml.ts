/**
 * Catch2 v2/v3 XML reporter (`-r xml`): `<BenchmarkResults name=…>` with a `<mean value=…>`
 * child, all values in nanoseconds. The enclosing `<TestCase name=…>` is the group.
 */
import { ImportError } from '../model/errors.js';
import type { ImportedBenchmark } from './types.js';
import { defineImporter } from './types.js';
import { lineAt } from './json.js';
import { parseNumber } from './units.js';

const FORMAT = 'catch2-xml';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML attribute text with entities decoded; undefined for an unknown entity. */
function decode(v: string): string | undefined {
  let ok = true;
  const out = v.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_m, e: string) => {
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : e.startsWith('#') ? Number(e.slice(1)) : undefined;
    if (code !== undefined) {
      if (code > 0x10ffff) ok = false;
      return code > 0x10ffff ? '' : String.fromCodePoint(code);
    }
    if (!Object.hasOwn(ENTITIES, e)) ok = false;
    return ENTITIES[e] ?? '';
  });
  return ok ? out : undefined;
}

/** The attributes of an opening tag's text. */
function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) attrs.set(m[1] as string, m[2] as string);
  return attrs;
}

function bad(file: string, text: string, offset: number, what: string): ImportError {
  const line = lineAt(text, offset);
  return new ImportError(`${file}:${line}: ${what}`, file, FORMAT, line);
}

/** Catch2 XML importer. */
export const catch2Xml = defineImporter({
  format: FORMAT,
  produce: './tests "[benchmark]" -r xml -o bench.xml',
  detect: (input) => /^\s*(<\?xml[^>]*\?>\s*)?<Catch(2TestRun)?[\s>]/.test(input.text),
  read({ text, file }) {
    const out: ImportedBenchmark[] = [];
    let group: string | undefined;
    for (const m of text.matchAll(/<(TestCase|BenchmarkResults)\b((?:[^>"]|"[^"]*")*)>/g)) {
      const at = m.index ?? 0;
      const attrs = attributes(m[2] as string);
      const rawName = attrs.get('name');
      const name = rawName === undefined ? undefined : decode(rawName);
      if (m[1] === 'TestCase') {
        group = name;
        continue;
      }
      if (name === undefined || name === '') throw bad(file, text, at, 'expected <BenchmarkResults name="…"> with a name');
      const close = text.indexOf('</BenchmarkResults>', at);
      const body = text.slice(at, close < 0 ? text.length : close);
      const mean = /<mean\b([^>]*)>/.exec(body);
      const raw = mean ? attributes(mean[1] as string).get('value') : undefined;
      const value = raw === undefined ? undefined : parseNumber(raw);
      if (value === undefined) {
        throw bad(
          file,
          text,
          at + (mean?.index ?? 0),
          `benchmark ${JSON.stringify(name)}: expected <mean value="NANOSECONDS"/>, got ${JSON.stringify(raw ?? 'none')}`,
        );
      }
      const b: ImportedBenchmark = { name, unit: 'ns', direction: 'smaller', value };
      if (group !== undefined) b.group = group;
      out.push(b);
    }
    return out;
  },
});
