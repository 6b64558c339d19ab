/**
 * The scheduled report: reads the stored history of a branch (nothing is benchmarked, nothing
 * written to the store) and reports on the period that ends now. Shared by the action's `report`
 * mode and `track-performance report --since`.
 */
import { DEFAULT_MIN_EFFECT, type Config } from '../config/index.js';
import { ConfigError } from '../model/errors.js';
import type { Logger } from '../model/logger.js';
import type { RunFile } from '../model/index.js';
import { parseAge, periodReport, type PeriodReport } from '../trend/period.js';
import { trendOptionsOf } from '../trend/options.js';
import { openBaseline, type BaselineSpec } from './baseline-source.js';

export const DEFAULT_REPORT_PERIOD = '7d';

/** The period's length in ms; a ConfigError naming `where` (an input, a flag) otherwise. */
export function periodMs(text: string, where: string): number {
  const ms = parseAge(text);
  if (ms === undefined || ms <= 0) throw new ConfigError(`${where} must be an age such as 7d, 24h or 4w; found '${text}'.`);
  return ms;
}

/** The report of `runs` (oldest first) for the period `name` ending at `now`, with the config's trend settings and budgets. */
export function reportOfRuns(
  runs: readonly RunFile[],
  branch: string,
  name: string,
  ms: number,
  now: number,
  config?: Config,
): PeriodReport {
  const t = config?.trend ?? {};
  return periodReport({
    runs,
    branch,
    name,
    periodMs: ms,
    until: now,
    options: trendOptionsOf(t),
    thresholds: config?.thresholds ?? [],
    minEffect: t.minEffect ?? config?.compare?.minEffect ?? DEFAULT_MIN_EFFECT,
  });
}

/** Loads the whole stored history of `branch` from `spec` and reports on the period. */
export async function scheduledReport(
  spec: BaselineSpec,
  o: { branch: string; period: string; now: number; config?: Config; log: Logger },
): Promise<PeriodReport> {
  const ms = periodMs(o.period, "Input 'report-period'");
  const source = await openBaseline(spec, (m) => o.log.warning(m));
  const runs = source.store ? ((await source.store.load(o.branch)) ?? []) : ((await source.load(o.branch))?.runs ?? []);
  if (!runs.length)
    o.log.warning(`No history stored for ${o.branch}${source.store ? ` in ${source.store.describe()}` : ''}: the report is empty.`);
  return reportOfRuns(runs, o.branch, o.period, ms, o.now, o.config);
}
