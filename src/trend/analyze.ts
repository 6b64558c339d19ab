/**
 * Trends of a branch's history: per benchmark and metric, the anomalies (left out), the change
 * points, the drift since the last change point, the forecasts of budgeted thresholds, and what
 * moved together. Pure: runs in, a TrendReport out.
 */
import { matchesGlob } from '../config/min-effect.js';
import { metricStat } from '../compare/metric-values.js';
import type { ThresholdConfig } from '../config/types.js';
import type { RunFile } from '../model/index.js';
import { studentTQuantile } from '../compare/student-t.js';
import { DEFAULT_ANOMALY_Z } from './anomalies.js';
import { DEFAULT_WINDOW, type DetectedChange } from './change-points.js';
import { searchLevels } from './short-levels.js';
import { mannKendall, theilSen, theilSenSlope } from './drift.js';
import { forecastThreshold } from './forecast.js';
import { commonLevel, ownChanges, ownLevel, MIN_LEVEL_SOURCES, type CommonLevel } from './common-level.js';
import { runsHistory, type RawSeries, type TrendHistory } from './series.js';
import type { Level, RunRef, SeriesTrend, TrendChangePoint, TrendDrift, TrendOptions, TrendReport } from './types.js';

/** Final change-point p-value: Otava's 0.001 flagged 8% of step-free 163-run series of the corpus noise (docs/trends.md). */
export const DEFAULT_TREND_P = 1e-5;
export const DEFAULT_DRIFT_P = 0.01;
/** Fewest runs for change points (two on each side of a step) and for a drift. */
export const MIN_CHANGE_RUNS = 4;
export const MIN_DRIFT_RUNS = 8;
/** Passes of the runner-level backfit (common-level.ts): on the corpus the steps found settle in 2–3. */
const BACKFIT_PASSES = 4;

export interface TrendInput {
  /** The branch's runs, oldest first. */
  runs?: readonly RunFile[];
  /** Or the history as the trend room reads it (series.ts: from the store's columns, no run files built). */
  history?: TrendHistory;
  branch?: string;
  options?: TrendOptions;
  /** The config's thresholds: those with a budget get forecasts. */
  thresholds?: readonly ThresholdConfig[];
  /** Anomalies and change points only, no drift nor forecasts: for callers that read nothing else (half the work). */
  changePointsOnly?: boolean;
  /** Drift fitted only where the Mann–Kendall test finds one (elsewhere no `drift`): for callers that read drift verdicts alone (the push's alerts); Theil–Sen's two fits are most of the drift's cost. */
  significantDriftOnly?: boolean;
  /** Analyse only these benchmarks' series (the others still give the runner's level): for callers that read only them. */
  only?: ReadonlySet<string>;
}

/** The runner-level series' identity: not a benchmark (no id a benchmark can have: ids are `suite/name`). */
export const RUNNER_LEVEL_ID = '(runner level)';
/** How the runner-level series is named wherever it is shown. */
export const RUNNER_LEVEL_LABEL = 'runner level (every timed benchmark)';

/** The report's series, then the runner level's when there is one: what is read like a benchmark. */
export function seriesWithRunnerLevel(report: TrendReport): SeriesTrend[] {
  return report.runnerLevel ? [...report.series, report.runnerLevel] : report.series;
}

const DAY = 864e5;

/** What a series' analysis fits: everything, the verdicts alone (significantDriftOnly), or change points and anomalies alone. */
type Detail = 'full' | 'verdicts' | 'change-points';

