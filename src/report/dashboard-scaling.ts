/**
 * The dashboard's scaling sweeps: for each scaling suite on the default branch, its newest sweep
 * analysed by the compare room (analyseRecord: per-level throughput and speedup with their 95%
 * intervals, the USL/Amdahl fit AICc prefers), the fitted curve sampled for the chart, and the
 * speedup each stored run recorded. Pure; site.ts writes each as a shard of its own.
 */
import { nodeCrypto } from '../model/node-lazy.js';
import { analyseRecord } from '../compare/scaling-runs.js';
import { uslThroughput } from '../compare/scaling/index.js';
import type { ScalingRecord } from '../model/index.js';
import type { HistoryDoc } from '../store/history.js';
import { DASHBOARD_SCHEMA_VERSION, type ManifestSweep, type SweepShard } from './dashboard-types.js';

/** Points of the fitted curve drawn between the lowest and highest level. */
const CURVE = 40;

/** The sweeps of `main` (the default branch's history): the manifest's list and a shard each. */
export function sweepData(main: HistoryDoc | undefined): { sweeps: ManifestSweep[]; shards: Map<string, SweepShard> } {
  const newest = new Map<string, { record: ScalingRecord; run: number }>();
  const speedups = new Map<string, SweepShard['speedups']>();
  main?.entries.forEach((e, run) => {
    for (const r of e.scaling ?? []) {
      newest.set(r.suite, { record: r, run });
      const s = r.fit?.speedup;
      if (s) speedups.set(r.suite, [...(speedups.get(r.suite) ?? []), { run, at: s.at, value: s.value, lo: s.lo, hi: s.hi }]);
    }
  });
  const sweeps: ManifestSweep[] = [];
  const shards = new Map<string, SweepShard>();
  for (const [suite, { record, run }] of [...newest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const a = analyseRecord(record, undefined);
    const fit = a.fit;
    const ns = a.levels.map((l) => l.n);
    const lo = Math.min(...ns);
    const hi = Math.max(...ns);
    const params = fit ? fit[fit.chosen].params : undefined;
    const curve =
      params && ns.length
        ? Array.from({ length: CURVE + 1 }, (_, i) => lo + ((hi - lo) * i) / CURVE).map((n) => ({
            n,
            throughput: uslThroughput(params, n),
          }))
        : [];
    const path = `s/${nodeCrypto().createHash('sha256').update(suite).digest('hex').slice(0, 16)}.js`;
    shards.set(path, {
      schemaVersion: DASHBOARD_SCHEMA_VERSION,
      suite,
      unit: record.unit,
      run,
      levels: a.levels,
      ...(fit ? { model: fit.chosen, params: fit[fit.chosen].params, ...(fit.peak ? { peak: fit.peak.n } : {}) } : {}),
      curve,
      speedups: speedups.get(suite) ?? [],
      advice: a.advice,
      ...(a.reason ? { reason: a.reason } : {}),
    });
    sweeps.push({ suite, shard: path, levels: a.levels.length, ...(a.knee !== undefined ? { knee: a.knee } : {}) });
  }
  return { sweeps, shards };
}
