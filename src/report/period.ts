/**
 * The scheduled report in words: one list of sections of sentences (unescaped), rendered as
 * markdown for the job summary and the report issue, as text for the terminal, and turned into
 * chat notices by src/notify. Pure.
 */
import { formatChange, formatValue } from '../model/format.js';
import type { PeriodReport } from '../trend/period.js';
import { escapeText, marker, plainText } from './escape.js';

export type ItemLevel = 'critical' | 'warning' | 'info';

export interface PeriodSection {
  title: string;
  items: Array<{ level: ItemLevel; text: string }>;
  /** Said when the section is empty. */
  none: string;
}

const short = (c?: string) => (c ? c.slice(0, 7) : '?');
const day = (t: string) => t.slice(0, 10);

/** The report's sections, in the order they are shown. */
export function periodSections(r: PeriodReport): PeriodSection[] {
  return [
    {
      title: 'Change points',
      none: 'No change point in the period.',
      items: r.changePoints.map((c) => ({
        level: c.verdict === 'regression' ? 'critical' : 'info',
        text: `${c.series} changed ${formatChange(c.change)} (${c.verdict}) in ${short(c.before)}..${short(c.after)} on ${day(c.at)}.`,
      })),
    },
    {
      title: 'Drift',
      none: 'No significant drift.',
      items: r.drifts.map((d) => ({
        level: d.verdict === 'regression' ? 'warning' : 'info',
        text: `${d.series} drifts ${formatChange(d.perRun)}/run${d.perWeek !== undefined ? ` (${formatChange(d.perWeek)}/week)` : ''} over ${d.runs} runs (${d.verdict}).`,
      })),
    },
    {
      title: 'Biggest movers',
      none: 'Nothing moved by the minimum effect or more.',
      items: r.movers.map((m) => ({
        level: m.verdict === 'regression' ? 'warning' : 'info',
        text: `${m.series}: ${formatValue(m.from, m.unit)} → ${formatValue(m.to, m.unit)} (${formatChange(m.change)}, ${m.verdict}).`,
      })),
    },
    {
      title: 'Noisier',
      none: 'No benchmark became noisier.',
      items: r.noisier.map((n) => ({
        level: 'warning',
        text: `${n.series}: spread ${(n.now * 100).toFixed(1)}% in the period, ${(n.before * 100).toFixed(1)}% before.`,
      })),
    },
    {
      title: 'Budgets',
      none: 'No threshold with a budget.',
      items: r.budgets.map((b) => ({
        level: b.status === 'crossed' || b.status === 'crossing' ? 'warning' : 'info',
        text: `${b.series}, ${b.threshold}: ${b.message}`,
      })),
    },
    {
      title: 'Stopped reporting',
      none: 'Every benchmark of the previous period reported in the newest run.',
      items: r.stopped.map((s) => ({ level: 'warning', text: `${s.id}: last seen ${day(s.lastSeen)} (${short(s.commit)}).` })),
    },
  ];
}

/** One line under the title: the branch, the period and its runs. */
export function periodContext(r: PeriodReport): string {
  return `${r.branch}, ${day(r.period.since)} to ${day(r.period.until)}: ${r.runs.inPeriod} of ${r.runs.total} stored runs in the period${
    r.runs.last ? `, newest ${short(r.runs.last.commit)} on ${day(r.runs.last.timestamp)}` : ''
  }.`;
}

export const periodTitle = (r: PeriodReport): string => `Performance report (${r.period.name}): ${r.branch}`;

/** Markdown for the job summary and the report issue (with its hidden marker when `markerId` is given). */
export function renderPeriodMarkdown(r: PeriodReport, o: { markerId?: string; runUrl?: string } = {}): string {
  const out: string[] = [];
  if (o.markerId) out.push(marker(o.markerId));
  out.push(`## ${escapeText(periodTitle(r))}`, '', escapeText(periodContext(r), 400));
  for (const w of r.warnings) out.push('', `> ${escapeText(w, 400)}`);
  for (const s of periodSections(r)) {
    out.push('', `### ${s.title}`, '');
    if (!s.items.length) out.push(s.none);
    else for (const i of s.items) out.push(`- ${i.level === 'info' ? '' : `**${i.level}** `}${escapeText(i.text, 400)}`);
  }
  if (o.runUrl) out.push('', `[Workflow run](${o.runUrl})`);
  return out.join('\n') + '\n';
}

/** The same for a terminal. */
export function renderPeriodText(r: PeriodReport): string {
  const out = [plainText(periodTitle(r)), plainText(periodContext(r), 400), ...r.warnings.map((w) => `warning: ${plainText(w, 400)}`)];
  for (const s of periodSections(r)) {
    out.push('', `${s.title}:`);
    if (!s.items.length) out.push(`  ${s.none}`);
    else for (const i of s.items) out.push(`  ${i.level === 'info' ? '-' : i.level}: ${plainText(i.text, 400)}`);
  }
  return out.join('\n') + '\n';
}
