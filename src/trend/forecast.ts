/**
 * Forecasts: for a threshold with a budget (`target`, else `alert`: "p95 <= 30s",
 * "accuracy >= 0.95", a band), how many runs and days until the drift crosses it. The level and
 * its rate are a Theil–Sen fit (drift.ts) of the statistic's logarithm over the runs since the
 * last change point; the interval comes from the slope's confidence bounds (a bound that does
 * not head for the budget means "maybe never").
 */
import { parseCondition, toBase } from '../config/condition-grammar.js';
import type { ThresholdConfig } from '../config/types.js';
import { formatChange } from '../model/format.js';
import { formatValue } from '../model/format.js';
import type { BaseUnit } from '../model/index.js';
import { mannKendall, theilSen } from './drift.js';
import type { TrendForecast } from './types.js';

/** Fewest runs a forecast is fitted on. */
export const MIN_FORECAST_RUNS = 8;

/** The budget's bound(s) in base units: `upper` when values must stay below it, `lower` above. */
function bounds(text: string, unit: BaseUnit): { upper?: number; lower?: number } | string {
  const c = parseCondition(text);
  const base = (v: number, u: Parameters<typeof toBase>[1]) => toBase(v, u, unit);
  if (c.kind === 'band') {
    const lower = base(c.low, c.lowUnit);
    const upper = base(c.high, c.highUnit);
    if (typeof lower === 'string') return lower;
    if (typeof upper === 'string') return upper;
    return { lower, upper };
  }
  const v = base(c.value, c.unit);
  if (typeof v === 'string') return v;
  if (c.op === '<=' || c.op === '<') return { upper: v };
  if (c.op === '>=' || c.op === '>') return { lower: v };
  return `an equality (${text}) has no side to drift towards`;
}

type Span = { estimate: number; low: number; high: number };

/**
 * Forecast of one threshold on one statistic series: `values` (> 0) at run positions `x` with
 * timestamps `times` (ms), oldest first. `driftPValue` is the Mann–Kendall level for a trend.
 */
export function forecastThreshold(
  t: ThresholdConfig,
  unit: BaseUnit,
  x: readonly number[],
  values: readonly number[],
  times: readonly number[],
  driftPValue: number,
): TrendForecast {
  const condition = (t.target ?? t.alert) as string;
  const stat = t.stat ?? 'median';
  const base = { threshold: t.name ?? condition, stat, condition, budget: NaN, current: NaN };
  const b = bounds(condition, unit);
  if (typeof b === 'string') return { ...base, status: 'unknown', message: `No forecast: ${b}.` };
  if (values.length < MIN_FORECAST_RUNS)
    return {
      ...base,
      status: 'unknown',
      message: `No forecast: ${stat} is known for ${values.length} run(s) since the last change point; a forecast needs ${MIN_FORECAST_RUNS} (runs summarized by retention keep no percentiles).`,
    };
  if (values.some((v) => !(v > 0))) return { ...base, status: 'unknown', message: `No forecast: ${stat} has values ≤ 0.` };
  const y = values.map(Math.log);
  const fit = theilSen(x, y);
  const last = x[x.length - 1] as number;
  const level = fit.intercept + fit.slope * last;
  const current = Math.exp(level);
  const rising = fit.slope > 0;
  const budget = (rising ? b.upper : b.lower) ?? (rising ? b.lower : b.upper) ?? NaN;
  const out = { ...base, budget, current };
  const show = (v: number) => formatValue(v, unit);
  const crossed = (b.upper !== undefined && current > b.upper) || (b.lower !== undefined && current < b.lower);
  if (crossed) return { ...out, status: 'crossed', message: `${stat} ${show(current)} is already past the budget ${condition}.` };
  const headsThere = rising ? b.upper !== undefined : b.lower !== undefined;
  const trend = mannKendall(y);
  if (!(trend.pValue < driftPValue) || !headsThere || !(budget > 0))
    return { ...out, status: 'safe', message: `${stat} ${show(current)}: no significant drift towards ${condition}.` };
  const gap = Math.log(budget) - level;
  const runsAt = (slope: number) => (Math.sign(slope) === Math.sign(gap) && slope !== 0 ? gap / slope : Infinity);
  const [lo, hi] = fit.ci;
  const fastest = rising ? hi : lo;
  const slowest = rising ? lo : hi;
  const runs: Span = { estimate: runsAt(fit.slope), low: runsAt(fastest), high: runsAt(slowest) };
  const msPerRun = x.length > 1 ? ((times[times.length - 1] as number) - (times[0] as number)) / (last - (x[0] as number)) : NaN;
  const days =
    msPerRun > 0
      ? { estimate: (runs.estimate * msPerRun) / 864e5, low: (runs.low * msPerRun) / 864e5, high: (runs.high * msPerRun) / 864e5 }
      : undefined;
  const r = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : '∞');
  const message =
    `At ${formatChange(Math.expm1(fit.slope))}/run, ${stat} ${show(current)} crosses ${condition} in about ${r(runs.estimate)} runs (${r(runs.low)}–${r(runs.high)})` +
    (days ? `, ${r(days.estimate)} days (${r(days.low)}–${r(days.high)}).` : '.');
  return { ...out, status: 'crossing', runs, ...(days ? { days } : {}), message };
}
