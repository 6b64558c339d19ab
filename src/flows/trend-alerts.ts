/**
 * On a push to the default branch, after the run is stored: the branch's trends, and the alerts
 * the newest run raises (critical, warning, info) as report notes (the job summary) and log
 * warnings (annotations). Reading the history again costs one load; a failure here is a warning,
 * never a failed push. Opening GitHub issues per change point is not built yet.
 */
import { DEFAULT_MIN_EFFECT, type Config } from '../config/index.js';
import type { Store } from '../store/index.js';
import { analyzeTrends } from '../trend/index.js';
import { trendAlerts, type TrendAlert } from '../trend/alerts.js';
import type { Logger } from '../model/logger.js';

export const DEFAULT_HORIZON = 20;

/** Alerts of the stored history of `branch`, as sentences for the summary; logs the serious ones; hands them to `onAlerts` (notifications). */
export async function alertOnTrends(
  store: Store,
  branch: string,
  config: Config,
  log: Logger,
  onAlerts?: (alerts: TrendAlert[]) => void,
): Promise<string[]> {
  try {
    const runs = (await store.load(branch)) ?? [];
    const t = config.trend ?? {};
    const options = { ...(t.pValue !== undefined ? { pValue: t.pValue } : {}), ...(t.window !== undefined ? { window: t.window } : {}) };
    const thresholds = config.thresholds ?? [];
    const now = analyzeTrends({ runs, branch, options, thresholds });
    const before = runs.length > 1 ? analyzeTrends({ runs: runs.slice(0, -1), branch, options, thresholds }) : undefined;
    const alerts = trendAlerts(now, before, {
      minEffect: t.minEffect ?? config.compare?.minEffect ?? DEFAULT_MIN_EFFECT,
      horizon: t.horizon ?? DEFAULT_HORIZON,
    });
    onAlerts?.(alerts);
    for (const a of alerts) if (a.level !== 'info') log.warning(`Trend ${a.level}: ${a.message}`);
    if (alerts.length === 0) return [`Trends of ${branch} (${runs.length} runs): no new change point, no budget at risk.`];
    return alerts.map(sentence);
  } catch (e) {
    log.warning(`Trend analysis of ${branch} failed: ${(e as Error).message}`);
    return [];
  }
}

function sentence(a: TrendAlert): string {
  return `Trend ${a.level}: ${a.message}`;
}
