/**
 * Plain-text faces of the report: a terminal rendering and the annotations that mark
 * regressions on the run's page. No markdown: names are flattened to one line, not escaped.
 */
import type { BenchmarkComparison, Report } from '../types.js';
import { plainText } from './escape.js';
import { formatChange, formatInterval, formatValue } from './format.js';
import { BENCH_LABEL, countsLine, trendCell } from './sections.js';

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

/** The report for a terminal: verdict and counts, one line per benchmark, targets, problems. */
export function renderConsole(report: Report): string {
  const lines = [`Performance: ${report.verdict.toUpperCase()} — ${countsLine(report)}`];
  lines.push(`Design: ${report.design}${report.baseline ? ` (${report.baseline.runs} baseline runs)` : ''} · Method: ${plainText(report.method)}`);
  if (report.benchmarks.length > 0) {
    lines.push('');
    const order = Object.keys(BENCH_LABEL);
    const sorted = [...report.benchmarks].sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict));
    const rows = sorted.map((b) => [
      label(b),
      b.verdict,
      change(b),
      formatInterval(b.ci),
      values(b),
      trendCell(b),
    ]);
    lines.push(...columns([['benchmark', 'verdict', 'change', '95% CI', 'baseline → current', 'trend'], ...rows]));
  }
  if (report.targets.length > 0) {
    lines.push('', 'Targets and thresholds:');
    for (const t of report.targets)
      lines.push(`  ${t.status.padEnd(12)} ${plainText(t.name, 80)} (expected ${plainText(t.expected, 40)}): ${plainText(t.message)}`);
  }
  for (const w of report.warnings) lines.push(`warning: ${plainText(w, 400)}`);
  for (const e of report.errors) lines.push(`error: ${plainText(e.task ? `${e.suite} › ${e.task}` : e.suite, 120)}: ${plainText(e.message, 400)}`);
  return lines.join('\n') + '\n';
}

/** One annotation per regression and per crossed alert, for `core.error(message, { title })`. */
export function annotations(report: Report): Array<{ title: string; message: string }> {
  const out = report.benchmarks
    .filter((b) => b.verdict === 'regression')
    .map((b) => ({
      title: `Performance regression: ${label(b)}`,
      message:
        `${label(b)} changed by ${change(b)}${b.ci ? ` (95% CI ${formatInterval(b.ci)})` : ''}: ${values(b)}.` +
        (b.reason ? ` ${plainText(b.reason)}` : ''),
    }));
  for (const t of report.targets.filter((x) => x.status === 'failure'))
    out.push({ title: `Performance alert: ${plainText(t.name, 120)}`, message: plainText(t.message, 400) });
  return out;
}
