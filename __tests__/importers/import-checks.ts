/** Test helpers for the importers of part 2: parse outcomes and the "clean failure" property. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { ImportError } from '../../src/model/errors.js';
import type { ImportedBenchmark, Importer } from '../../src/importers/types.js';
import { detectFormat } from '../../src/importers/index.js';
import { importInput } from '../../src/importers/input.js';

/** An importer's parse of a text, as the registry calls it. */
export function parseText(importer: Importer, text: string, file = 'fixture'): ImportedBenchmark[] | null {
  return importer.parse(importInput(text, file));
}

/**
 * Parses and requires a result (the text must be recognised), and checks that the registry's
 * detection picks this importer for it: no other format claims it first.
 */
export function parseOk(importer: Importer, text: string, file = 'fixture'): ImportedBenchmark[] {
  expect(detectFormat(text, file)?.format, `detected format of ${file}`).toBe(importer.format);
  const out = parseText(importer, text, file);
  expect(out, `${importer.format} did not recognise ${file}`).not.toBeNull();
  return out as ImportedBenchmark[];
}

/** The ImportError `parse` throws, checked to name the file and format (fails when it returns). */
export function parseError(importer: Importer, text: string, file = 'bad.file'): ImportError {
  let out: unknown;
  try {
    out = parseText(importer, text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    const err = e as ImportError;
    expect(err.file).toBe(file);
    expect(err.format).toBe(importer.format);
    expect(err.message).toContain(file);
    return err;
  }
  throw new Error(`expected an ImportError, got ${JSON.stringify(out)?.slice(0, 200)}`);
}

/** The ImportError a call throws (fails the test when it throws nothing or something else). */
export function importErrorOf(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

/**
 * The contract under any input: null, or benchmarks with names and finite values, or an
 * ImportError naming the file, format and a location. Never another exception.
 */
export function checkCleanOutcome(importer: Importer, text: string): void {
  let out: ImportedBenchmark[] | null;
  try {
    out = parseText(importer, text, 'fuzz.in');
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    if (e.file !== 'fuzz.in' || e.format !== importer.format || e.location === undefined) throw e;
    return;
  }
  if (out === null) return;
  if (out.length === 0) throw new Error('silently empty result');
  for (const b of out) {
    if (typeof b.name !== 'string' || b.name === '') throw new Error('empty name');
    const values = [...(b.samples ?? []), ...(b.value === undefined ? [] : [b.value])];
    if (values.length === 0 || !values.every(Number.isFinite)) throw new Error(`no finite value for ${b.name}`);
  }
}

/** Feeds `runs` mutations of `seed` (cuts, splices, dropped spans) and random text or bytes. */
export function fuzzImporter(importer: Importer, seed: string, runs = 1000): void {
  const mutated = fc
    .tuple(fc.nat(seed.length), fc.nat(seed.length), fc.string({ maxLength: 8 }), fc.constantFrom('cut', 'splice', 'drop'))
    .map(([a, b, junk, how]) => {
      const [i, j] = a < b ? [a, b] : [b, a];
      if (how === 'cut') return seed.slice(0, i);
      if (how === 'drop') return seed.slice(0, i) + seed.slice(j);
      return seed.slice(0, i) + junk + seed.slice(i);
    });
  const garbage = fc.oneof(
    fc.string(),
    fc.uint8Array({ maxLength: 64 }).map((u) => Buffer.from(u).toString('latin1')),
  );
  fc.assert(
    fc.property(fc.oneof(mutated, garbage), (text) => checkCleanOutcome(importer, text)),
    { numRuns: runs },
  );
}
