/**
 * The dashboard's data from the stored histories: a small manifest (what the first paint needs),
 * one shard per benchmark (its series on every branch) and the run list per branch. Pure:
 * history documents in, plain values out; site.ts writes them as scripts (file:// has no fetch).
 *
 * Change points, anomalies, drift and forecasts are the trend room's (dashboard-trends.ts), on the
 * default branch; targets and thresholds are checked on its newest run (dashboard-checks.ts).
 */
import { nodeCrypto } from '../model/node-lazy.js';
import { medianCi } from '../compare/location.js';
import type { BenchmarkSeries, HistoryDoc, StatKey } from '../store/history.js';
import type { SpeedupTarget, ThresholdConfig } from '../config/types.js';
import type { TargetResult } from '../model/index.js';
import { toRuns } from '../store/history.js';
import { summarizeValue } from '../model/summarize.js';
import type { SeriesTrend } from '../trend/index.js';
import { checkNewest } from './dashboard-checks.js';
import { historyTrends } from './dashboard-trends.js';
import {
  DASHBOARD_SCHEMA_VERSION,
  type BranchSeries,
  type Manifest,
  type ManifestBenchmark,
  type RunsIndex,
  type Shard,
  type ShardChange,
  type SweepShard,
} from './dashboard-types.js';
import { sweepData } from './dashboard-scaling.js';

export interface DashboardInput {
  /** One history per branch (any order); the default branch's drives the overview. */
  histories: readonly HistoryDoc[];
  defaultBranch: string;
  /** `https://github.com` and `owner/repo`: commits link to their page. */
  repository?: { serverUrl: string; name: string };
  /** The build time (ISO); the window of the overview ends at the newest run or at this time. */
  generated: string;
  windowDays?: number;
  trend?: { pValue?: number; window?: number; minEffect?: number };
  /** The config's targets and thresholds: checked on the newest run, forecast on the history. Absent: unknown to the build. */
  checks?: { targets?: readonly SpeedupTarget[]; thresholds?: readonly ThresholdConfig[] };
}

export interface DashboardData {
  manifest: Manifest;
  runs: RunsIndex;
  /** Path inside the data folder → a benchmark's shard. */
  shards: Map<string, Shard>;
  /** Path inside the data folder → a scaling sweep's data. */
  sweeps: Map<string, SweepShard>;
}

const DAY = 864e5;
const WORST = 10;

/** The shard's file for a benchmark id: stable across builds, flat, and free of the id's characters. */
export function shardPath(id: string): string {
  return `b/${nodeCrypto().createHash('sha256').update(id).digest('hex').slice(0, 16)}.js`;
}

/** Builds the dashboard's data from the histories. */
export function buildDashboardData(input: DashboardInput): DashboardData {
  const windowDays = input.windowDays ?? 30;
  const docs = [...input.histories].sort(
    (a, b) => rank(a.branch, input.defaultBranch) - rank(b.branch, input.defaultBranch) || cmp(a.branch, b.branch),
  );
  const branches = docs.map((d) => ({
    name: d.branch,
    runs: d.entries.length,
    ...(d.entries.length ? { last: d.entries.at(-1)!.timestamp } : {}),
  }));
  const runs: RunsIndex = {};
  for (const d of docs) runs[d.branch] = d.entries.map((e) => [e.commit ?? '', e.timestamp]);
  const main = docs.find((d) => d.branch === input.defaultBranch);
  const newest = main?.entries.at(-1)?.timestamp;
  const since = Date.parse(newest ?? input.generated) - windowDays * DAY;
  const thresholds = input.checks?.thresholds ?? [];
  const trends = main ? historyTrends(main, input.trend ?? {}, thresholds) : new Map<string, SeriesTrend>();
  const newestRun = main?.entries.length ? toRuns(main, [main.entries.length - 1])[0] : undefined;
  const checks = input.checks ? checkNewest(newestRun, input.checks.targets ?? [], thresholds) : undefined;

  const suites = new Index();
  const metrics = new Index();
  const sweeps = sweepData(main);
  const shards = new Map<string, Shard>();
  const benchmarks: ManifestBenchmark[] = [];
  const ids = [...new Set(docs.flatMap((d) => Object.keys(d.benchmarks)))].sort(cmp);
  for (const id of ids) {
    const shard: Shard = { schemaVersion: DASHBOARD_SCHEMA_VERSION, id, branches: {} };
    let head: BenchmarkSeries | undefined;
    const onBranches: number[] = [];
    const metricNames = new Set<string>();
    docs.forEach((d, bi) => {
      const s = d.benchmarks[id];
      if (!s) return;
      const series = branchSeries(s, d === main ? trends.get(id) : undefined);
      if (series.v.length === 0) return;
      shard.branches[d.branch] = series;
      onBranches.push(bi);
      head ??= s;
      for (const m of Object.keys(series.metrics)) metricNames.add(m);
    });
    if (!head) continue;
    const ms = main ? shard.branches[main.branch] : undefined;
    const recent = ms ? newestChange(ms, runs[main!.branch]!, since) : undefined;
    const path = shardPath(id);
    const checked = checks?.byBenchmark.get(id);
    if (checked) shard.checks = checked;
    shards.set(path, shard);
    const check = worstMissed(checked);
    benchmarks.push({
      id,
      suite: suites.of(head.suite),
      name: head.name,
      unit: head.unit,
      direction: head.direction,
      shard: path,
      ...(ms ? { last: ms.v.at(-1)! } : {}),
      ...(recent ? { change: recent.change } : {}),
      status: recent?.verdict ?? 'unchanged',
      branches: onBranches,
      metrics: [...metricNames].sort(cmp).map((m) => metrics.of(m)),
      ...(check ? { check } : {}),
    });
  }
  const regressions = benchmarks.map((b, i) => ({ b: i, change: b.change ?? 0 })).filter((x) => benchmarks[x.b]!.status === 'regression');
  regressions.sort((x, y) => Math.abs(y.change) - Math.abs(x.change));
  const manifest: Manifest = {
    schemaVersion: DASHBOARD_SCHEMA_VERSION,
    generated: input.generated,
    defaultBranch: input.defaultBranch,
    ...(input.repository ? { commitUrl: `${input.repository.serverUrl.replace(/\/+$/, '')}/${input.repository.name}/commit/` } : {}),
    windowDays,
    branches,
    suites: suites.values,
    metrics: metrics.values,
    overview: {
      benchmarks: benchmarks.length,
      regressions: regressions.length,
      improvements: benchmarks.filter((b) => b.status === 'improvement').length,
      worst: regressions.slice(0, WORST),
      ...(checks
        ? { checks: { ...checks.overview, missed: checks.overview.missed.map(({ id, ...m }) => ({ ...m, ...indexOf(benchmarks, id) })) } }
        : {}),
    },
    benchmarks,
    ...(sweeps.sweeps.length ? { sweeps: sweeps.sweeps } : {}),
  };
  return { manifest, runs, shards, sweeps: sweeps.shards };
}

