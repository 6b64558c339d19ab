/**
 * Criterion.rs: its console text (`NAME  time: [low estimate high]`, optional `thrpt:` line),
 * its `--output-format bencher` text (libtest's line format), and the files it writes under
 * `target/criterion/<benchmark>/new/`: `estimates.json` (summary) and `sample.json` (raw samples).
 * The JSON files carry no name: it is the benchmark's directory under `target/criterion`.
 */
import { ImportError } from '../model/errors.js';
import type { ImportInput, ImportedBenchmark } from './types.js';
import { defineImporter } from './types.js';
import { parseBencherLines } from './cargo.js';
import { type JsonContext, type JsonObject, claimsJson, fail, isObject, jsonOf, numberAt, numbersAt, objectAt } from './json.js';
import { parseNumber, toNs, toRate } from './units.js';

const FORMAT = 'criterion';
const TIME = /^(?:(\S.*?)\s+|\s*)time:\s+\[(.*)\]\s*$/;
const THRPT = /^\s*thrpt:\s+\[(.*)\]\s*$/;
function bad(file: string, line: number, what: string): ImportError {
  return new ImportError(`${file}:${line}: ${what}`, file, FORMAT, line);
}

/** The middle of `[low unit estimate unit high unit]`, converted by `convert`. */
function estimate(
  inner: string,
  file: string,
  line: number,
  convert: (v: string, unit: string) => [string, number] | undefined,
): [string, number] {
  const parts = inner.trim().split(/\s+/);
  const value = parseNumber(parts[2] ?? '');
  const converted = parts.length === 6 && value !== undefined ? convert(parts[2] as string, parts[3] as string) : undefined;
  if (!converted)
    throw bad(
      file,
      line,
      `expected "[LOW UNIT ESTIMATE UNIT HIGH UNIT]" with a known unit, got ${JSON.stringify(`[${inner.slice(0, 80)}]`)}`,
    );
  return converted;
}

/** Criterion's console report: one benchmark per `time:` line. */
function parseConsole(lines: readonly string[], file: string): ImportedBenchmark[] {
  const out: ImportedBenchmark[] = [];
  lines.forEach((l, i) => {
    const t = TIME.exec(l);
    if (t) {
      // A long name stands alone on the line before an indented `time:`.
      const name = (t[1] ?? (/^\S/.test(lines[i - 1] ?? '') ? lines[i - 1] : ''))?.trim();
      if (!name) throw bad(file, i + 1, 'expected the benchmark name before "time:"');
      const [, ns] = estimate(t[2] as string, file, i + 1, (v, u) => {
        const n = toNs(v, u);
        return n === undefined ? undefined : ['ns', n];
      });
      out.push({ name, unit: 'ns', direction: 'smaller', value: ns });
      return;
    }
    const r = THRPT.exec(l);
    const last = out[out.length - 1];
    if (r && last) {
      const [unit, value] = estimate(r[1] as string, file, i + 1, (v, u) => {
        const rate = toRate(v, u);
        return rate && [rate.unit, rate.value];
      });
      last.metrics = { throughput: { unit, direction: 'bigger', value } };
    }
  });
  return out;
}

/** The benchmark's name from `…/criterion/<name…>/new/estimates.json`. */
function nameFromPath(file: string, ctx: JsonContext): string {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('criterion');
  const end = parts.length - 2; // drop `new/estimates.json`
  const name = (at >= 0 && at < end - 1 ? parts.slice(at + 1, end) : parts.slice(Math.max(0, end - 1), end)).join('/');
  if (name === '' || name === '.') fail(ctx, '$', 'the file inside target/criterion/<benchmark>/new/ (the name comes from the path)', file);
  return name;
}

function parseJsonFile(doc: unknown, file: string): ImportedBenchmark[] {
  const ctx: JsonContext = { file, format: FORMAT };
  if (!isObject(doc)) fail(ctx, '$', 'an object', doc);
  const name = nameFromPath(file, ctx);
  if ('iters' in doc) {
    // sample.json: total time of each sample and its iteration count.
    const iters = numbersAt(doc, 'iters', '$', ctx);
    const times = numbersAt(doc, 'times', '$', ctx);
    if (iters.length !== times.length) fail(ctx, '$.times', `${iters.length} values, one per entry of $.iters`, times.length);
    const samples = times.map((t, i) => {
      if ((iters[i] as number) <= 0) fail(ctx, `$.iters[${i}]`, 'a positive iteration count', iters[i]);
      return t / (iters[i] as number);
    });
    return [{ name, unit: 'ns', direction: 'smaller', samples }];
  }
  // estimates.json: the slope (linear sampling) is criterion's headline, else the mean.
  const key = isObject(doc.slope) ? 'slope' : 'mean';
  const est = objectAt(doc, key, '$', ctx);
  return [{ name, unit: 'ns', direction: 'smaller', value: numberAt(est, 'point_estimate', `$.${key}`, ctx) }];
}

function isCriterionJson(v: unknown): v is JsonObject {
  return isObject(v) && ((isObject(v.mean) && isObject(v.median) && 'std_dev' in v) || (Array.isArray(v.iters) && 'times' in v));
}

const CONSOLE = /^(?:\S.*?\s+|\s+)time:\s+\[/m;

/** Criterion's JSON files, its console text, or bencher lines with criterion's mark in the text. */
function detect(input: ImportInput): boolean {
  if (/^\s*\{/.test(input.text)) return claimsJson(input, /"(point_estimate|sampling_mode)"/, isCriterionJson, true);
  // Bencher lines are libtest's; claim them only when criterion left its mark in the text.
  return CONSOLE.test(input.text) || /Criterion\.rs|Gnuplot not found|cargo-criterion/.test(input.text);
}

/** Criterion.rs importer. */
export const criterion = defineImporter({
  format: FORMAT,
  produce: 'cargo bench -- --output-format bencher > bench.txt   (or target/criterion/<name>/new/sample.json)',
  detect,
  read(input) {
    if (/^\s*\{/.test(input.text)) return parseJsonFile(jsonOf(input, FORMAT), input.file);
    return [...parseConsole(input.lines, input.file), ...parseBencherLines(input.lines, input.file, FORMAT)];
  },
});
