/**
 * The messages a run and a report send: built once from the report's data, filtered per
 * channel (select.ts), rendered per target (payloads/). Pure.
 */
import { formatChange, formatInterval } from '../model/format.js';
import type { Report } from '../model/index.js';
import { periodContext, periodSections, periodTitle } from '../report/period.js';
import type { TrendAlert } from '../trend/alerts.js';
import type { PeriodReport } from '../trend/period.js';
import { eventTitle, worstLevel, type Message, type Notice } from './types.js';

export interface MessageFacts {
  /** `owner/repo`. */
  repository: string;
  branch: string;
  commit?: string;
  /** The pull request a PR run measured. */
  prNumber?: number;
  runUrl?: string;
  dashboardUrl?: string;
}

function links(f: MessageFacts): Message['links'] {
  return [
    ...(f.runUrl ? [{ title: 'Workflow run', url: f.runUrl }] : []),
    ...(f.dashboardUrl ? [{ title: 'Dashboard', url: f.dashboardUrl }] : []),
  ];
}

/** What one run found: its regressions and improvements, its alerts, the trend alerts of a push. */
export function runMessage(report: Report, alerts: readonly TrendAlert[], f: MessageFacts): Message {
  const notices: Notice[] = [];
  for (const b of report.benchmarks) {
    if (b.verdict !== 'regression' && b.verdict !== 'improvement') continue;
    const change = b.change === undefined ? '' : ` ${formatChange(b.change)}${b.ci ? ` ${formatInterval(b.ci)}` : ''}`;
    notices.push(
      b.verdict === 'regression'
        ? { event: 'regression', level: 'critical', section: 'Regressions', text: `${b.id}${change}` }
        : { event: 'improvement', level: 'info', section: 'Improvements', text: `${b.id}${change}` },
    );
  }
  for (const t of report.targets)
    if (t.status === 'failure' || t.status === 'warning')
      notices.push({
        event: 'alert',
        level: t.status === 'failure' ? 'critical' : 'warning',
        section: 'Targets and thresholds',
        text: t.message,
      });
  for (const a of alerts)
    notices.push(
      a.kind === 'change-point'
        ? { event: 'change-point', level: a.level, section: 'Change points', text: a.message }
        : { event: 'alert', level: a.level, section: 'Trend alerts', text: a.message },
    );
  // Worst first within the message; sections keep their first-seen order.
  const order = { critical: 0, warning: 1, info: 2 };
  notices.sort((a, b) => order[a.level] - order[b.level]);
  const subject = `${f.repository} ${f.prNumber ? `PR #${f.prNumber}` : f.branch}${f.commit ? ` @ ${f.commit.slice(0, 7)}` : ''}`;
  return {
    kind: 'event',
    subject,
    title: eventTitle(subject, notices),
    level: worstLevel(notices.map((n) => n.level)),
    context: `Verdict ${report.verdict} (${report.design} design, ${report.benchmarks.length} benchmarks).`,
    notices,
    links: links(f),
    data: { report, alerts },
  };
}

/** The scheduled report as a message: every section's items as notices of the `report` event. */
export function reportMessage(r: PeriodReport, f: MessageFacts): Message {
  const notices: Notice[] = periodSections(r).flatMap((s) =>
    s.items.map((i) => ({ event: 'report' as const, level: i.level, section: s.title, text: i.text })),
  );
  const empty = notices.length
    ? []
    : [
        {
          event: 'report' as const,
          level: 'info' as const,
          section: 'Summary',
          text: 'Nothing changed, drifted or stopped in the period.',
        },
      ];
  return {
    kind: 'report',
    subject: `${f.repository} ${r.branch}`,
    title: `${periodTitle(r)} (${f.repository})`,
    level: worstLevel(notices.map((n) => n.level)),
    context: periodContext(r),
    notices: [...notices, ...empty],
    links: links(f),
    data: r,
  };
}
