/**
 * Plain-text faces of the report: a terminal rendering and the annotations that mark
 * regressions on the run's page. No markdown: names are flattened to one line, not escaped.
 */
import { findingsText, gate } from '../compare/gate.js';
import type { BenchmarkComparison, Report } from '../model/index.js';
import { plainBlock, plainText } from './escape.js';
import { formatChange, formatInterval, formatValue } from '../model/format.js';
import { BENCH_LABEL, countsLine, trendCell } from './sections.js';
import { baselineFrom, blindSpotSentence, ciLabel, splitError } from './words.js';

/** GitHub shows a handful of annotations per step: the first ones, then one that counts the rest. */
export const MAX_ANNOTATIONS = 10;

function label(b: BenchmarkComparison): string {
  return plainText(b.suite ? `${b.suite} › ${b.name}` : b.name, 120);
}

function change(b: BenchmarkComparison): string {
  if (b.change === undefined || !Number.isFinite(b.change)) return '';
  const significant = b.verdict === 'regression' || b.verdict === 'improvement';
  return `${significant ? '' : '~ '}${formatChange(b.change)}`;
}

function values(b: BenchmarkComparison): string {
  const base = b.baseline ? formatValue(b.baseline.value, b.unit) : '—';
  const cur = b.current ? formatValue(b.current.value, b.unit) : '—';
  return `${base} → ${cur}`;
}

/** Pads each column to its widest cell (by code points, which is what terminals mostly show). */
function columns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, Array.from(c).length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - Array.from(c).length)))
      .join('  ')
      .trimEnd(),
  );
}

function designText(report: Report): string {
  if (!report.baseline) return 'Design: no baseline run yet — every benchmark is new; nothing was tested.';
  const runs =
    report.design === 'paired'
      ? `${report.baseline.runs} pairs`
      : `${report.baseline.runs} baseline run${report.baseline.runs === 1 ? '' : 's'}`;
  const from = report.baseline.from ? ` · ${plainText(baselineFrom(report.baseline), 300)}` : '';
  return `Design: ${report.design} (${runs}) · Method: ${plainText(report.method, 400)}${from}`;
}

/** The report for a terminal: the gate's verdict and reason, counts, one line per benchmark, targets, problems. */
export function renderConsole(report: Report): string {
  const g = gate(report);
  const blind = blindSpotSentence(report);
  const lines = [
    `Performance: ${g.verdict.toUpperCase()} — ${countsLine(report)}${g.verdict === 'pass' ? '' : ` (${findingsText(report)})`}`,
  ];
  if (blind) lines.push(`${blind.charAt(0).toUpperCase()}${blind.slice(1)}`);
  lines.push(designText(report));
  for (const n of report.notes ?? []) lines.push(`note: ${plainText(n, 400)}`);
  if (report.benchmarks.length > 0) {
    lines.push('');
    const order = Object.keys(BENCH_LABEL);
    const sorted = [...report.benchmarks].sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict));
    const rows = sorted.map((b) => [label(b), b.verdict, change(b), formatInterval(b.ci), values(b), trendCell(b)]);
    lines.push(...columns([['benchmark', 'verdict', 'change', ciLabel(report), 'baseline → current', 'trend'], ...rows]));
  }
  if (report.targets.length > 0) {
    lines.push('', 'Targets and thresholds:');
    for (const t of report.targets)
      lines.push(`  ${t.status.padEnd(12)} ${plainText(t.name, 80)} (expected ${plainText(t.expected, 40)}): ${plainText(t.message)}`);
  }
  for (const w of report.warnings) lines.push(`warning: ${plainText(w, 400)}`);
  for (const e of report.errors) {
    const { head, detail } = splitError(e.message);
    lines.push(`error: ${plainText(e.task ? `${e.suite} › ${e.task}` : e.suite, 120)}: ${plainText(head, 400)}`);
    if (detail) lines.push('```', ...plainBlock(detail.split('\n').slice(-60).join('\n')).split('\n'), '```');
  }
  return lines.join('\n') + '\n';
}

/**
 * Annotations for `core.error(message, { title })`: one per regression and per crossed alert,
 * at most `max` of them, then one that counts the rest (5,000 regressions must not make 5,000
 * annotations; the summary and the JSON report list them all).
 */
export function annotations(report: Report, max = MAX_ANNOTATIONS): Array<{ title: string; message: string }> {
  const ci = ciLabel(report);
  const out = report.benchmarks
    .filter((b) => b.verdict === 'regression')
    .map((b) => ({
      title: `Performance regression: ${label(b)}`,
      message:
        `${label(b)} changed by ${change(b)}${b.ci ? ` (${ci} ${formatInterval(b.ci)})` : ''}: ${values(b)}.` +
        (b.reason ? ` ${plainText(b.reason)}` : ''),
    }));
  for (const t of report.targets.filter((x) => x.status === 'failure'))
    out.push({ title: `Performance alert: ${plainText(t.name, 120)}`, message: plainText(t.message, 400) });
  if (out.length <= max) return out;
  const rest = out.length - max;
  return [
    ...out.slice(0, max),
    {
      title: `Performance: ${rest} more regressions or alerts`,
      message: `${out.length} regressions and alerts in all (${rest} not annotated); the job summary and the JSON report list every one.`,
    },
  ];
}
