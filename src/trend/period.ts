/**
 * The scheduled report of a period (e.g. the last 7 days) of a branch's history: change points
 * and drift in the period, the biggest movers, the benchmarks that became noisier, the budgets
 * with their forecasts, and the benchmarks that stopped reporting. Pure: runs in, data out.
 *
 * A mover compares the median of the last 3 runs before the period with the median of the last
 * 3 in it (medians of 3 shrug off one stray run). Noise is the robust relative spread, 1.4826 ×
 * the median absolute deviation of log values (≈ the CV for small spreads), in the period
 * against the 20 runs before it.
 */
import { median, medianAbsoluteDeviation } from 'simple-statistics';
import type { ThresholdConfig } from '../config/types.js';
import type { BaseUnit, Direction, RunFile } from '../model/index.js';
import { analyzeTrends } from './analyze.js';
import { runsHistory, type RawSeries } from './series.js';
import type { TrendForecast, TrendOptions, TrendReport } from './types.js';

export interface PeriodMove {
  series: string;
  unit: BaseUnit;
  direction: Direction;
  from: number;
  to: number;
  change: number;
  verdict: 'regression' | 'improvement';
}

export interface PeriodReport {
  schemaVersion: 1;
  branch: string;
  /** The period's name as given (`7d`), and its bounds. */
  period: { name: string; since: string; until: string };
  runs: { total: number; inPeriod: number; last?: { commit?: string; timestamp: string } };
  changePoints: Array<{
    series: string;
    change: number;
    verdict: 'regression' | 'improvement';
    before?: string;
    after?: string;
    at: string;
  }>;
  drifts: Array<{ series: string; perRun: number; perWeek?: number; verdict: 'regression' | 'improvement'; runs: number }>;
  movers: PeriodMove[];
  noisier: Array<{ series: string; before: number; now: number }>;
  budgets: Array<{ series: string } & Pick<TrendForecast, 'threshold' | 'condition' | 'status' | 'message'>>;
  stopped: Array<{ id: string; lastSeen: string; commit?: string }>;
  warnings: string[];
}

export interface PeriodInput {
  runs: readonly RunFile[];
  branch: string;
  /** The period's name (`7d`) and length. */
  name: string;
  periodMs: number;
  /** The end of the period (ms), usually now. */
  until: number;
  options?: TrendOptions;
  thresholds?: readonly ThresholdConfig[];
  /** Movers smaller than this relative change are not listed (default 0.05). */
  minEffect?: number;
}

const UNIT_MS: Record<string, number> = { h: 36e5, d: 864e5, w: 7 * 864e5 };

/** Milliseconds of an age such as `7d`, `12h`, `8w` (hours, days, weeks); undefined when it is not one. */
export function parseAge(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([hdw])$/.exec(text.trim());
  return m ? Number(m[1]) * (UNIT_MS[m[2] as string] as number) : undefined;
}

export const MOVER_RUNS = 3;
export const TOP_MOVERS = 5;
export const NOISE_RUNS = 20;
/** Noisier: the spread at least this many times the earlier one, and at least 1%. */
export const NOISIER_RATIO = 1.5;
const MIN_NOISE_RUNS = 4;

const label = (s: { id: string; metric?: string }) => (s.metric ? `${s.id} (${s.metric})` : s.id);
const spread = (values: number[]) => 1.4826 * medianAbsoluteDeviation(values.map(Math.log));

function worse(direction: Direction, change: number): boolean {
  return direction === 'smaller' ? change > 0 : change < 0;
}

