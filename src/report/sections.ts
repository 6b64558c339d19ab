/**
 * The sections of the markdown report, each a pure function of the report and a row limit, so
 * that `render.ts` can shrink the lowest-priority section first when the body is over budget.
 */
import { markdownTable } from 'markdown-table';
import { findingsText, gate } from '../compare/gate.js';
import type { BenchmarkComparison, BenchmarkVerdict, Design, Report, TargetResult, TargetStatus } from '../model/index.js';
import { escapeText } from './escape.js';
import { markedSparkline } from './marked-sparkline.js';
import { baselineFrom, blindSpotSentence, errorLines, noteText, splitError, type Audience } from './words.js';
import { formatChange, formatInterval, formatValue, sig } from '../model/format.js';

const TABLE = { alignDelimiters: false } as const;

const VERDICT_ICON: Record<Report['verdict'], string> = { pass: '✅', warn: '⚠️', fail: '❌' };

/** Labels of per-benchmark verdicts, in the order the counts and the full table list them. */
export const BENCH_LABEL: Record<BenchmarkVerdict, string> = {
  regression: '🔴 regression',
  error: '❌ not measured',
  improvement: '🟢 improvement',
  inconclusive: '❔ inconclusive',
  new: '🆕 new',
  missing: '➖ missing',
  unchanged: 'unchanged',
};
const COUNT_WORDS: Record<BenchmarkVerdict, [string, string]> = {
  regression: ['regression', 'regressions'],
  error: ['not measured', 'not measured'],
  improvement: ['improvement', 'improvements'],
  inconclusive: ['inconclusive', 'inconclusive'],
  new: ['new', 'new'],
  missing: ['missing', 'missing'],
  unchanged: ['unchanged', 'unchanged'],
};
const TARGET_LABEL: Record<TargetStatus, string> = {
  met: '✅ met',
  warning: '⚠️ missed target',
  failure: '❌ alert',
  inconclusive: '❔ inconclusive',
};

/** `1 regression · 2 improvements · 30 unchanged`: the non-zero counts, in a fixed order. */
export function countsLine(report: Report): string {
  const parts = (Object.keys(BENCH_LABEL) as BenchmarkVerdict[])
    .filter((v) => (report.counts[v] ?? 0) > 0)
    .map((v) => {
      const n = report.counts[v];
      return `${n} ${COUNT_WORDS[v][n === 1 ? 0 : 1]}`;
    });
  return parts.length > 0 ? parts.join(' · ') : 'no benchmarks';
}

/**
 * The headline: the gate's verdict and reason (the same words as the check and the exit code),
 * the counts, and — when benchmarks stayed inconclusive — what the run could and could not see.
 */
export function headline(report: Report): string {
  const g = gate(report);
  const noBaseline = !report.baseline && report.benchmarks.length > 0 && report.benchmarks.every((b) => b.verdict === 'new');
  const why = g.verdict === 'pass' ? (noBaseline ? 'no baseline to compare with yet' : 'no regression detected') : findingsText(report);
  const blind = blindSpotSentence(report);
  return `### ${VERDICT_ICON[g.verdict]} Performance: ${g.verdict} — ${why}\n\n**${countsLine(report)}**${blind ? ` — ${blind}` : ''}`;
}

function shortSha(sha: string | undefined): string | undefined {
  return sha && /^[0-9a-f]{7,40}$/i.test(sha) ? `\`${sha.slice(0, 7)}\`` : undefined;
}

function designWords(design: Design, report: Report): string {
  const runs = report.baseline?.runs ?? 0;
  if (design === 'paired')
    return `A/B pairs (base and head measured interleaved in the same job${report.current?.runs ? `, ${report.current.runs} pairs` : ''})`;
  if (design === 'history') return `history of ${runs} baseline run${runs === 1 ? '' : 's'}`;
  return 'a single baseline run (between-run noise unknown: conservative)';
}

