/**
 * `go test -bench … -json`: test2json events. The `output` events of each package are joined
 * back into the text `go test` printed (a result line can span two events) and read as
 * `go test -bench` text with the package as the group.
 */
import { ImportError } from '../model/errors.js';
import type { ImportInput, ImportedBenchmark } from './types.js';
import { defineImporter } from './types.js';
import { type NumberedLine, parseGoLines } from './go.js';
import { isObject } from './json.js';

interface PackageText {
  lines: NumberedLine[];
  /** The unfinished last line and the JSON line its first part came from. */
  partial: string;
  partialLine: number;
}

function isEvent(v: unknown): v is Record<string, unknown> {
  return isObject(v) && typeof v.Action === 'string';
}

/**
 * The first JSON line is a test2json event. A text that is one JSON value is an event only when
 * that value is one (a single-line file): its lines are not parsed again.
 */
function detect(input: ImportInput): boolean {
  if (input.json !== undefined) return isEvent(input.json);
  const first = input.lines.find((l) => l.trim() !== '');
  if (first === undefined || !/^\s*\{/.test(first)) return false;
  try {
    return isEvent(JSON.parse(first));
  } catch {
    return false;
  }
}

function append(pkg: PackageText, output: string, line: number): void {
  const parts = output.split('\n');
  parts.forEach((part, i) => {
    if (pkg.partial === '') pkg.partialLine = line;
    pkg.partial += part;
    if (i < parts.length - 1) {
      pkg.lines.push({ text: pkg.partial, line: pkg.partialLine });
      pkg.partial = '';
    }
  });
}

/** `go test -json` importer. */
export const goJson = defineImporter({
  format: 'go-json',
  produce: 'go test -run=^$ -bench=. -benchmem -count=10 -json ./... > bench.jsonl',
  detect,
  read({ lines, file }) {
    const packages = new Map<string, PackageText>();
    lines.forEach((raw, i) => {
      const l = raw.trim();
      if (!l.startsWith('{')) return; // build errors and other stderr lines between events
      let event: unknown;
      try {
        event = JSON.parse(l);
      } catch {
        throw new ImportError(
          `${file}:${i + 1}: expected one JSON event per line (go test -json), got ${JSON.stringify(l.slice(0, 60))}`,
          file,
          'go-json',
          i + 1,
        );
      }
      if (!isEvent(event) || event.Action !== 'output' || typeof event.Output !== 'string') return;
      const name = typeof event.Package === 'string' ? event.Package : '';
      const pkg = packages.get(name) ?? { lines: [], partial: '', partialLine: i + 1 };
      append(pkg, event.Output, i + 1);
      packages.set(name, pkg);
    });
    const out: ImportedBenchmark[] = [];
    for (const [name, pkg] of packages) {
      if (pkg.partial !== '') pkg.lines.push({ text: pkg.partial, line: pkg.partialLine });
      out.push(...parseGoLines(pkg.lines, file, 'go-json', name === '' ? undefined : name));
    }
    return out;
  },
});
