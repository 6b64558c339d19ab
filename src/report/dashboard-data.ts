/**
 * The dashboard's data from the stored histories: a small manifest (what the first paint needs),
 * one shard per benchmark (its series on every branch) and the run list per branch. Pure:
 * history documents in, plain values out; site.ts writes them as scripts (file:// has no fetch).
 *
 * Change points and anomalies come from the trend room's detectors, run on the default branch's
 * primary metric only: analyzeTrends also fits drift and forecasts on every extra metric, which
 * the page does not draw and which takes ~2.8 s at 1,000 benchmarks × 163 runs (docs/trends.md).
 */
import { createHash } from 'node:crypto';
import { medianCi } from '../compare/location.js';
import type { BenchmarkSeries, HistoryDoc, StatKey } from '../store/history.js';
import { DEFAULT_TREND_P, detectChangePoints, findAnomalies, DEFAULT_ANOMALY_Z, DEFAULT_WINDOW, MIN_CHANGE_RUNS } from '../trend/index.js';
import {
  DASHBOARD_SCHEMA_VERSION,
  type BranchSeries,
  type Manifest,
  type ManifestBenchmark,
  type RunsIndex,
  type Shard,
  type ShardChange,
} from './dashboard-types.js';

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
}

export interface DashboardData {
  manifest: Manifest;
  runs: RunsIndex;
  /** Path inside the data folder → shard. */
  shards: Map<string, Shard>;
}

const DAY = 864e5;
const WORST = 10;

/** The shard's file for a benchmark id: stable across builds, flat, and free of the id's characters. */
export function shardPath(id: string): string {
  return `b/${createHash('sha256').update(id).digest('hex').slice(0, 16)}.js`;
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

  const suites = new Index();
  const metrics = new Index();
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
      const series = branchSeries(s, d === main ? (input.trend ?? {}) : undefined);
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
    shards.set(path, shard);
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
    },
    benchmarks,
  };
  return { manifest, runs, shards };
}

/** The points of a benchmark's series on one branch; change points and anomalies when `trend` is given. */
function branchSeries(s: BenchmarkSeries, trend: DashboardInput['trend']): BranchSeries {
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
    if (Object.keys(stats).length) out.stats = stats;
  }
  if (trend) Object.assign(out, changes(out.v, trend, s.direction));
  return out;
}

/** Anomalies left out, then change points on the rest, as analyzeTrends does (log space when all values are > 0). */
function changes(
  values: number[],
  trend: NonNullable<DashboardInput['trend']>,
  direction: BenchmarkSeries['direction'],
): { cp: ShardChange[]; an: number[] } {
  const log = values.every((v) => v > 0);
  const origin = log ? Math.log(values[0] ?? 1) : (values[0] ?? 0);
  const z = values.map((v) => (log ? Math.log(v) : v) - origin);
  const an = findAnomalies(z, DEFAULT_ANOMALY_Z).map((a) => a.index);
  const out = new Set(an);
  const kept = z.map((_, i) => i).filter((i) => !out.has(i));
  if (kept.length < MIN_CHANGE_RUNS) return { cp: [], an };
  const found = detectChangePoints(
    kept.map((i) => z[i]!),
    { window: trend.window ?? DEFAULT_WINDOW, pValue: trend.pValue ?? DEFAULT_TREND_P, minMagnitude: trend.minEffect ?? 0, log },
  );
  const verdict = (change: number) => ((direction === 'smaller' ? change > 0 : change < 0) ? 'regression' : 'improvement');
  return { cp: found.map((c) => ({ at: kept[c.index]!, change: c.change, verdict: verdict(c.change) })), an };
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
