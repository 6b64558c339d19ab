import type { Report } from '../types.js';

/** When the check fails: on a regression (or alert), on any warning too, or never. */
export type FailOn = 'regression' | 'warning' | 'never';

export const FAIL_ON_LEVELS: readonly FailOn[] = ['regression', 'warning', 'never'];

/**
 * Whether the report fails the check at the given level, and why, in a sentence. A suite that
 * could not run fails like a regression: a crashed benchmark must not hide a slowdown.
 */
export function gate(report: Report, failOn: FailOn): { failed: boolean; reason: string } {
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const regressions = report.counts.regression;
  const alerts = report.targets.filter((t) => t.status === 'failure').length;
  const missed = report.targets.filter((t) => t.status === 'warning').length;
  const errors = report.errors.length;
  const failing: string[] = [];
  if (regressions) failing.push(count(regressions, 'regression'));
  if (alerts) failing.push(`${count(alerts, 'alert')} crossed`);
  if (errors) failing.push(`${count(errors, 'suite error')}`);
  const warning = [...failing];
  if (missed) warning.push(`${count(missed, 'target')} missed`);
  if (report.verdict === 'warn' && !warning.length) warning.push('warnings in the report');

  const failsAtRegression = failing.length > 0 || report.verdict === 'fail';
  const failed = failOn === 'never' ? false : failOn === 'warning' ? failsAtRegression || warning.length > 0 : failsAtRegression;
  const reasons = failOn === 'warning' ? warning : failing;
  if (failed) return { failed, reason: reasons.join(', ') || `verdict ${report.verdict}` };
  return { failed, reason: warning.length ? `${warning.join(', ')} (fail-on: ${failOn})` : 'no regression' };
}
