/**
 * Catch2 v2/v3 console output of BENCHMARK blocks. Each benchmark is a table row
 * `NAME  samples iterations estimated` followed by `mean low high` and `stddev low high` lines
 * (or one `NAME samples iterations mean` row with `--benchmark-no-analysis`). Long names wrap
 * over several lines at word boundaries; they are joined with single spaces. The TEST_CASE
 * title is the group. Catch2 prints no raw samples: the mean is the value.
 */
import { ImportError } from '../model/errors.js';
import type { ImportedBenchmark } from './types.js';
import { defineImporter } from './types.js';
import { parseNumber, toNs } from './units.js';

const FORMAT = 'catch2';
const HEADER = /^benchmark name\s+samples\s+iterations\s+(estimated|est run time|mean)\s*$/;
const ROW = /^(.*?)\s+(\d+)\s+(\d+)\s+(\S+) (\S+)\s*$/;
const RULE = /^-{20,}\s*$/;

function bad(file: string, line: number, what: string): ImportError {
  return new ImportError(`${file}:${line}: ${what}`, file, FORMAT, line);
}

function ns(raw: string, unit: string, file: string, line: number): number {
  const v = parseNumber(raw);
  const n = v === undefined ? undefined : toNs(raw, unit);
  if (n === undefined) throw bad(file, line, `expected a time such as "344 ns" or "41.7 us", got ${JSON.stringify(`${raw} ${unit}`)}`);
  return n;
}

const STAT_TAIL = /^(.*?)\s+(\S+) (\S+)\s+\S+ \S+\s+\S+ \S+\s*$/;

interface State {
  group?: string;
  /** 0: outside a table; 1: inside the header; 2: reading rows. */
  table: 0 | 1 | 2;
  analysis: boolean;
  /** Lines of the benchmark being read (analysis mode) or name lines before a row. */
  block: Array<{ text: string; line: number }>;
}

/**
 * One benchmark of an analysis table: a row, its mean and std dev lines, separated from the
 * next by a blank line. A wrapped name continues in the left column of the following lines.
 */
function readBlock(block: State['block'], group: string | undefined, file: string): ImportedBenchmark | undefined {
  const r = block.findIndex((l) => ROW.test(l.text) && !/^\s/.test(l.text));
  if (r < 0) {
    if (block.some((l) => l.text.trim() !== ''))
      throw bad(file, (block[0] as { line: number }).line, 'expected a row "NAME  SAMPLES  ITERATIONS  ESTIMATED"');
    return undefined;
  }
  const parts: string[] = [];
  let mean: { raw: string; unit: string; line: number } | undefined;
  block.forEach((l, i) => {
    const row = i === r ? ROW.exec(l.text) : null;
    const stat = i > r ? STAT_TAIL.exec(l.text) : null;
    if (stat && !mean) mean = { raw: stat[2] as string, unit: stat[3] as string, line: l.line };
    parts.push(((row ?? stat)?.[1] ?? l.text).trim());
  });
  const name = parts.filter((p) => p !== '').join(' ');
  const rowLine = (block[r] as { line: number }).line;
  if (name === '') throw bad(file, rowLine, 'expected a benchmark name at the start of the row');
  if (!mean) throw bad(file, rowLine + 1, `benchmark ${JSON.stringify(name)}: expected the "mean  low mean  high mean" line`);
  const b: ImportedBenchmark = { name, unit: 'ns', direction: 'smaller', value: ns(mean.raw, mean.unit, file, mean.line) };
  if (group !== undefined) b.group = group;
  return b;
}

/** A `--benchmark-no-analysis` row (name lines wrapped above it are joined to its name). */
function readPlainRow(l: { text: string; line: number }, s: State, file: string): ImportedBenchmark | undefined {
  const row = ROW.exec(l.text);
  if (!row) {
    s.block.push(l);
    return undefined;
  }
  const name = [...s.block.map((b) => b.text.trim()), (row[1] as string).trim()].filter((p) => p !== '').join(' ');
  s.block = [];
  if (name === '') throw bad(file, l.line, 'expected a benchmark name at the start of the row');
  const b: ImportedBenchmark = { name, unit: 'ns', direction: 'smaller', value: ns(row[4] as string, row[5] as string, file, l.line) };
  if (s.group !== undefined) b.group = s.group;
  return b;
}

/** Catch2 console importer. */
export const catch2 = defineImporter({
  format: FORMAT,
  produce: './tests "[benchmark]" > bench.txt   (Catch2 built with benchmarking enabled)',
  detect: (input) => /^benchmark name\s+samples\s+iterations/m.test(input.text),
  read({ lines, file }) {
    const out: ImportedBenchmark[] = [];
    const s: State = { table: 0, analysis: true, block: [] };
    const flush = (): void => {
      const b = s.analysis && s.block.length > 0 ? readBlock(s.block, s.group, file) : undefined;
      if (b) out.push(b);
      s.block = [];
    };
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as string;
      const header = HEADER.exec(l);
      if (header) {
        flush();
        Object.assign(s, { table: 1, analysis: header[1] !== 'mean', block: [] });
      } else if (RULE.test(l) || /^={20,}/.test(l)) {
        flush();
        // The rule under a table header starts the rows; any other rule opens a test case title.
        if (s.table === 1 && RULE.test(l)) {
          s.table = 2;
          continue;
        }
        s.table = 0;
        let j = i + 1;
        while (j < lines.length && j - i <= 6 && !RULE.test(lines[j] as string)) j++;
        if (RULE.test(l) && j < lines.length && j - i > 1 && j - i <= 6 && (lines[i + 1] as string).trim() !== '') {
          // TEST_CASE title, then its SECTION lines, between two rules.
          s.group = (lines[i + 1] as string).trim();
          i = j;
        }
      } else if (s.table === 2 && !s.analysis) {
        if (l.trim() === '') s.block = [];
        else {
          const b = readPlainRow({ text: l, line: i + 1 }, s, file);
          if (b) out.push(b);
        }
      } else if (s.table === 2) {
        if (l.trim() === '') flush();
        else s.block.push({ text: l, line: i + 1 });
      }
    }
    flush();
    return out;
  },
});
