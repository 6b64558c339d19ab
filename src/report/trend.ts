/**
 * The trend report as markdown (the job summary, `trend --markdown`) or as terminal text (the
 * same layout, unescaped). Pure: report in, text out. Names and commits come from run files, so
 * they are escaped for GitHub (`escapeText`) or flattened for a terminal (`plainText`).
 */
import { markdownTable } from 'markdown-table';
import { escapeText, plainText } from './escape.js';
import { formatChange, formatValue, sig } from '../model/format.js';
import { RUNNER_LEVEL_ID, RUNNER_LEVEL_LABEL, seriesWithRunnerLevel } from '../trend/index.js';
import type { RunRef, SeriesTrend, TrendChangePoint, TrendReport } from '../trend/types.js';

type Esc = (text: string, max?: number) => string;

const label = (s: SeriesTrend, esc: Esc) =>
  s.id === RUNNER_LEVEL_ID ? RUNNER_LEVEL_LABEL : esc(s.metric ? `${s.id} · ${s.metric}` : s.id);
const commit = (r: RunRef, esc: Esc) => (r.commit ? esc(r.commit.slice(0, 7)) : `run ${r.index + 1}`);
const range = (c: TrendChangePoint, esc: Esc) => `${commit(c.before, esc)}..${commit(c.after, esc)}`;
const day = (r: RunRef) => r.timestamp.slice(0, 10);
const pct = (x: number) => formatChange(x);
const count = (x: number) => (Number.isFinite(x) ? String(Math.round(x)) : '∞');

function lastChange(s: SeriesTrend, esc: Esc): string {
  const c = s.changePoints.at(-1);
  if (!c) return '—';
  return `${pct(c.change)} ${c.verdict} in ${range(c, esc)} (${c.runsSince} run${c.runsSince === 1 ? '' : 's'} ago)`;
}

function driftCell(s: SeriesTrend): string {
  const d = s.drift;
  if (!d) return '—';
  const week = d.perWeek !== undefined ? `, ${pct(d.perWeek)}/week` : '';
  const text = `${pct(d.perRun)}/run${week}`;
  return d.significant ? `${text} (${d.verdict}, p ${sig(d.pValue)})` : `~ ${text}`;
}

function forecastCell(s: SeriesTrend, esc: Esc): string {
  const f = s.forecasts.find((x) => x.status === 'crossed') ?? s.forecasts.find((x) => x.status === 'crossing');
  if (!f) return s.forecasts.length ? 'within budget' : '—';
  if (f.status === 'crossed') return `${esc(f.stat)} past ${esc(f.condition)}`;
  const r = f.runs!;
  return `${esc(f.stat)} crosses ${esc(f.condition)} in ~${count(r.estimate)} runs (${count(r.low)}–${count(r.high)})`;
}

function changeLine(s: SeriesTrend, c: TrendChangePoint, esc: Esc): string {
  const lv = (l: { value: number; spread: number; runs: number }) =>
    `${formatValue(l.value, s.unit)} ±${(l.spread * 100).toFixed(1)}% (${l.runs} runs)`;
  const with_ = c.together.length
    ? `; moved with ${c.together
        .slice(0, 5)
        .map((t) => `${esc(t.metric ? `${t.id} · ${t.metric}` : t.id)} ${pct(t.change)}`)
        .join(', ')}${c.together.length > 5 ? ` and ${c.together.length - 5} more` : ''}`
    : '';
  return `- ${label(s, esc)}: ${pct(c.change)} (${c.verdict}) in ${range(c, esc)} (${day(c.after)}): ${lv(c.levels.before)} → ${lv(c.levels.after)}, p ${sig(c.pValue)}${with_}`;
}

/** The report in markdown (`esc` = escapeText) or terminal text (`esc` = plainText). */
function render(report: TrendReport, esc: Esc, heading: string): string {
  const out: string[] = [];
  const span =
    report.first && report.last
      ? `, ${commit(report.first, esc)} (${day(report.first)}) → ${commit(report.last, esc)} (${day(report.last)})`
      : '';
  out.push(
    `${heading} Performance trends${report.branch ? ` of ${esc(report.branch)}` : ''}`,
    '',
    `${report.runs} run${report.runs === 1 ? '' : 's'}${span}.`,
  );
  for (const w of report.warnings) out.push('', `> ${esc(w, 400)}`);
  const series = seriesWithRunnerLevel(report);
  if (series.length) {
    const rows = series.map((s) => [label(s, esc), String(s.runs), lastChange(s, esc), driftCell(s), forecastCell(s, esc)]);
    out.push(
      '',
      markdownTable([['Benchmark', 'Runs', 'Last change point', 'Drift', 'Forecast'], ...rows], { align: ['l', 'r', 'l', 'l', 'l'] }),
    );
  }
  const changes = series.flatMap((s) => s.changePoints.map((c) => changeLine(s, c, esc)));
  if (changes.length) out.push('', `${heading}# Change points`, '', ...changes);
  const forecasts = series.flatMap((s) =>
    s.forecasts.filter((f) => f.status !== 'safe').map((f) => `- ${label(s, esc)}: ${esc(f.message, 400)}`),
  );
  if (forecasts.length) out.push('', `${heading}# Forecasts`, '', ...forecasts);
  const anomalies = series.flatMap((s) =>
    s.anomalies.map(
      (a) =>
        `- ${label(s, esc)}: ${commit(a.run, esc)} (${day(a.run)}) ${formatValue(a.value, s.unit)}, ${pct(a.deviation)} off its neighbours (z ${sig(a.z)})${a.pending ? ': the newest run, left out until the next run tells an outlier from a step' : ', left out'}`,
    ),
  );
  if (anomalies.length) out.push('', `${heading}# Anomalies`, '', ...anomalies);
  const notes = series.flatMap((s) => s.notes.map((n) => `- ${label(s, esc)}: ${esc(n, 400)}`));
  if (notes.length) out.push('', `${heading}# Notes`, '', ...notes);
  const o = report.options;
  const adjusted = report.series.filter((s) => s.runnerFactor !== undefined).length;
  const runner = adjusted ? `, on ${adjusted} timed series with the runner's level taken out` : '';
  out.push(
    '',
    `Change points: E-Divisive means with a t-test (Apache Otava's method), window ${o.window}, p < ${sig(o.pValue)}${o.minEffect ? `, at least ${pct(o.minEffect)}` : ''}${runner}; drift: Theil–Sen with Mann–Kendall, p < ${sig(o.driftPValue)}; anomalies: robust z ≥ ${sig(o.anomalyZ)}.`,
  );
  return out.join('\n');
}

/** Markdown for GitHub: every name and commit escaped. */
export function renderTrendMarkdown(report: TrendReport): string {
  return render(report, escapeText, '##');
}

/** Plain text for a terminal. */
export function renderTrendText(report: TrendReport): string {
  return render(report, plainText, '#');
}
