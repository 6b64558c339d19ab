/** Rendering of a concurrency sweep's analysis: a table, the fit, the advice, an ASCII chart. Pure. */
import { markdownTable } from 'markdown-table';
import { escapeText, plainText } from './escape.js';
import { sig } from '../model/format.js';
import { uslThroughput, type Interval, type ModelFit, type ScalingAnalysis } from '../compare/scaling/index.js';
import type { LevelValues, ScalingResult } from '../model/index.js';
import type { ScalingTargetResult } from '../compare/scaling-targets.js';

export interface SweepView {
  suite: string;
  command: string;
  unit: string;
  analysis: ScalingAnalysis;
  targets?: Array<Omit<ScalingTargetResult, 'kind'>>;
  /** Other numbers the runs reported, each level's mean: a column each. */
  quality?: LevelValues;
}

const MARK: Record<ScalingTargetResult['status'], string> = {
  met: 'met',
  warning: 'WARNING',
  failure: 'FAILED',
  inconclusive: 'inconclusive',
};

const range = (i: Interval) => `${sig(i.lo)}–${Number.isFinite(i.hi) ? sig(i.hi) : '∞'}`;

/** The table: level, throughput ± interval, speedup, efficiency, and the fitted throughput. */
export function levelTable(v: SweepView, esc: (s: string) => string): string {
  const a = v.analysis;
  const model = a.fit ? (a.fit.chosen === 'usl' ? a.fit.usl : a.fit.amdahl) : undefined;
  const metrics = Object.entries(v.quality ?? {});
  const at = (n: number) => metrics.map(([, xs]) => xs.find((x) => x.n === n)).map((x) => (x ? sig(x.value) : ''));
  const rows = a.levels.map((l) => [
    String(l.n),
    sig(l.throughput),
    Number.isFinite(l.interval.lo) ? range(l.interval) : '',
    `${sig(l.speedup)}×`,
    `${Math.round(l.efficiency * 100)}%`,
    model ? sig(uslThroughput(model.params, l.n)) : '',
    ...at(l.n),
  ]);
  for (const f of a.failed) rows.push([String(f.n), 'failed', '', '', '', '', ...at(f.n)]);
  rows.sort((x, y) => Number(x[0]) - Number(y[0]));
  const unit = esc(v.unit);
  const head = ['N', `${unit}/s`, '95% interval', 'speedup', 'efficiency', 'fitted', ...metrics.map(([m]) => esc(m))];
  return markdownTable([head, ...rows], { align: head.map(() => 'r') });
}

function modelLine(f: ModelFit, unit: string): string {
  const i = f.intervals;
  const name = f.model === 'usl' ? 'USL' : 'Amdahl (κ = 0)';
  const kappa = f.model === 'usl' ? `, κ = ${sig(f.params.kappa)} (${range(i.kappa)})` : '';
  return `${name}: λ = ${sig(f.params.lambda)} ${unit}/s (${range(i.lambda)}), σ = ${sig(f.params.sigma)} (${range(i.sigma)})${kappa}; AICc ${sig(f.aicc)}`;
}

/** The fit before levels were added near its knee, beside the refit above. */
function firstFitLine(first: NonNullable<ScalingAnalysis['firstFit']>, added: number[], esc: (s: string) => string): string {
  const head = `First fit (N = ${first.levels.join(', ')}; then N = ${added.join(', ')} added near its peak)`;
  if (!first.fit) return `${head}: no fit: ${esc(first.reason ?? '')}`;
  const { usl, peak } = first.fit;
  const at = peak ? `, N* ≈ ${sig(peak.n)} (${range(peak.interval)})` : '';
  return `${head}: USL σ = ${sig(usl.params.sigma)} (${range(usl.intervals.sigma)}), κ = ${sig(usl.params.kappa)} (${range(usl.intervals.kappa)})${at}`;
}

/** The fit in lines: both models, the choice, N*, the knee, warnings. */
export function fitLines(v: SweepView, esc: (s: string) => string): string[] {
  const a = v.analysis;
  const unit = esc(v.unit);
  const out: string[] = [];
  if (a.fit) {
    const { fit } = a;
    out.push(modelLine(fit.usl, unit), modelLine(fit.amdahl, unit));
    out.push(`Chosen by AICc: ${fit.chosen === 'usl' ? 'USL' : 'Amdahl'} (95% intervals from the fit's covariance)`);
    if (fit.peak) {
      const p = fit.peak;
      out.push(
        `Peak: N* = √((1−σ)/κ) ≈ ${sig(p.n)} (${range(p.interval)}), X(N*) ≈ ${sig(p.throughput)} ${unit}/s${p.inRange ? '' : ' — outside the measured range: an extrapolation'}`,
      );
    } else out.push('Peak: none (κ = 0: throughput never falls)');
    out.push(`Amdahl limit: at most ${sig(fit.amdahlLimit.value)}× (${range(fit.amdahlLimit.interval)}) as N grows`);
  } else out.push(`No fit: ${esc(a.reason ?? '')}`);
  if (a.firstFit) out.push(firstFitLine(a.firstFit, a.added ?? [], esc));
  out.push(
    a.knee !== undefined
      ? `Knee: efficiency under ${Math.round(a.efficiencyFloor * 100)}% from N = ${a.knee}`
      : `Knee: none (efficiency ≥ ${Math.round(a.efficiencyFloor * 100)}% at every level)`,
  );
  for (const f of a.failed) out.push(`Level N = ${f.n} failed: ${esc(f.error)}`);
  for (const w of a.warnings) out.push(`Warning: ${esc(w)}`);
  for (const t of v.targets ?? []) out.push(`Target ${MARK[t.status]}: ${esc(t.name)}: ${esc(t.message)}`);
  return out;
}