/** Which design produced the verdict, with which method, against which commit and where the baseline came from. */
export function designLine(report: Report): string {
  if (!report.baseline) return '<sub>Design: no baseline run yet — every benchmark is new; nothing was tested.</sub>';
  const base = shortSha(report.baseline.commit);
  const head = shortSha(report.current?.commit);
  const commits = base || head ? ` · ${base ?? 'baseline'} → ${head ?? 'this run'}` : '';
  const from = report.baseline.from ? ` · ${escapeText(baselineFrom(report.baseline), 300)}` : '';
  return `<sub>Design: ${designWords(report.design, report)} · Method: ${escapeText(report.method, 300)}${commits}${from}</sub>`;
}

/** Notes from the caller (e.g. "baseline recorded on another machine") and the report's own, as a callout. */
export function notesBlock(notes: string[], report?: Report): string {
  const all = [...notes, ...(report?.notes ?? [])];
  if (all.length === 0) return '';
  return `> [!NOTE]\n${all.map((n) => `> ${escapeText(n, 500)}`).join('\n>\n')}`;
}

/** Change column: `~` marks a change that is not significant (benchstat's convention). */
export function changeCell(b: BenchmarkComparison): string {
  if (b.change === undefined || !Number.isFinite(b.change)) return '';
  const significant = b.verdict === 'regression' || b.verdict === 'improvement';
  return significant ? formatChange(b.change) : `~ ${formatChange(b.change)}`;
}

function valueCell(side: { value: number; n: number } | undefined, unit: BenchmarkComparison['unit']): string {
  return side ? `${formatValue(side.value, unit)}` : '';
}

/** The benchmark's name as shown: suite and name, escaped. */
export function nameCell(b: BenchmarkComparison): string {
  return b.suite ? `${escapeText(b.suite, 60)} › ${escapeText(b.name, 120)}` : escapeText(b.name, 160);
}

/** The note: reason and figures (words.ts), cut at a word with the whole text folded beside it. */
function noteCell(b: BenchmarkComparison): string {
  const { short, full } = noteText(b, 160);
  const shown = escapeText(short, 200);
  return short === full ? shown : `<details><summary>${shown}</summary>${escapeText(full, 2000)}</details>`;
}

/** Trend of the baseline history with the current value as the last bar; `┊` before the baseline's last change point. */
export function trendCell(b: BenchmarkComparison): string {
  const points = [...(b.trend ?? [])];
  const at = b.baselineChange && b.trend ? b.trend.length - b.baselineChange.runsAgo : undefined;
  if (b.current) points.push(b.current.value);
  return points.length >= 2 ? markedSparkline(points, at) : '';
}

/** "changed +12.0% at abc1234, 3 runs ago" for a benchmark whose baseline has a change point. */
export function settlingText(b: BenchmarkComparison): string {
  const c = b.baselineChange;
  if (!c) return '';
  const at = c.commit ? ` at ${c.commit.slice(0, 7)}` : '';
  return `changed ${formatChange(c.change)}${at}, ${c.runsAgo} run${c.runsAgo === 1 ? '' : 's'} ago`;
}

/** Benchmarks whose baseline history changed recently: compared with a level that is still settling. */
export function settlingSection(all: BenchmarkComparison[], limit = 10): string {
  const rows = all.filter((b) => b.baselineChange);
  if (rows.length === 0) return '';
  const table = markdownTable(
    [['Benchmark', 'Trend', 'Baseline'], ...rows.slice(0, limit).map((b) => [nameCell(b), trendCell(b), escapeText(settlingText(b))])],
    { ...TABLE, align: ['l', 'l', 'l'] },
  );
  return `#### Baselines still settling\n\nThe baseline history changed recently (┊ marks where); read these verdicts against the new level.\n\n${table}${more(rows.length - limit, 'benchmarks')}`;
}

function more(hidden: number, what: string): string {
  return hidden > 0 ? `\n\n<sub>… and ${hidden} more ${what}, folded away to fit GitHub's comment limit.</sub>` : '';
}

