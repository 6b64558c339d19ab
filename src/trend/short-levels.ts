/**
 * Anomalies, then change points, on one series — with levels too short to be levels left out.
 * Two change points around one or two runs of a noisy series (or one after its first one or two
 * runs) are not two changes of the code: they are a bad runner for a run or two that the
 * anomaly test, which weighs each run against its three neighbours, did not reach (heavy-tailed
 * noise: the corpus's file-io had a +37% pair of runs). Such runs become anomalies and the search
 * runs again without them, as E-Divisive's minimum segment size does (`min.size` in Matteson &
 * James's ecp package). An exact series keeps them: a count that moved for two runs did move.
 * The newest runs are left alone: a step there is held or confirmed by the runs to come.
 */
import { findAnomalies, noiseScale, type AnomalyFound } from './anomalies.js';
import { detectChangePoints, type ChangePointOptions, type DetectedChange } from './change-points.js';

/** Fewest runs a level between two change points (or before the first) must last in a noisy series. */
export const MIN_LEVEL_RUNS = 3;

export interface LevelSearch {
  anomalies: AnomalyFound[];
  /** Positions in `z` that the change points were searched on (anomalies left out). */
  kept: number[];
  /** Change points, `index` into `kept`. */
  changes: DetectedChange[];
}

/** Anomalies and change points of `z`; no search with fewer than `minSearchRuns` kept runs. */
export function searchLevels(z: readonly number[], anomalyZ: number, options: ChangePointOptions, minSearchRuns: number): LevelSearch {
  const anomalies = findAnomalies(z, anomalyZ);
  const search = (): LevelSearch => {
    const out = new Set(anomalies.map((a) => a.index));
    const kept = z.map((_, i) => i).filter((i) => !out.has(i));
    const changes =
      kept.length >= minSearchRuns
        ? detectChangePoints(
            kept.map((i) => z[i] as number),
            options,
          )
        : [];
    return { anomalies, kept, changes };
  };
  const first = search();
  if (first.changes.length === 0) return first;
  const sigma = noiseScale(first.kept.map((i) => z[i] as number));
  if (!(sigma > 0)) return first;
  // Kept positions inside too-short levels: before the first change point, or between two.
  // `around`: the level it departs from (after a leading one, before an inner one).
  const short: Array<{ from: number; to: number; around: number }> = [];
  first.changes.forEach((c, j) => {
    const prev = first.changes[j - 1];
    const from = prev ? prev.index : 0;
    if (c.index - from < MIN_LEVEL_RUNS) short.push({ from, to: c.index, around: prev ? prev.before.mean : c.after.mean });
  });
  if (!short.length) return first;
  for (const { from, to, around } of short)
    for (let p = from; p < to; p++) {
      const i = first.kept[p]!;
      const deviation = (z[i] as number) - around;
      anomalies.push({ index: i, deviation, z: Math.abs(deviation) / sigma, pending: false });
    }
  anomalies.sort((a, b) => a.index - b.index);
  return search();
}