/** The report of the period that ends at `until`. */
export function periodReport(input: PeriodInput): PeriodReport {
  const { runs, until } = input;
  const since = until - input.periodMs;
  const at = (i: number) => Date.parse(runs[i]?.timestamp ?? '');
  const first = runs.findIndex((_, i) => at(i) >= since);
  const inPeriod = first < 0 ? 0 : runs.length - first;
  const history = runsHistory(runs);
  const trend: TrendReport = analyzeTrends({
    history,
    branch: input.branch,
    options: input.options ?? {},
    thresholds: input.thresholds ?? [],
  });
  const inside = (timestamp: string) => Date.parse(timestamp) >= since;
  const raw = history.series;
  const last = runs[runs.length - 1];
  return {
    schemaVersion: 1,
    branch: input.branch,
    period: { name: input.name, since: new Date(since).toISOString(), until: new Date(until).toISOString() },
    runs: {
      total: runs.length,
      inPeriod,
      ...(last ? { last: { ...(last.commit ? { commit: last.commit } : {}), timestamp: last.timestamp } } : {}),
    },
    changePoints: trend.series.flatMap((s) =>
      s.changePoints
        .filter((c) => inside(c.after.timestamp))
        .map((c) => ({
          series: label(s),
          change: c.change,
          verdict: c.verdict,
          ...(c.before.commit ? { before: c.before.commit } : {}),
          ...(c.after.commit ? { after: c.after.commit } : {}),
          at: c.after.timestamp,
        })),
    ),
    drifts: trend.series.flatMap((s) =>
      s.drift && s.drift.significant && s.drift.verdict !== 'none' && s.latest && inside(s.latest.run.timestamp)
        ? [
            {
              series: label(s),
              perRun: s.drift.perRun,
              ...(s.drift.perWeek !== undefined ? { perWeek: s.drift.perWeek } : {}),
              verdict: s.drift.verdict,
              runs: s.drift.runs,
            },
          ]
        : [],
    ),
    movers: first < 0 ? [] : movers(raw, first, input.minEffect ?? 0.05),
    noisier: first < 0 ? [] : noisier(raw, first),
    budgets: trend.series.flatMap((s) =>
      s.forecasts.map((f) => ({ series: label(s), threshold: f.threshold, condition: f.condition, status: f.status, message: f.message })),
    ),
    stopped: stopped(raw, runs, since - input.periodMs),
    warnings: [
      ...trend.warnings,
      ...(inPeriod === 0 ? [`No run of ${input.branch} in the period (since ${new Date(since).toISOString()}).`] : []),
    ],
  };
}

function movers(raw: RawSeries[], first: number, minEffect: number): PeriodMove[] {
  const out: PeriodMove[] = [];
  for (const s of raw) {
    const before = s.points.filter((p) => p.run < first).slice(-MOVER_RUNS);
    const during = s.points.filter((p) => p.run >= first).slice(-MOVER_RUNS);
    if (!before.length || !during.length) continue;
    const from = median(before.map((p) => p.value));
    const to = median(during.map((p) => p.value));
    if (!(from > 0)) continue;
    const change = to / from - 1;
    if (Math.abs(change) < minEffect) continue;
    out.push({
      series: label(s),
      unit: s.unit,
      direction: s.direction,
      from,
      to,
      change,
      verdict: worse(s.direction, change) ? 'regression' : 'improvement',
    });
  }
  return out.sort((a, b) => Math.abs(Math.log1p(b.change)) - Math.abs(Math.log1p(a.change))).slice(0, TOP_MOVERS);
}

function noisier(raw: RawSeries[], first: number): PeriodReport['noisier'] {
  const out: PeriodReport['noisier'] = [];
  for (const s of raw) {
    const before = s.points.filter((p) => p.run < first && p.value > 0).slice(-NOISE_RUNS);
    const during = s.points.filter((p) => p.run >= first && p.value > 0);
    if (before.length < MIN_NOISE_RUNS || during.length < MIN_NOISE_RUNS) continue;
    const was = spread(before.map((p) => p.value));
    const now = spread(during.map((p) => p.value));
    if (now >= 0.01 && now >= NOISIER_RATIO * was) out.push({ series: label(s), before: was, now });
  }
  return out.sort((a, b) => b.now / Math.max(b.before, 1e-9) - a.now / Math.max(a.before, 1e-9));
}

/** Benchmarks seen since `from` but not in the newest run. */
function stopped(raw: RawSeries[], runs: readonly RunFile[], from: number): PeriodReport['stopped'] {
  const newest = runs.length - 1;
  return raw
    .filter((s) => s.metric === undefined)
    .flatMap((s) => {
      const lastRun = s.points[s.points.length - 1]?.run;
      if (lastRun === undefined || lastRun === newest) return [];
      const r = runs[lastRun]!;
      if (Date.parse(r.timestamp) < from) return [];
      return [{ id: s.id, lastSeen: r.timestamp, ...(r.commit ? { commit: r.commit } : {}) }];
    });
}
