import type { BaseUnit, Direction, Metric } from '../../types.js';
import { summarize, summarizeValue } from '../summarize.js';

/**
 * An extra metric of an imported benchmark. With samples, the headline value is their median (as
 * the run file defines it); without, it is the tool's own value.
 */
export function importedMetric(unit: BaseUnit, direction: Direction, value: number, samples?: number[]): Metric {
  if (samples && samples.length > 0) {
    const stats = summarize(samples);
    return { unit, direction, value: stats.median, samples, stats };
  }
  return { unit, direction, value, stats: summarizeValue(value) };
}
