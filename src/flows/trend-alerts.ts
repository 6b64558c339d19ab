/**
 * On a push to the default branch, after the run is stored: the branch's trends, and the alerts
 * the newest run raises (critical, warning, info) as report notes (the job summary) and log
 * warnings (annotations), and with a tracker one GitHub issue per regression change point
 * (trend-issues.ts; config `trend.alerts.issue`, default on). It reads the history the store's
 * save returned, as columns (no second load, no run files built); a failure here is a warning,
 * never a failed push.
 */
import { DEFAULT_MIN_EFFECT, type Config } from '../config/index.js';
import type { HistoryDoc } from '../store/index.js';
import { analyzeTrends, columnHistory, trendOptionsOf, withoutNewest } from '../trend/index.js';
import { trendAlerts, type TrendAlert } from '../trend/alerts.js';
import type { Logger } from '../model/logger.js';
import { changePointIssues } from '../trend/issue-plan.js';
import { syncTrendIssues, type IssueSync } from './trend-issues.js';

export const DEFAULT_HORIZON = 20;

/** Alerts of `saved` (the history of `branch` as the push saved it), as sentences for the summary; logs the serious ones; hands them to `onAlerts` (notifications) and opens, updates or closes the trend issues. */
export async function alertOnTrends(
  saved: HistoryDoc,
  branch: string,
  config: Config,
  log: Logger,
  onAlerts?: (alerts: TrendAlert[]) => void,
  issues?: Omit<IssueSync, 'labels' | 'assignees'>,
): Promise<string[]> {
  try {
    const history = columnHistory(saved);
    const runs = history.entries;
    const t = config.trend ?? {};
    const options = trendOptionsOf(t);
    const thresholds = config.thresholds ?? [];
    const now = analyzeTrends({ history, branch, options, thresholds, significantDriftOnly: true });
    // The earlier analysis only tells which of now's change points are new: it analyses only the
    // series that have one (the others still give the runner's level every series is read
    // against), and is not made when neither a series nor the runner level has one.
    const changed = new Set(now.series.filter((s) => s.changePoints.length).map((s) => s.id));
    const before =
      runs.length > 1 && (changed.size || now.runnerLevel?.changePoints.length)
        ? analyzeTrends({ history: withoutNewest(history), branch, options, changePointsOnly: true, only: changed })
        : undefined;
    const minEffect = t.minEffect ?? config.compare?.minEffect ?? DEFAULT_MIN_EFFECT;
    const alerts = trendAlerts(now, before, { minEffect, horizon: t.horizon ?? DEFAULT_HORIZON });
    onAlerts?.(alerts);
    for (const a of alerts) if (a.level !== 'info') log.warning(`Trend ${a.level}: ${a.message}`);
    const notes = alerts.length
      ? alerts.map(sentence)
      : [`Trends of ${branch} (${runs.length} runs): no new change point, no budget at risk.`];
    if (issues && (t.alerts?.issue ?? true))
      notes.push(
        ...(await syncTrendIssues(
          changePointIssues(now, history, minEffect),
          { ...issues, labels: t.alerts?.labels, assignees: t.alerts?.assignees },
          log,
        )),
      );
    return notes;
  } catch (e) {
    log.warning(`Trend analysis of ${branch} failed: ${(e as Error).message}`);
    return [];
  }
}

function sentence(a: TrendAlert): string {
  return `Trend ${a.level}: ${a.message}`;
}
