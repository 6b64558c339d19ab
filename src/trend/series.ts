/**
 * The series a history holds: one per benchmark and metric (the primary one and each extra
 * metric), each the runs that have it, oldest first. A benchmark added later starts later, one
 * removed stops, a renamed one is two series; a unit or direction that changes starts a new
 * series, since the values are no longer comparable.
 *
 * A history comes as run files (the CLI's, a test's) or as the store's columns (a push's saved
 * history, the dashboard's): read from the columns, the series are the same, in the same order,
 * without a run file built per run (at 100 benchmarks × 100 runs, building them and reading them
 * back was a quarter of the push's trend analysis).
 */
import type { RunFile } from '../model/index.js';
import { toRuns, type HistoryDoc } from '../store/history.js';
import type { SeriesIdentity } from './types.js';

export interface RawSeries extends SeriesIdentity {
  /** Run index in the history and the run's value, oldest first. */
  points: Array<{ run: number; value: number }>;
}

/** What the trend room reads of a history. */
export interface TrendHistory {
  /** Each run's commit and time, oldest first. */
  entries: ReadonlyArray<{ commit?: string; timestamp: string }>;
  /** Every series, in first-seen order (extractSeries's). */
  series: RawSeries[];
  /** Run i as a run file (forecasts read its statistics): from columns, built when asked. */
  run(i: number): RunFile;
}

/** Every series of `runs` (oldest first), in first-seen order (`primaryOnly`: without the extra metrics). */
export function extractSeries(runs: readonly RunFile[], primaryOnly = false): RawSeries[] {
  const byKey = new Map<string, RawSeries>();
  // Called once per benchmark and metric of every run: no closure nor object made unless a series starts.
  const add = (b: RunFile['benchmarks'][number], metric: string | undefined, m: Kind, run: number, value: number) => {
    if (!Number.isFinite(value)) return;
    const key = `${b.id}\0${metric ?? ''}\0${m.unit}\0${m.direction}`;
    let s = byKey.get(key);
    if (!s) {
      s =
        metric === undefined
          ? { id: b.id, suite: b.suite, name: b.name, points: [], unit: m.unit, direction: m.direction }
          : { id: b.id, suite: b.suite, name: b.name, points: [], metric, unit: m.unit, direction: m.direction };
      byKey.set(key, s);
    }
    if (s.points[s.points.length - 1]?.run !== run) s.points.push({ run, value });
  };
  runs.forEach((r, i) => {
    for (const b of r.benchmarks) {
      add(b, undefined, b, i, b.value);
      if (primaryOnly || !b.metrics) continue;
      for (const metric of Object.keys(b.metrics)) {
        const m = b.metrics[metric]!;
        add(b, metric, m, i, m.value);
      }
    }
  });
  return [...byKey.values()];
}

type Kind = Pick<RawSeries, 'unit' | 'direction'>;

/** A history given as run files (`primaryOnly`: its series without the extra metrics). */
export function runsHistory(runs: readonly RunFile[], primaryOnly = false): TrendHistory {
  const run = primaryOnly ? (i: number) => withoutMetrics(runs[i]!) : (i: number) => runs[i]!;
  return { entries: runs, series: extractSeries(runs, primaryOnly), run };
}

function withoutMetrics(r: RunFile): RunFile {
  return { ...r, benchmarks: r.benchmarks.map(({ metrics: _, ...b }) => b) };
}

/**
 * A history given as the store's columns (`primaryOnly`: without the extra metrics). A run has a
 * benchmark where its primary value is set, and the benchmark's metrics only there, as `toRuns`
 * builds it; the series are ordered as `extractSeries` orders them: by their first run, then by
 * the benchmark's place in that run, the primary metric before the extra ones.
 */
export function columnHistory(doc: HistoryDoc, primaryOnly = false): TrendHistory {
  const found: Array<{ s: RawSeries; first: number; order: number }> = [];
  let order = 0;
  for (const [id, b] of Object.entries(doc.benchmarks)) {
    const present = b.value;
    const column = (values: ReadonlyArray<number | null>): RawSeries['points'] => {
      const points: RawSeries['points'] = [];
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (present[i] !== null && present[i] !== undefined && v !== null && v !== undefined && Number.isFinite(v))
          points.push({ run: i, value: v });
      }
      return points;
    };
    const add = (s: RawSeries) => void (s.points.length && found.push({ s, first: s.points[0]!.run, order: order++ }));
    add({ id, suite: b.suite, name: b.name, points: column(b.value), unit: b.unit, direction: b.direction });
    if (primaryOnly) continue;
    for (const [metric, m] of Object.entries(b.metrics ?? {}))
      add({ id, suite: b.suite, name: b.name, points: column(m.value), metric, unit: m.unit, direction: m.direction });
  }
  found.sort((x, y) => x.first - y.first || x.order - y.order);
  const built = new Map<number, RunFile>();
  return {
    entries: doc.entries,
    series: found.map((f) => f.s),
    run: (i) => {
      let r = built.get(i);
      if (!r) {
        r = toRuns(doc, [i])[0]!;
        if (primaryOnly) r = withoutMetrics(r);
        built.set(i, r);
      }
      return r;
    },
  };
}

/** `h` without its newest run: what the history was before the last push. */
export function withoutNewest(h: TrendHistory): TrendHistory {
  const n = h.entries.length - 1;
  const series = h.series
    .map((s) => (s.points.at(-1)?.run === n ? { ...s, points: s.points.slice(0, -1) } : s))
    .filter((s) => s.points.length > 0);
  return { entries: h.entries.slice(0, Math.max(0, n)), series, run: h.run };
}
