/**
 * Rust libtest `cargo +nightly bench` text (also what criterion prints with
 * `--output-format bencher`): `test NAME ... bench: 1,234.56 ns/iter (+/- 78) [= 830 MB/s]`.
 */
import { ImportError } from '../../errors.js';
import type { ImportedBenchmark, Importer } from './types.js';
import { valueMetric } from './metric.js';
import { textLines } from './text.js';
import { guessDirection, parseNumber, shiftDecimal, toNs } from './units.js';

const LINE = /^test (.+?)\s+\.\.\. bench:\s+(\S+) (\S+?)(\/iter)? \(\+\/- (\S+)\)(?:\s*=\s*(\S+) (\S+))?\s*$/;

function bad(file: string, format: string, line: number, what: string): ImportError {
  return new ImportError(`${file}:${line}: ${what}`, file, format, line);
}

/** One `test … bench:` line → one benchmark. */
function parseLine(text: string, line: number, file: string, format: string): ImportedBenchmark {
  const m = LINE.exec(text);
  if (!m) {
    throw bad(file, format, line, `expected "test NAME ... bench: VALUE UNIT/iter (+/- DEVIATION)", got ${JSON.stringify(text.slice(0, 100))}`);
  }
  const [, name, rawValue, unit, perIter, , rawRate, rateUnit] = m as unknown as [string, string, string, string, string | undefined, string, string | undefined, string | undefined];
  const value = parseNumber(rawValue);
  if (value === undefined) throw bad(file, format, line, `benchmark ${JSON.stringify(name)}: expected a number, got ${JSON.stringify(rawValue)}`);
  const ns = perIter ? toNs(rawValue, unit) : undefined;
  // Time per iteration in ns; other units (cycles/iter, MS/s) are kept as the tool wrote them.
  const b: ImportedBenchmark =
    ns !== undefined
      ? { name, unit: 'ns', direction: 'smaller', value: ns }
      : { name, unit: perIter ? `${unit}/iter` : unit, direction: guessDirection(unit), value };
  if (rawRate !== undefined && rateUnit !== undefined) {
    const rate = parseNumber(rawRate);
    if (rate === undefined) throw bad(file, format, line, `benchmark ${JSON.stringify(name)}: expected a number after "=", got ${JSON.stringify(rawRate)}`);
    // libtest's MB/s is decimal (bytes * 1000 / ns per iteration).
    b.metrics = { throughput: rateUnit === 'MB/s' ? valueMetric('B/s', 'bigger', shiftDecimal(rawRate, 6)) : valueMetric(rateUnit, 'bigger', rate) };
  }
  return b;
}

/** All `test … bench:` lines of the text (an empty array when there are none). */
export function parseBencherLines(text: string, file: string, format: string): ImportedBenchmark[] {
  const out: ImportedBenchmark[] = [];
  textLines(text).forEach((l, i) => {
    if (/^test .* \.\.\. bench:/.test(l)) out.push(parseLine(l, i + 1, file, format));
  });
  return out;
}

/** libtest `cargo bench` importer. */
export const cargo: Importer = {
  format: 'cargo',
  produce: 'cargo +nightly bench > bench.txt',
  parse(text, file) {
    const out = parseBencherLines(text, file, 'cargo');
    if (out.length > 0) return out;
    // A libtest run whose benchmarks all failed or were filtered out: ours, but empty.
    return /^test result: .*\d+ measured/m.test(text) ? out : null;
  },
};
