/**
 * The fuzz harness for every importer in the registry: mutated real outputs and random input
 * must give valid benchmarks or an ImportError with file and location — never another
 * exception, a hang or a silently empty result. The tests are split over two files
 * (fuzz-even, fuzz-odd) so that vitest runs them on two workers.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { detectFormat, importers, parseImport } from '../../src/importers/index.js';
import { ImportError } from '../../src/model/errors.js';
import type { BenchmarkResult, Metric, Stats } from '../../src/model/index.js';
import { SHARED, hasShared } from './fixtures.js';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
/** Tool outputs only: sources, notes and config fixtures of other rooms are not inputs. */
const NOT_OUTPUT = /(README|LICENSE|SOURCE)|\.(go|mod|cc|cpp|rs\.txt|ts|js|mjs)$|^suites$/;
/** Whole small outputs keep JSON seeds valid; bigger ones are cut so 10,000 cases stay fast. */
const SEED_CHARS = 3000;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (NOT_OUTPUT.test(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const seedFiles = [...filesUnder(FIXTURES), ...(hasShared ? filesUnder(SHARED) : [])];
const seeds = seedFiles
  .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
  .sort((a, b) => a.text.length - b.text.length)
  .map((seed) => ({ ...seed, text: seed.text.slice(0, SEED_CHARS) }));
/** Seeds per format: the real outputs detection assigns to it. */
const allSeedsOf = new Map<string, typeof seeds>();
for (const seed of seeds) {
  let format: string | undefined;
  try {
    format = detectFormat(seed.text, seed.file)?.format;
  } catch {
    format = undefined;
  }
  if (format) allSeedsOf.set(format, [...(allSeedsOf.get(format) ?? []), seed]);
}
/** Seeds per format: the (at most 4) smallest real outputs detection assigns to it. */
export const seedsOf = new Map([...allSeedsOf].map(([format, list]) => [format, list.slice(0, 4)]));

const NASTY = [
  '',
  '0',
  '-1',
  '1e999',
  'NaN',
  'Infinity',
  '-0',
  '"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  'null',
  '\n',
  '\t',
  ' ns',
  ' us/op',
  '|',
  '<b>',
  '&amp;',
  '1,2',
  '.',
  'e',
  'µs',
  '\u0000',
];

/** One edit of a text: cut, insert, replace a number, duplicate or drop a line, truncate. */
const edit = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 12 })) }),
  fc.record({ op: fc.constant('number' as const), at: fc.nat(), s: fc.constantFrom(...NASTY) }),
  fc.record({ op: fc.constant('line' as const), at: fc.nat(), dup: fc.boolean() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % text.length;
  switch (e.op) {
    case 'cut':
      return text.slice(0, at) + text.slice(at + e.len);
    case 'insert':
      return text.slice(0, at) + e.s + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'number': {
      // The first number at or after a random position.
      const re = /\d+(\.\d+)?([eE][+-]?\d+)?/g;
      re.lastIndex = at;
      const m = re.exec(text);
      return m ? text.slice(0, m.index) + e.s + text.slice(m.index + m[0].length) : text;
    }
    case 'line': {
      const lines = text.split('\n');
      const i = e.at % lines.length;
      lines.splice(i, e.dup ? 0 : 1, ...(e.dup ? [lines[i] as string] : []));
      return lines.join('\n');
    }
  }
}

const validStats = (s: Stats): boolean => [s.n, s.mean, s.median, s.min, s.max, s.stdev].every(Number.isFinite) && s.n >= 1;
const validMetric = (m: Metric | BenchmarkResult): boolean =>
  typeof m.unit === 'string' &&
  m.unit.length > 0 &&
  (m.direction === 'smaller' || m.direction === 'bigger') &&
  Number.isFinite(m.value) &&
  (m.samples === undefined || (m.samples.length > 0 && m.samples.every(Number.isFinite))) &&
  (m.stats === undefined || validStats(m.stats));

/** The property: valid benchmarks, or an ImportError naming the file and a location. */
export function check(text: string, format: string | undefined): void {
  const file = 'fuzz/input.txt';
  let run;
  try {
    run = parseImport(text, file, format === undefined ? {} : { format }).run;
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    if (e.file !== file || e.location === undefined || e.location === '') {
      throw new Error(`ImportError without file and location: ${e.message}`);
    }
    return;
  }
  if (run.benchmarks.length === 0) throw new Error('silently empty result');
  for (const b of run.benchmarks) {
    if (typeof b.name !== 'string' || b.name.trim() === '' || b.id !== `${b.suite}/${b.name}`)
      throw new Error(`bad name ${JSON.stringify(b.name)}`);
    if (!validMetric(b) || !validStats(b.stats)) throw new Error(`invalid benchmark ${JSON.stringify(b).slice(0, 300)}`);
    for (const m of Object.values(b.metrics ?? {})) if (!validMetric(m)) throw new Error(`invalid metric ${JSON.stringify(m)}`);
  }
}

/** Input for one importer: its own real outputs mutated, other outputs mutated, or random. */
export function inputs(format: string): fc.Arbitrary<string> {
  const own = seedsOf.get(format) ?? [];
  const mutated = (pool: typeof seeds): fc.Arbitrary<string> =>
    fc
      .tuple(fc.constantFrom(...pool), fc.array(edit, { minLength: 1, maxLength: 4 }))
      .map(([seed, edits]) => edits.reduce(apply, seed.text));
  const random = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.json().map((j) => j),
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('utf8')),
  );
  return own.length > 0
    ? fc.oneof({ arbitrary: mutated(own), weight: 6 }, { arbitrary: mutated(seeds), weight: 2 }, { arbitrary: random, weight: 2 })
    : fc.oneof({ arbitrary: mutated(seeds), weight: 7 }, { arbitrary: random, weight: 3 });
}

/** Runs the property for one importer (or detection when format is undefined). */
export function fuzz(format: string | undefined): void {
  fc.assert(
    fc.property(inputs(format ?? ''), (text) => check(text, format)),
    // Detection tries every importer per input: fewer cases keep it as fast as one importer.
    { numRuns: format === undefined ? Math.ceil(RUNS / 5) : RUNS },
  );
}

/** Importer formats for one half of the fuzz tests. */
export function half(parity: 0 | 1): string[] {
  return importers.map((i) => i.format).filter((_f, i) => i % 2 === parity);
}
