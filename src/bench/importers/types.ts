import type { BaseUnit, Direction, Metric } from '../../types.js';

/** One benchmark as a foreign tool reported it, already converted to base units. */
export interface ImportedBenchmark {
  /** The name exactly as the tool printed it. */
  name: string;
  /** The tool's own grouping (Go package, JMH class, …), used as the suite when the config gives none. */
  group?: string;
  unit: BaseUnit;
  direction: Direction;
  /** Raw samples whenever the tool wrote them (hyperfine `times`, repetitions, `-count`, …). */
  samples?: number[];
  /** The tool's own summary value, used when there are no samples. */
  value?: number;
  metrics?: Record<string, Metric>;
}

/**
 * One foreign format. `parse` returns null when the text is plainly not this format (so
 * detection can try the next one) and throws ImportError (file, line or JSON path, what was
 * expected) when it is this format but broken.
 */
export interface Importer {
  format: string;
  /** One line for the README: how to produce this format. */
  produce: string;
  parse(text: string, file: string): ImportedBenchmark[] | null;
}
