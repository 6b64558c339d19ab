/**
 * The detail's trend and check tables: the drift since the last change point, the forecasts of
 * budgeted thresholds (computed at build by the trend room), and the thresholds checked on the
 * newest run (the compare room's checks, at build). The page computes none of them.
 */
import { formatChange, formatInterval, formatValue, sig } from '../../model/format.js';
import type { TargetResult } from '../../model/report.js';
import type { BranchSeries } from '../../report/dashboard-types.js';
import { el, table } from './dom.js';

/** A figure or "never" for an unbounded (JSON null) or infinite bound. */
function bound(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? 'never' : sig(x);
}

/** The drift line: rate per run (and per week) with its interval, and whether it is significant. */
export function driftView(s: BranchSeries | undefined): HTMLElement {
  const d = s?.drift;
  if (!d) return el('p', { class: 'drift' }, 'Drift: too few runs since the last change point to fit one.');
  const rate = `${formatChange(d.perRun)} per run ${formatInterval(d.perRunCi)}${d.perWeek !== undefined ? `, ${formatChange(d.perWeek)} per week` : ''}`;
  const what = d.significant ? `a significant ${d.verdict === 'regression' ? 'worsening' : 'improvement'}` : 'not significant';
  return el('p', { class: 'drift' }, `Drift over the last ${d.runs} runs: ${rate} (Mann–Kendall p = ${sig(d.pValue)}, ${what}).`);
}

/** The forecasts table, or a line saying there is none. */
export function forecastsView(s: BranchSeries | undefined, unit: string): HTMLElement {
  const fs = s?.forecasts ?? [];
  if (!fs.length) return el('p', { class: 'forecasts' }, 'Forecasts: no threshold with a budget applies to this benchmark.');
  const t = table(
    'Forecasts of the budgets (default branch)',
    ['threshold', 'now', 'budget', 'status', 'runs until crossed', 'days until crossed', 'note'],
    fs.map((f) => [
      `${f.threshold} (${f.stat})`,
      Number.isFinite(f.current) ? formatValue(f.current, unit) : '',
      f.condition,
      f.status,
      f.runs ? `${bound(f.runs.estimate)} [${bound(f.runs.low)}, ${bound(f.runs.high)}]` : '',
      f.days ? `${bound(f.days.estimate)} [${bound(f.days.low)}, ${bound(f.days.high)}]` : '',
      f.message,
    ]),
  );
  t.classList.add('forecasts');
  return t;
}

const STATUS = { met: 'met', warning: 'missed (warning)', failure: 'alert crossed (failure)', inconclusive: 'unknown' } as const;

/** The thresholds checked on the newest run, or a line saying why there are none. */
export function checksView(checks: TargetResult[] | undefined, known: boolean, run: string): HTMLElement {
  if (!known)
    return el(
      'p',
      { class: 'checks' },
      'Targets and thresholds: unknown to this build (the history keeps no outcomes; build with the config).',
    );
  if (!checks?.length) return el('p', { class: 'checks' }, 'Targets and thresholds: none of the config applies to this benchmark.');
  const t = table(
    `Targets and thresholds on the newest run (${run})`,
    ['check', 'status', 'value', 'rule', 'message'],
    checks.map((c) => [c.name, STATUS[c.status], c.value === undefined ? '' : formatValue(c.value, c.unit), c.expected, c.message]),
  );
  t.classList.add('checks');
  return t;
}
