/** Notifications of a flow: the run's message or the report's, sent through the configured channels. */
import type { Config } from '../config/index.js';
import type { Report } from '../model/index.js';
import { notifyChannels, type ChannelOutcome, type NotifyDeps } from '../notify/index.js';
import { reportMessage, runMessage, type MessageFacts } from '../notify/messages.js';
import type { TrendAlert } from '../trend/alerts.js';
import type { PeriodReport } from '../trend/period.js';

/** Sends what a run found (its comparison, and a push's trend alerts) to the channels that take it. */
export async function notifyRun(
  config: Config,
  report: Report,
  alerts: readonly TrendAlert[],
  facts: Omit<MessageFacts, 'dashboardUrl'>,
  deps: NotifyDeps,
): Promise<ChannelOutcome[]> {
  if (!config.notify?.channels.length) return [];
  return notifyChannels(config.notify, runMessage(report, alerts, { ...facts, dashboardUrl: config.notify.dashboardUrl }), deps);
}

/** Sends the scheduled report to the channels that take reports. */
export async function notifyReport(
  config: Config,
  report: PeriodReport,
  facts: Omit<MessageFacts, 'dashboardUrl' | 'branch'>,
  deps: NotifyDeps,
): Promise<ChannelOutcome[]> {
  if (!config.notify?.channels.length) return [];
  return notifyChannels(
    config.notify,
    reportMessage(report, { ...facts, branch: report.branch, dashboardUrl: config.notify.dashboardUrl }),
    deps,
  );
}