/** The trend report of a history. */
export function analyzeTrends(input: TrendInput): TrendReport {
  const o = input.options ?? {};
  const options: Required<TrendOptions> = {
    pValue: o.pValue ?? DEFAULT_TREND_P,
    window: o.window ?? DEFAULT_WINDOW,
    minEffect: o.minEffect ?? 0,
    anomalyZ: o.anomalyZ ?? DEFAULT_ANOMALY_Z,
    driftPValue: o.driftPValue ?? DEFAULT_DRIFT_P,
    runnerLevel: o.runnerLevel ?? true,
  };
  const history = input.history ?? runsHistory(input.runs ?? []);
  const runs = history.entries;
  const ref = (i: number): RunRef => ({
    index: i,
    ...(runs[i]?.commit ? { commit: runs[i].commit } : {}),
    timestamp: runs[i]?.timestamp ?? '',
  });
  const raw = history.series;
  const wanted = (k: number) => !input.only || input.only.has(raw[k]!.id);
  const detail: Detail = input.changePointsOnly ? 'change-points' : input.significantDriftOnly ? 'verdicts' : 'full';
  const analyze = (c: CommonLevel | undefined, k: number) =>
    analyzeSeries(raw[k]!, history, ref, options, input.thresholds ?? [], detail, c?.adjust[k]);
  let common = options.runnerLevel ? commonLevel(raw, runs.length) : undefined;
  let found = raw.map((_, k) => (wanted(k) ? analyze(common, k) : undefined));
  // Backfitting: the steps a pass finds in the sources are taken out of them (but not a step most
  // of them share: that is the runner level's), the level is read again, and every adjusted
  // series is searched again, until the steps found stay the same (at most BACKFIT_PASSES).
  let seen = '';
  for (let pass = 1; common && pass < BACKFIT_PASSES; pass++) {
    const c: CommonLevel = common;
    const own = ownChanges(
      raw.map((s, k) => {
        const a = c.adjust[k];
        if (!a || s.metric) return undefined;
        const trend = found[k] ?? analyzeSeries(s, history, ref, options, [], 'change-points', a);
        return trend.changePoints.map((x) => ({ run: x.after.index, change: x.change }));
      }),
    );
    const key = JSON.stringify(own);
    if (key === seen || !own.some((o) => o?.length)) break;
    seen = key;
    const levels = raw.map((s, k) =>
      own[k]?.length
        ? ownLevel(
            s.points.map((p, j) => Math.log(p.value) - (c.adjust[k]!.offsets[j] as number)),
            own[k].map((run) => s.points.findIndex((p) => p.run >= run)),
          )
        : undefined,
    );
    const next = commonLevel(raw, runs.length, levels);
    if (!next) break;
    common = next;
    found = found.map((f, k) => (f && next.adjust[k] ? analyze(next, k) : f));
  }
  const series = found.filter((s): s is SeriesTrend => s !== undefined);
  linkTogether(series);
  const runnerLevel = common ? analyzeRunnerLevel(common, history, ref, options, detail) : undefined;
  const warnings: string[] = [];
  if (runs.length === 0) warnings.push('No runs stored: nothing to analyse.');
  else if (runs.length < MIN_CHANGE_RUNS)
    warnings.push(`Only ${runs.length} run(s): change points need ${MIN_CHANGE_RUNS}, drift ${MIN_DRIFT_RUNS}.`);
  return {
    schemaVersion: 1,
    ...(input.branch ? { branch: input.branch } : {}),
    runs: runs.length,
    ...(runs.length ? { first: ref(0), last: ref(runs.length - 1) } : {}),
    options,
    series,
    ...(runnerLevel ? { runnerLevel } : {}),
    warnings,
  };
}

/** The runner's level as a series of its own (a ratio to a typical run): its steps are the runner's, or a change that moved every benchmark. */
function analyzeRunnerLevel(
  common: CommonLevel,
  history: TrendHistory,
  ref: (i: number) => RunRef,
  o: Required<TrendOptions>,
  detail: Detail,
): SeriesTrend {
  const points = common.level.flatMap((l, run) => (Number.isFinite(l) ? [{ run, value: Math.exp(l) }] : []));
  const s: RawSeries = { id: RUNNER_LEVEL_ID, suite: '', name: 'runner level', unit: 'ratio', direction: 'smaller', points };
  const out = analyzeSeries(s, history, ref, o, [], detail);
  out.notes.unshift(
    `The median over ${common.sources} timed benchmarks of their deviation from their own typical value, per run with at least ${MIN_LEVEL_SOURCES} of them: a step here moved every benchmark (the runner, or a change that slowed or sped up everything).`,
  );
  return out;
}

