/**
 * Rust libtest `cargo +nightly bench` text (also what criterion prints with
 * `--output-format bencher`): `test NAME ... bench: 1,234.56 ns/iter (+/- 78) [= 830 MB/s]`.
 */
import { ImportError } from '../model/errors.js';
import type { ImportInput, ImportedBenchmark } from './types.js';
import { defineImporter } from './types.js';
import { guessDirection, parseNumber, toNs, toRate } from './units.js';

const LINE = /^test (.+?)\s+\.\.\. bench:\s+(\S+) (\S+?)(\/iter)? \(\+\/- (\S+)\)(?:\s*=\s*(\S+) (\S+))?\s*$/;

function bad(file: string, format: string, line: number, what: string): ImportError {
  return new ImportError(`${file}:${line}: ${what}`, file, format, line);
}

/** One `test … bench:` line → one benchmark. */
function parseLine(text: string, line: number, file: string, format: string): ImportedBenchmark {
  const m = LINE.exec(text);
  if (!m) {
    throw bad(
      file,
      format,
      line,
      `expected "test NAME ... bench: VALUE UNIT/iter (+/- DEVIATION)", got ${JSON.stringify(text.slice(0, 100))}`,
    );
  }
  const [, name, rawValue, unit, perIter, , rawRate, rateUnit] = m as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
    string,
    string | undefined,
    string | undefined,
  ];
  const value = parseNumber(rawValue);
  if (value === undefined)
    throw bad(file, format, line, `benchmark ${JSON.stringify(name)}: expected a number, got ${JSON.stringify(rawValue)}`);
  const ns = perIter ? toNs(rawValue, unit) : undefined;
  // Time per iteration in ns; other units (cycles/iter, MS/s) are kept as the tool wrote them.
  const b: ImportedBenchmark =
    ns !== undefined
      ? { name, unit: 'ns', direction: 'smaller', value: ns }
      : { name, unit: perIter ? `${unit}/iter` : unit, direction: guessDirection(unit), value };
  if (rawRate !== undefined && rateUnit !== undefined) {
    const rate = parseNumber(rawRate);
    if (rate === undefined)
      throw bad(file, format, line, `benchmark ${JSON.stringify(name)}: expected a number after "=", got ${JSON.stringify(rawRate)}`);
    // libtest's MB/s is decimal (bytes * 1000 / ns per iteration).
    b.metrics = { throughput: { direction: 'bigger', ...(toRate(rawRate, rateUnit) ?? { unit: rateUnit, value: rate }) } };
  }
  return b;
}

const BENCH_LINE = /^test .* \.\.\. bench:/;

/** All `test … bench:` lines of the text (an empty array when there are none). */
export function parseBencherLines(lines: readonly string[], file: string, format: string): ImportedBenchmark[] {
  const out: ImportedBenchmark[] = [];
  lines.forEach((l, i) => {
    if (BENCH_LINE.test(l)) out.push(parseLine(l, i + 1, file, format));
  });
  return out;
}

/** Bench lines, or a libtest run whose benchmarks all failed or were filtered out (ours, but empty). */
function detect(input: ImportInput): boolean {
  return input.lines.some((l) => BENCH_LINE.test(l)) || /^test result: .*\d+ measured/m.test(input.text);
}

/** libtest `cargo bench` importer. */
export const cargo = defineImporter({
  format: 'cargo',
  produce: 'cargo +nightly bench > bench.txt',
  detect,
  read: (input) => parseBencherLines(input.lines, input.file, 'cargo'),
});
