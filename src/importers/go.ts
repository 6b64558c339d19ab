/**
 * `go test -bench` text. A result line is `BenchmarkName[-P] <iterations> <value> <unit>…`;
 * repeated lines (`-count`) become samples. `ns/op` is the primary metric; `-benchmem`,
 * `b.SetBytes` and `b.ReportMetric` pairs become metrics keyed by the unit as Go prints it.
 */
import { ImportError } from '../model/errors.js';
import type { Direction } from '../model/index.js';
import type { ImportedBenchmark, ImportedMetric } from './types.js';
import { defineImporter } from './types.js';
import { guessDirection, parseNumber, shiftDecimal } from './units.js';

/** A line of text and its 1-based line number in the file. */
export interface NumberedLine {
  text: string;
  line: number;
}

const RESULT = /^(Benchmark\S*)\s+(\d+)\s+(\S.*)$/;
const HEADER = /^(goos|goarch|pkg):\s*(.*)$/;

/** Base unit, direction and factor for the units the testing package writes itself. */
function goUnit(unit: string): { unit: string; direction: Direction; exp: number } {
  switch (unit) {
    case 'ns/op':
      return { unit: 'ns', direction: 'smaller', exp: 0 };
    case 'B/op':
      return { unit: 'B', direction: 'smaller', exp: 0 };
    case 'MB/s': // SetBytes: decimal megabytes per second
      return { unit: 'B/s', direction: 'bigger', exp: 6 };
    default: // allocs/op and ReportMetric units: kept as written
      return { unit, direction: guessDirection(unit), exp: 0 };
  }
}

function bad(file: string, format: string, line: number, what: string): ImportError {
  return new ImportError(`${file}:${line}: ${what}`, file, format, line);
}

/** One result line → one benchmark (null when the line is not a result line). */
function parseResult(l: NumberedLine, file: string, format: string): ImportedBenchmark | null {
  const m = RESULT.exec(l.text.trim());
  if (!m) return null;
  const [, name, , rest] = m as unknown as [string, string, string, string];
  const fields = rest.trim().split(/\s+/);
  if (fields.length % 2 !== 0) {
    throw bad(
      file,
      format,
      l.line,
      `benchmark ${JSON.stringify(name)}: expected "<value> <unit>" pairs after the iteration count, got ${JSON.stringify(rest.slice(0, 80))}`,
    );
  }
  const metrics: Record<string, ImportedMetric> = {};
  let primary: ImportedMetric | undefined;
  for (let i = 0; i < fields.length; i += 2) {
    const raw = fields[i] as string;
    const unit = fields[i + 1] as string;
    const value = parseNumber(raw);
    if (value === undefined) {
      throw bad(
        file,
        format,
        l.line,
        `benchmark ${JSON.stringify(name)}: expected a number before ${JSON.stringify(unit)}, got ${JSON.stringify(raw)}`,
      );
    }
    const u = goUnit(unit);
    const scaled = u.exp === 0 ? value : shiftDecimal(raw, u.exp);
    if (unit === 'ns/op') primary = { unit: u.unit, direction: u.direction, value: scaled };
    else metrics[unit] = { unit: u.unit, direction: u.direction, value: scaled };
  }
  if (!primary) {
    // ReportMetric(0, "ns/op") hides the time: the first reported metric is the primary one.
    const [key, first] = Object.entries(metrics)[0] as [string, ImportedMetric];
    delete metrics[key];
    primary = first;
  }
  const b: ImportedBenchmark = { name, unit: primary.unit, direction: primary.direction, value: primary.value };
  if (Object.keys(metrics).length > 0) b.metrics = metrics;
  return b;
}

/**
 * Benchmarks in `go test -bench` lines. The `pkg:` header (or, when absent, the `ok`/`FAIL`
 * line that ends a package) is the group.
 */
export function parseGoLines(lines: NumberedLine[], file: string, format: string, group?: string): ImportedBenchmark[] {
  const out: ImportedBenchmark[] = [];
  let pkg = group;
  let pending: ImportedBenchmark[] = []; // results seen before any `pkg:` line
  for (const l of lines) {
    const text = l.text.trim();
    const header = HEADER.exec(text);
    if (header) {
      if (header[1] === 'pkg') pkg = (header[2] as string) || group;
      continue;
    }
    const end = /^(?:ok|FAIL)\s+(\S+)\s/.exec(text);
    if (end && group === undefined) {
      for (const b of pending) b.group = end[1] as string;
      pending = [];
      pkg = undefined; // the next package announces itself again
      continue;
    }
    const b = parseResult(l, file, format);
    if (!b) continue;
    if (pkg !== undefined) b.group = pkg;
    else pending.push(b);
    out.push(b);
  }
  return out;
}

/** A line only `go test -bench` writes: a result line or a `goos:`/`goarch:`/`pkg:` header. */
function isGoLine(line: string): boolean {
  const text = line.trim();
  return RESULT.test(text) || HEADER.test(text);
}

/** `go test -bench` text importer. */
export const go = defineImporter({
  format: 'go',
  produce: 'go test -run=^$ -bench=. -benchmem -count=10 ./... > bench.txt',
  detect: (input) => input.lines.some(isGoLine),
  read: (input) =>
    parseGoLines(
      input.lines.map((t, i) => ({ text: t, line: i + 1 })),
      input.file,
      'go',
    ),
});
