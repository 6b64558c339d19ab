/**
 * The series a history holds: one per benchmark and metric (the primary one and each extra
 * metric), each the runs that have it, oldest first. A benchmark added later starts later, one
 * removed stops, a renamed one is two series; a unit or direction that changes starts a new
 * series, since the values are no longer comparable.
 */
import type { RunFile } from '../model/index.js';
import type { SeriesIdentity } from './types.js';

export interface RawSeries extends SeriesIdentity {
  /** Run index in the history and the run's value, oldest first. */
  points: Array<{ run: number; value: number }>;
}

/** Every series of `runs` (oldest first), in first-seen order. */
export function extractSeries(runs: readonly RunFile[]): RawSeries[] {
  const byKey = new Map<string, RawSeries>();
  const add = (key: string, make: () => RawSeries, run: number, value: number) => {
    if (!Number.isFinite(value)) return;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = make()));
    if (s.points[s.points.length - 1]?.run !== run) s.points.push({ run, value });
  };
  runs.forEach((r, i) => {
    for (const b of r.benchmarks) {
      const base = () => ({ id: b.id, suite: b.suite, name: b.name, points: [] });
      add(`${b.id}\0\0${b.unit}\0${b.direction}`, () => ({ ...base(), unit: b.unit, direction: b.direction }), i, b.value);
      for (const [metric, m] of Object.entries(b.metrics ?? {})) {
        add(
          `${b.id}\0${metric}\0${m.unit}\0${m.direction}`,
          () => ({ ...base(), metric, unit: m.unit, direction: m.direction }),
          i,
          m.value,
        );
      }
    }
  });
  return [...byKey.values()];
}
