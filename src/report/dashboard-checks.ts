/**
 * Targets and thresholds on the dashboard. The history keeps runs, not the reports made of them,
 * so no stored run says whether a target was met: the build checks the config's speedup targets
 * and thresholds on the default branch's newest run with the compare room's own checks, the same
 * answer that run's report gave for them when the config has not changed since. Pure.
 */
import { checkSpeedup } from '../compare/speedup.js';
import { checkThresholds } from '../compare/thresholds.js';
import { metricOf } from '../compare/metric-values.js';
import { matchesGlob } from '../config/min-effect.js';
import type { SpeedupTarget, ThresholdConfig } from '../config/types.js';
import type { RunFile, TargetResult, TargetStatus } from '../model/index.js';
import type { ManifestChecks } from './dashboard-types.js';

/** The missed checks the overview lists by name, worst first. */
const LISTED = 10;
const ORDER: TargetStatus[] = ['failure', 'warning', 'inconclusive', 'met'];

export interface NewestChecks {
  /** The overview's part, its missed checks naming their benchmark by id (the manifest keeps its index). */
  overview: Omit<ManifestChecks, 'missed'> & { missed: Array<Omit<ManifestChecks['missed'][number], 'b'> & { id?: string }> };
  /** Per benchmark id: the thresholds checked on it. */
  byBenchmark: Map<string, TargetResult[]>;
}

/** The checks of `targets` and `thresholds` on `newest` (the default branch's newest run). */
export function checkNewest(
  newest: RunFile | undefined,
  targets: readonly SpeedupTarget[],
  thresholds: readonly ThresholdConfig[],
): NewestChecks {
  const byBenchmark = new Map<string, TargetResult[]>();
  const all: Array<{ r: TargetResult; id?: string }> = [];
  if (newest) {
    for (const t of targets) all.push({ r: checkSpeedup(t, [newest]), id: t.candidate });
    for (const b of newest.benchmarks) {
      // The thresholds that apply to b, checked on a run of b alone, so each result is b's.
      const apply = thresholds.filter(
        (t) => (t.benchmark === undefined || matchesGlob(t.benchmark, b.id)) && (t.metric === undefined || metricOf(b, t.metric)),
      );
      if (!apply.length) continue;
      const results = checkThresholds(apply, [{ ...newest, benchmarks: [b] }]);
      byBenchmark.set(b.id, results);
      for (const r of results) all.push({ r, id: b.id });
    }
  }
  const counts: Record<TargetStatus, number> = { met: 0, warning: 0, failure: 0, inconclusive: 0 };
  for (const { r } of all) counts[r.status]++;
  const missed = all
    .filter(({ r }) => r.status !== 'met')
    .sort((a, b) => ORDER.indexOf(a.r.status) - ORDER.indexOf(b.r.status))
    .slice(0, LISTED)
    .map(({ r, id }) => ({ name: r.name, status: r.status, message: r.message, ...(id !== undefined ? { id } : {}) }));
  return {
    overview: {
      configured: targets.length + thresholds.length,
      ...(newest ? { run: [newest.commit ?? '', newest.timestamp] as [string, string] } : {}),
      counts,
      missed,
    },
    byBenchmark,
  };
}