/** The points of a benchmark's series on one branch; its trends (default branch) when given. */
function branchSeries(s: BenchmarkSeries, trend: SeriesTrend | undefined): BranchSeries {
  const out: BranchSeries = { run: [], v: [], lo: [], hi: [], cp: [], an: [], metrics: {} };
  const metricCols = Object.entries(s.metrics ?? {});
  for (const [name, m] of metricCols) out.metrics[name] = { unit: m.unit, direction: m.direction, v: [] };
  let newestSamples = -1;
  s.value.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    const ci = s.samples[i] ? medianCi(s.samples[i]!) : null;
    out.run.push(i);
    out.v.push(v);
    out.lo.push(ci ? ci[0] : null);
    out.hi.push(ci ? ci[1] : null);
    for (const [name, m] of metricCols) out.metrics[name]!.v.push(m.value[i] ?? null);
    if (s.samples[i]?.length) newestSamples = i;
  });
  for (const [name, m] of Object.entries(out.metrics)) if (m.v.every((x) => x === null)) delete out.metrics[name];
  if (newestSamples >= 0) out.samples = { at: out.run.indexOf(newestSamples), values: s.samples[newestSamples]! };
  const lastRun = out.run.at(-1);
  if (lastRun !== undefined) {
    const stats: Record<string, number> = {};
    for (const [k, col] of Object.entries(s.stats) as Array<[StatKey, Array<number | null>]>) {
      const x = col[lastRun];
      if (x !== null && x !== undefined) stats[k] = x;
    }
    // A one-value cell keeps no statistics (history.ts): they are its value's, as toRuns reads them.
    out.stats = Object.keys(stats).length ? stats : { ...summarizeValue(s.value[lastRun]!) };
  }
  if (trend) Object.assign(out, trendOf(trend, out.run));
  return out;
}

/** The trends as the shard keeps them: change points and anomalies at their points, drift, forecasts. */
function trendOf(p: SeriesTrend, run: number[]): Pick<BranchSeries, 'cp' | 'an' | 'drift' | 'forecasts'> {
  const point = new Map(run.map((r, i) => [r, i]));
  const forecasts = p.forecasts;
  return {
    cp: p.changePoints.map((c) => ({ at: point.get(c.after.index)!, change: c.change, ...(c.ci ? { ci: c.ci } : {}), verdict: c.verdict })),
    an: p.anomalies.map((a) => point.get(a.run.index)!),
    ...(p.drift ? { drift: p.drift } : {}),
    ...(forecasts.length ? { forecasts } : {}),
  };
}

/** `{ b }`, the index of benchmark `id` in the manifest, when it is there. */
function indexOf(benchmarks: ManifestBenchmark[], id: string | undefined): { b?: number } {
  const b = id === undefined ? -1 : benchmarks.findIndex((x) => x.id === id);
  return b >= 0 ? { b } : {};
}

/** The worst missed check of a benchmark, if any. */
function worstMissed(results: TargetResult[] | undefined): 'warning' | 'failure' | undefined {
  if (results?.some((r) => r.status === 'failure')) return 'failure';
  return results?.some((r) => r.status === 'warning') ? 'warning' : undefined;
}

/** The newest change point whose first run is inside the window, with its verdict from the direction. */
function newestChange(s: BranchSeries, runs: Array<[string, string]>, since: number): ShardChange | undefined {
  const c = s.cp.at(-1);
  if (!c) return undefined;
  const t = Date.parse(runs[s.run[c.at]!]?.[1] ?? '');
  return t >= since ? c : undefined;
}

function rank(branch: string, main: string): number {
  return branch === main ? 0 : 1;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct strings in first-seen order, each with its index. */
class Index {
  readonly values: string[] = [];
  private readonly at = new Map<string, number>();
  of(v: string): number {
    let i = this.at.get(v);
    if (i === undefined) this.at.set(v, (i = this.values.push(v) - 1));
    return i;
  }
}
