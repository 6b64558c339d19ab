import type { BaseUnit, Direction, Stats } from '../model/index.js';

/**
 * One measured quantity as a foreign tool reported it, already converted to base units. The
 * run file's Metric (headline value and statistics) is built from it in one place, assemble.ts.
 */
export interface ImportedMetric {
  unit: BaseUnit;
  direction: Direction;
  /** Raw samples whenever the tool wrote them (hyperfine `times`, repetitions, `-count`, …). */
  samples?: number[];
  /** The tool's own summary value, used when there are no samples. */
  value?: number;
  /**
   * Statistics the tool itself reported (its mean, median, stdev, sample count, …). They are kept
   * as the tool gave them; only what is missing is computed from the samples.
   */
  stats?: Partial<Stats>;
}

/** One benchmark as a foreign tool reported it: its primary metric and extra metrics. */
export interface ImportedBenchmark extends ImportedMetric {
  /** The name exactly as the tool printed it. */
  name: string;
  /** The tool's own grouping (Go package, JMH class, …), used as the suite when the config gives none. */
  group?: string;
  metrics?: Record<string, ImportedMetric>;
}

/**
 * What every importer reads: the text and file name, with the text's JSON value and lines
 * computed on first use and shared, so a file is parsed once however many formats look at it.
 */
export interface ImportInput {
  readonly text: string;
  readonly file: string;
  /** The text as JSON when it starts with `{` or `[` and parses; else undefined. Parsed at most once. */
  readonly json: unknown;
  /** When the text starts like JSON but does not parse: JSON.parse's message and the line it names. */
  readonly jsonError: { message: string; line: number } | undefined;
  /** The text's lines without line breaks or ANSI colour codes (index i is line i + 1). */
  readonly lines: readonly string[];
}

/**
 * One foreign format. `detect` says whether the input is this format — a broken file of it
 * included, so that `parse` can say what is wrong — without reading any benchmark. `parse`
 * returns null for a foreign format, the benchmarks for this one, and throws ImportError (file,
 * line or JSON path, what was expected) when it is this format but broken.
 */
export interface Importer {
  format: string;
  /** One line for the docs: how to produce this format. */
  produce: string;
  detect(input: ImportInput): boolean;
  parse(input: ImportInput): ImportedBenchmark[] | null;
}

/** An importer from its detection and its reading of detected input: `parse` is null unless `detect`. */
export function defineImporter(spec: {
  format: string;
  produce: string;
  detect: (input: ImportInput) => boolean;
  read: (input: ImportInput) => ImportedBenchmark[];
}): Importer {
  const { format, produce, detect, read } = spec;
  return { format, produce, detect, parse: (input) => (detect(input) ? read(input) : null) };
}
