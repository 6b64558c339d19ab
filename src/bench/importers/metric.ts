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