function analyzeSeries(
  s: RawSeries,
  history: TrendHistory,
  ref: (i: number) => RunRef,
  o: Required<TrendOptions>,
  thresholds: readonly ThresholdConfig[],
  detail: Detail,
  adjust?: CommonLevel['adjust'][number],
): SeriesTrend {
  const notes: string[] = [];
  const values = s.points.map((p) => p.value);
  const log = values.every((v) => v > 0);
  if (!log) notes.push('Some values are ≤ 0: analysed on the raw scale, not in log space.');
  // Centred on the first value, so that equal values are exactly 0 (an exact metric stays exact);
  // a timed series has the runner's level taken out (common-level.ts: only log-space series get one).
  const origin = log ? Math.log(values[0] as number) : (values[0] as number);
  const z = values.map((v, j) => (log ? Math.log(v) : v) - origin - (adjust?.offsets[j] ?? 0));
  const back = (c: number) => (log ? Math.exp(c + origin) : c + origin);
  const {
    anomalies: found,
    kept,
    changes,
  } = searchLevels(z, o.anomalyZ, { window: o.window, pValue: o.pValue, minMagnitude: o.minEffect, log }, MIN_CHANGE_RUNS);
  const last = s.points[s.points.length - 1];
  const out: SeriesTrend = {
    id: s.id,
    suite: s.suite,
    name: s.name,
    ...(s.metric ? { metric: s.metric } : {}),
    unit: s.unit,
    direction: s.direction,
    runs: s.points.length,
    changePoints: [],
    anomalies: found.map((a) => ({
      run: ref(s.points[a.index]!.run),
      value: values[a.index] as number,
      deviation: log ? Math.expm1(a.deviation) : a.deviation / Math.abs(back(z[a.index]! - a.deviation) || 1),
      z: a.z,
      pending: a.pending,
    })),
    forecasts: [],
    ...(last ? { latest: { value: last.value, run: ref(last.run) } } : {}),
    ...(adjust ? { runnerFactor: adjust.factor } : {}),
    notes,
  };
  if (kept.length < MIN_CHANGE_RUNS) {
    notes.push(`${kept.length} usable run(s): change points need at least ${MIN_CHANGE_RUNS}.`);
  } else {
    out.changePoints = changes.map((c) => changePoint(c, s, kept, ref, log, back));
  }
  if (detail === 'change-points') return out;
  // Drift and forecasts: the newest `window` runs; one change point among them explains their
  // rise or fall, so then only the runs after it count. Several are a staircase: drift.
  const recent = driftRuns(kept, out.changePoints, s, o.window);
  out.drift = drift(recent, s, z, history.entries, log, o, notes, detail === 'verdicts');
  for (const t of thresholds) {
    if (!t.target && !t.alert) continue;
    if ((t.metric ?? undefined) !== s.metric || (t.benchmark !== undefined && !matchesGlob(t.benchmark, s.id))) continue;
    const stat = t.stat ?? 'median';
    const x: number[] = [];
    const v: number[] = [];
    const times: number[] = [];
    for (const i of recent) {
      const run = history.run(s.points[i]!.run);
      const got = metricStat([run], s.id, s.metric, stat);
      if (!got) continue;
      x.push(i);
      v.push(got.value);
      times.push(Date.parse(run.timestamp));
    }
    out.forecasts.push(forecastThreshold(t, s.unit, x, v, times, o.driftPValue));
  }
  if (!out.drift) delete out.drift;
  return out;
}

function driftRuns(kept: number[], cps: TrendChangePoint[], s: RawSeries, window: number): number[] {
  const recent = kept.slice(-window);
  const first = s.points[recent[0] ?? 0]?.run ?? 0;
  const inside = cps.filter((c) => c.before.index >= first);
  if (inside.length !== 1) return recent;
  const after = inside[0]!.after.index;
  return recent.filter((i) => s.points[i]!.run >= after);
}