/**
 * Throughput against N on a character grid: `o` the measured levels, `.` the fitted curve
 * (every column), linear axes from 0.
 */
export function asciiChart(v: SweepView, width = 60, height = 14): string {
  const a = v.analysis;
  if (a.levels.length === 0) return '';
  const model = a.fit ? (a.fit.chosen === 'usl' ? a.fit.usl : a.fit.amdahl) : undefined;
  const maxN = a.levels[a.levels.length - 1]!.n;
  const fitted = (n: number) => (model ? uslThroughput(model.params, n) : NaN);
  const cols = Array.from({ length: width }, (_, c) => 1 + ((maxN - 1) * c) / (width - 1));
  const top =
    Math.max(
      ...a.levels.map((l) => l.interval.hi).filter(Number.isFinite),
      ...a.levels.map((l) => l.throughput),
      ...cols.map(fitted).filter(Number.isFinite),
    ) * 1.05;
  const grid = Array.from({ length: height }, () => new Array<string>(width).fill(' '));
  const row = (x: number) => Math.min(height - 1, Math.max(0, height - 1 - Math.round((x / top) * (height - 1))));
  const col = (n: number) => (maxN === 1 ? 0 : Math.round(((n - 1) / (maxN - 1)) * (width - 1)));
  if (model) cols.forEach((n, c) => (grid[row(fitted(n))]![c] = '.'));
  for (const l of a.levels) grid[row(l.throughput)]![col(l.n)] = 'o';
  const label = (r: number) => (r === 0 ? sig(top) : r === height - 1 ? '0' : '');
  const pad = Math.max(sig(top).length, 1);
  const lines = grid.map((g, r) => `${label(r).padStart(pad)} |${g.join('')}`);
  lines.push(`${' '.repeat(pad)} +${'-'.repeat(width)}`);
  lines.push(`${' '.repeat(pad)}  N = 1${`N = ${maxN}`.padStart(width - 5)}`);
  lines.push(
    `${' '.repeat(pad)}  o measured (${plainText(v.unit, 40)}/s)${model ? `   . ${model.model === 'usl' ? 'USL' : 'Amdahl'} fit` : ''}`,
  );
  return lines.join('\n');
}

/** The terminal report of one sweep. */
export function renderText(v: SweepView): string {
  const esc = (s: string) => plainText(s, 500);
  return [
    `Scaling suite ${JSON.stringify(v.suite)}: ${plainText(v.command)}`,
    '',
    levelTable(v, esc),
    '',
    ...fitLines(v, esc),
    '',
    `Advice: ${esc(v.analysis.advice)}`,
    '',
    asciiChart(v),
  ].join('\n');
}

/** The markdown report of one sweep (names and messages escaped for GitHub). */
export function renderMarkdown(v: SweepView): string {
  const esc = (s: string) => escapeText(s, 500);
  return [
    `### Scaling: ${esc(v.suite)}`,
    '',
    `Command: ${esc(v.command)}`,
    '',
    levelTable(v, esc),
    '',
    ...fitLines(v, esc).map((l) => `- ${l}`),
    '',
    `**Advice:** ${esc(v.analysis.advice)}`,
    '',
    '```text',
    asciiChart(v).replaceAll('```', "'''"),
    '```',
  ].join('\n');
}

/** The baseline sweep's fit in a line, for the reader to set beside this run's. */
function baselineLine(b: ScalingAnalysis | undefined): string {
  if (!b) return 'Baseline: no sweep of this suite stored yet';
  if (!b.fit) return `Baseline: no fit (${b.reason ?? ''})`;
  const u = b.fit.usl;
  return `Baseline: USL σ = ${sig(u.params.sigma)} (${range(u.intervals.sigma)}), κ = ${sig(u.params.kappa)} (${range(u.intervals.kappa)}); top speedup ${sig(b.levels[b.levels.length - 1]?.speedup ?? NaN)}×`;
}

/**
 * The report's sweeps for the PR comment and the job summary: per sweep its table, its fit, the
 * baseline's fit and the advice (the targets and the changes against the baseline are in the
 * report's own sections). At most `limit` sweeps; escaped for GitHub.
 */
export function scalingSection(results: readonly ScalingResult[], limit: number): string {
  if (results.length === 0 || limit === 0) return '';
  const esc = (s: string) => escapeText(s, 500);
  const parts = results.slice(0, limit).map((r) => {
    const view: SweepView = {
      suite: r.suite,
      command: r.command,
      unit: r.unit,
      analysis: r.analysis,
      ...(r.quality && { quality: r.quality }),
    };
    return [
      `#### Scaling: ${escapeText(r.suite, 120)}`,
      '',
      `<sub>${esc(r.command)}</sub>`,
      '',
      levelTable(view, esc),
      '',
      ...[...fitLines(view, esc), esc(baselineLine(r.baseline))].map((l) => `- ${l}`),
      '',
      `**Advice:** ${esc(r.analysis.advice)}`,
    ].join('\n');
  });
  const hidden = results.length - limit;
  if (hidden > 0) parts.push(`<sub>… and ${hidden} more scaling suites, folded away to fit GitHub's comment limit.</sub>`);
  return parts.join('\n\n');
}
