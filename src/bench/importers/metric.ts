/** Building Metric values for importers: samples summarised the same way everywhere. */
import type { BaseUnit, Direction, Metric } from '../../types.js';
import { summarize, summarizeValue } from '../summarize.js';

/** A metric from raw samples: value is their median, stats are computed from them. */
export function sampledMetric(unit: BaseUnit, direction: Direction, samples: number[]): Metric {
  const stats = summarize(samples);
  return { unit, direction, value: stats.median, samples, stats };
}

/** A metric known only by one value the tool reported. */
export function valueMetric(unit: BaseUnit, direction: Direction, value: number): Metric {
  return { unit, direction, value, stats: summarizeValue(value) };
}

/**
 * Accumulates repeated measurements of one metric (go `-count`, Google Benchmark repetitions,
 * repeated lines): one value per occurrence becomes one sample.
 */
export class MetricSeries {
  readonly values: number[] = [];
  constructor(
    readonly unit: BaseUnit,
    readonly direction: Direction,
  ) {}

  /** The metric: samples when measured more than once, else the single value. */
  toMetric(): Metric {
    return this.values.length > 1
      ? sampledMetric(this.unit, this.direction, this.values)
      : valueMetric(this.unit, this.direction, this.values[0] as number);
  }
}
