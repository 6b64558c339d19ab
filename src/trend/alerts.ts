/**
 * Alerts for a push to the default branch, from the trend report before and after the newest
 * run: a change point this run confirms (absent without it) is new; a regression of at least
 * `minEffect` is critical, a smaller one or an improvement is info. A forecast crossing a budget
 * within `horizon` runs, a budget already missed, and a significant drift towards worse are
 * warnings. Pure: reports in, alerts out.
 */
import { formatChange } from '../model/format.js';
import { RUNNER_LEVEL_ID, seriesWithRunnerLevel } from './analyze.js';
import type { SeriesTrend, TrendReport } from './types.js';

export type AlertLevel = 'critical' | 'warning' | 'info';

export interface TrendAlert {
  level: AlertLevel;
  /** What raised it: a new change point, a budget forecast (crossed or crossing), a drift. */
  kind: 'change-point' | 'forecast' | 'drift';
  id: string;
  metric?: string;
  /** One sentence, unescaped (the renderer or the logger escapes it). */
  message: string;
}

export interface AlertOptions {
  minEffect: number;
  horizon: number;
}

/** Change points of the earlier analysis that stand for the same change (its first run within 2). */
const SAME_CHANGE_RUNS = 2;

const key = (s: SeriesTrend) => `${s.id}\0${s.metric ?? ''}`;
const label = (s: SeriesTrend) =>
  s.id === RUNNER_LEVEL_ID ? 'The runner level (every timed benchmark together)' : s.metric ? `${s.id} (${s.metric})` : s.id;
const short = (c?: string) => (c ? c.slice(0, 7) : '?');

/** The alerts `now` raises that `before` (the same history without the newest run) did not. */
export function trendAlerts(now: TrendReport, before: TrendReport | undefined, o: AlertOptions): TrendAlert[] {
  const earlier = new Map((before ? seriesWithRunnerLevel(before) : []).map((s) => [key(s), s]));
  const out: TrendAlert[] = [];
  const order: Record<AlertLevel, number> = { critical: 0, warning: 1, info: 2 };
  for (const s of seriesWithRunnerLevel(now)) {
    // A step of the runner's level moved every benchmark: the runner, or a change that touched them all — a warning, not a verdict on one benchmark.
    const runner = s.id === RUNNER_LEVEL_ID;
    const prev = earlier.get(key(s));
    const base = { id: s.id, ...(s.metric ? { metric: s.metric } : {}) };
    for (const c of s.changePoints) {
      if (prev?.changePoints.some((p) => Math.abs(p.after.index - c.after.index) <= SAME_CHANGE_RUNS)) continue;
      const big = Math.abs(c.change) >= o.minEffect;
      const level: AlertLevel = c.verdict === 'regression' && big ? (runner ? 'warning' : 'critical') : 'info';
      const moved = c.together.length
        ? `, with ${c.together
            .slice(0, 3)
            .map((t) => `${t.metric ? `${t.id} (${t.metric})` : t.id} ${formatChange(t.change)}`)
            .join(', ')}`
        : '';
      out.push({
        ...base,
        level,
        kind: 'change-point',
        message: `${label(s)} changed ${formatChange(c.change)} (${c.verdict}) in ${short(c.before.commit)}..${short(c.after.commit)}, ${c.runsSince} run(s) ago${moved}${runner ? ': a change of runner, or one that slowed or sped up everything' : ''}.`,
      });
    }
    for (const f of s.forecasts) {
      if (f.status === 'crossed') out.push({ ...base, level: 'warning', kind: 'forecast', message: `${label(s)}: ${f.message}` });
      else if (f.status === 'crossing' && f.runs && f.runs.estimate <= o.horizon)
        out.push({ ...base, level: 'warning', kind: 'forecast', message: `${label(s)}: ${f.message}` });
    }
    if (s.drift?.verdict === 'regression')
      out.push({
        ...base,
        level: 'warning',
        kind: 'drift',
        message: `${label(s)} drifts ${formatChange(s.drift.perRun)}/run over the last ${s.drift.runs} runs (Mann–Kendall p ${s.drift.pValue.toPrecision(2)}).`,
      });
  }
  return out.sort((a, b) => order[a.level] - order[b.level]);
}