function level(side: { n: number; mean: number; sd: number }, log: boolean, back: (c: number) => number): Level {
  const value = back(side.mean);
  return { value, spread: log ? side.sd : value === 0 ? NaN : side.sd / Math.abs(value), runs: side.n };
}

function changePoint(
  c: DetectedChange,
  s: RawSeries,
  kept: number[],
  ref: (i: number) => RunRef,
  log: boolean,
  back: (c: number) => number,
): TrendChangePoint {
  const afterPos = kept[c.index] as number;
  const beforePos = kept[c.index - 1] as number;
  const worse = s.direction === 'smaller' ? c.change > 0 : c.change < 0;
  const ci = log ? changeInterval(c) : undefined;
  return {
    before: ref(s.points[beforePos]!.run),
    after: ref(s.points[afterPos]!.run),
    levels: { before: level(c.before, log, back), after: level(c.after, log, back) },
    change: c.change,
    ...(ci ? { ci } : {}),
    pValue: c.pValue,
    verdict: worse ? 'regression' : 'improvement',
    runsSince: s.points.length - afterPos,
    together: [],
  };
}

/** 95% interval of a log-space change: the pooled t-test's (t-test.ts), as e^(Δ ± t·s·√(1/n₁+1/n₂)) − 1. */
function changeInterval(c: DetectedChange): [number, number] | undefined {
  const { before: a, after: b } = c;
  const df = a.n + b.n - 2;
  if (df < 1) return undefined;
  const half = studentTQuantile(0.975, df) * Math.sqrt((((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / df) * (1 / a.n + 1 / b.n));
  const d = b.mean - a.mean;
  return [Math.expm1(d - half), Math.expm1(d + half)];
}

function drift(
  recent: number[],
  s: RawSeries,
  z: number[],
  runs: TrendHistory['entries'],
  log: boolean,
  o: Required<TrendOptions>,
  notes: string[],
  significantOnly: boolean,
): TrendDrift | undefined {
  if (recent.length < MIN_DRIFT_RUNS) {
    notes.push(`${recent.length} run(s) to fit since the last change point: drift and forecasts need ${MIN_DRIFT_RUNS}.`);
    return undefined;
  }
  if (!log) return (notes.push('No drift on the raw scale (values ≤ 0).'), undefined);
  const y = recent.map((i) => z[i] as number);
  const mk = mannKendall(y);
  // A drift needs Mann–Kendall's p below the level (and Sen's interval clear of 0).
  if (significantOnly && !(mk.pValue < o.driftPValue)) return undefined;
  const fit = theilSen(recent, y, 0.95, mk.variance);
  const days = recent.map((i) => Date.parse(runs[s.points[i]!.run]!.timestamp) / DAY);
  const spansTime = days.every(Number.isFinite) && (days.at(-1) as number) > (days[0] as number);
  const perDay = spansTime ? theilSenSlope(days, y) : NaN;
  const significant = mk.pValue < o.driftPValue && (fit.ci[0] > 0 || fit.ci[1] < 0);
  const worse = s.direction === 'smaller' ? fit.slope > 0 : fit.slope < 0;
  return {
    runs: recent.length,
    perRun: Math.expm1(fit.slope),
    perRunCi: [Math.expm1(fit.ci[0]), Math.expm1(fit.ci[1])],
    ...(Number.isFinite(perDay) ? { perWeek: Math.expm1(perDay * 7) } : {}),
    pValue: mk.pValue,
    significant,
    verdict: !significant ? 'none' : worse ? 'regression' : 'improvement',
  };
}

/** At each change point, the other series whose change points' commit ranges overlap it. */
function linkTogether(series: SeriesTrend[]): void {
  const all = series.flatMap((s) => s.changePoints.map((c) => ({ s, c })));
  for (const a of all) {
    for (const b of all) {
      if (a.s === b.s) continue;
      if (b.c.before.index < a.c.after.index && a.c.before.index < b.c.after.index) {
        a.c.together.push({ id: b.s.id, ...(b.s.metric ? { metric: b.s.metric } : {}), change: b.c.change, verdict: b.c.verdict });
      }
    }
  }
}