/** Regressions first: change, CI, trend sparkline (history, then this run) and values. */
export function regressionsSection(
  regressions: BenchmarkComparison[],
  limit: number,
  ci: string,
  chartUrl?: (id: string) => string,
): string {
  if (regressions.length === 0) return '';
  const rows = regressions
    .slice(0, limit)
    .map((b) => [
      nameCell(b),
      changeCell(b),
      formatInterval(b.ci),
      chartUrl ? `[${trendCell(b) || 'chart'}](${chartUrl(b.id)})` : trendCell(b),
      valueCell(b.baseline, b.unit),
      valueCell(b.current, b.unit),
    ]);
  const table = markdownTable([['Benchmark', 'Change', ci, 'Trend', 'Baseline', 'Current'], ...rows], {
    ...TABLE,
    align: ['l', 'r', 'c', 'l', 'r', 'r'],
  });
  return `#### Regressions\n\n${table}${more(regressions.length - limit, 'regressions')}`;
}

function targetValue(t: TargetResult): string {
  if (t.value === undefined) return '';
  // A speedup is a plain ratio whatever unit it carries; its CI is shown only when it is an interval.
  const show = (x: number) => (t.kind === 'speedup' ? `${sig(x)}×` : formatValue(x, t.unit));
  const v = show(t.value);
  return t.ci && t.ci[0] !== t.ci[1] ? `${v} [${show(t.ci[0])}, ${show(t.ci[1])}]` : v;
}

/** Targets and thresholds: status, observed value, the rule and the message. */
export function targetsSection(targets: TargetResult[], limit: number): string {
  if (targets.length === 0) return '';
  const order: TargetStatus[] = ['failure', 'warning', 'inconclusive', 'met'];
  const sorted = [...targets].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const rows = sorted
    .slice(0, limit)
    .map((t) => [escapeText(t.name, 120), TARGET_LABEL[t.status], targetValue(t), escapeText(t.expected, 60), escapeText(t.message, 200)]);
  const table = markdownTable([['Target', 'Status', 'Value', 'Expected', 'Note'], ...rows], TABLE);
  return `#### Targets and thresholds\n\n${table}${more(targets.length - limit, 'targets')}`;
}

/** Every result, most telling first, folded in `<details>`. */
export function detailsSection(all: BenchmarkComparison[], limit: number, ci: string): string {
  if (all.length === 0) return '';
  const rows = all
    .slice(0, limit)
    .map((b) => [
      nameCell(b),
      BENCH_LABEL[b.verdict],
      changeCell(b),
      formatInterval(b.ci),
      valueCell(b.baseline, b.unit),
      valueCell(b.current, b.unit),
      noteCell(b),
    ]);
  const hidden = all.length - limit;
  const shown = hidden > 0 ? `${limit} of ${all.length}` : `${all.length}`;
  const table =
    rows.length > 0 ? `\n\n${markdownTable([['Benchmark', 'Verdict', 'Change', ci, 'Baseline', 'Current', 'Note'], ...rows], TABLE)}` : '';
  return `<details><summary>All results (${shown})</summary>${table}${more(hidden, 'results')}\n\n</details>`;
}

/**
 * Caveats about the whole comparison, and suites or tasks that could not run. A failing
 * command's stderr is a fenced block in the job summary; the PR comment, which GitHub does not
 * mask secrets in, gets only the first line (the exit code) and the first error line.
 */
export function problemsSection(report: Report, limit: number, audience: Audience = 'comment'): string {
  const warnings = report.warnings.slice(0, limit).map((w) => `- ⚠️ ${escapeText(w, 400)}`);
  const errors = report.errors.slice(0, limit).map((e) => {
    const where = escapeText(e.task ? `${e.suite} › ${e.task}` : e.suite, 160);
    const { head, detail } = splitError(e.message);
    return `- ❌ ${where}: ${escapeText(head, 400)}${errorLines(detail, audience, escapeText)}`;
  });
  const out: string[] = [];
  if (warnings.length) out.push(`#### Warnings\n\n${warnings.join('\n')}${more(report.warnings.length - limit, 'warnings')}`);
  if (errors.length) out.push(`#### Run errors\n\n${errors.join('\n')}${more(report.errors.length - limit, 'errors')}`);
  return out.join('\n\n');
}
