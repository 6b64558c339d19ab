/**
 * The one verdict: what a report's facts mean for the check. `compare` stamps `report.verdict`
 * with {@link verdictOf}; the action's outputs and `setFailed`, every CLI verb's exit code, the
 * log line and the comment's headline all read {@link gate} or {@link findings}, so a crashed
 * suite, a missed target, a crossed alert or a run that could see nothing get one answer.
 * Imports only types: the pure rooms (compare, comment) and the edges share it.
 *
 * | finding                         | level | fails at fail-on                 |
 * |---------------------------------|-------|----------------------------------|
 * | a regression                    | fail  | `regression`, `warning`          |
 * | an alert crossed                | fail  | `regression`, `warning`          |
 * | a suite or task that errored    | fail  | `regression`, `warning`          |
 * | a target missed                 | warn  | `warning`                        |
 * | inconclusive benchmarks         | pass  | never (the headline says what the run could not see) |
 */
import type { BenchmarkComparison, OverallVerdict, Report } from '../model/index.js';

/** When the check fails: on a regression (or alert, or errored suite), on any warning too, or never. */
export type FailOn = 'regression' | 'warning' | 'never';

export const FAIL_ON_LEVELS: readonly FailOn[] = ['regression', 'warning', 'never'];

/** The part of a report the verdict depends on (compare calls it before the report exists). */
export type GateFacts = Pick<Report, 'counts' | 'targets' | 'errors'>;

/** One reason for the verdict, e.g. `2 regressions` at level `fail`. */
export interface Finding {
  level: Exclude<OverallVerdict, 'pass'>;
  text: string;
}

export interface GateResult {
  /** The report's level: the worst finding, whatever fail-on says. */
  verdict: OverallVerdict;
  /** Whether the check fails (exit code 1) at the fail-on level. */
  failed: boolean;
  exitCode: 0 | 1;
  /** Why, in a phrase: `1 regression, 1 suite error`, or `no regression detected` with what was not seen. */
  reason: string;
}

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Every finding of the report, failures first. */
export function findings(r: GateFacts): Finding[] {
  const out: Finding[] = [];
  const alerts = r.targets.filter((t) => t.status === 'failure').length;
  const missed = r.targets.filter((t) => t.status === 'warning').length;
  if (r.counts.regression) out.push({ level: 'fail', text: count(r.counts.regression, 'regression') });
  if (alerts) out.push({ level: 'fail', text: `${count(alerts, 'alert')} crossed` });
  if (r.errors.length) out.push({ level: 'fail', text: count(r.errors.length, 'suite error') });
  if (missed) out.push({ level: 'warn', text: `${count(missed, 'target')} missed` });
  return out;
}

/** `1 regression, 1 suite error, 1 target missed`: every finding in words ('' when there is none). */
export function findingsText(r: GateFacts): string {
  return findings(r)
    .map((f) => f.text)
    .join(', ');
}

/** The report's overall verdict: `fail` on any failing finding, `warn` on a missed target, else `pass`. */
export function verdictOf(r: GateFacts): OverallVerdict {
  const f = findings(r);
  return f.some((x) => x.level === 'fail') ? 'fail' : f.length > 0 ? 'warn' : 'pass';
}

/** The inconclusive benchmarks' detectable changes, smallest and median, when there are any. */
export function blindSpot(r: Pick<Report, 'benchmarks'>): { inconclusive: number; least?: number; median?: number } {
  const inc = r.benchmarks.filter((b) => b.verdict === 'inconclusive');
  const mdes = inc
    .map((b: BenchmarkComparison) => b.minDetectableEffect)
    .filter((x): x is number => x !== undefined && Number.isFinite(x))
    .sort((a, b) => a - b);
  if (mdes.length === 0) return { inconclusive: inc.length };
  const mid = mdes.length >> 1;
  const median = mdes.length % 2 ? mdes[mid]! : (mdes[mid - 1]! + mdes[mid]!) / 2;
  return { inconclusive: inc.length, least: mdes[0], median };
}

const pct = (x: number): string => `${+(x * 100).toPrecision(2)}%`;

/** `7 inconclusive (could see changes ≥ 13%, median 24%)`, or '' when every benchmark was decided. */
export function blindSpotText(r: Pick<Report, 'benchmarks'>): string {
  const s = blindSpot(r);
  if (s.inconclusive === 0) return '';
  const see =
    s.least !== undefined ? ` (could see changes ≥ ${pct(s.least)}${s.inconclusive > 1 ? `, median ${pct(s.median!)}` : ''})` : '';
  return `${s.inconclusive} inconclusive${see}`;
}

/** Whether the report fails the check at `failOn`, with the exit code and the reason. */
export function gate(report: Pick<Report, 'counts' | 'targets' | 'errors' | 'benchmarks'>, failOn: FailOn = 'regression'): GateResult {
  const all = findings(report);
  const verdict = verdictOf(report);
  const counted = failOn === 'warning' ? all : all.filter((f) => f.level === 'fail');
  const failed = failOn !== 'never' && counted.length > 0;
  const seen = all.map((f) => f.text).join(', ');
  const blind = blindSpotText(report);
  const quiet = ['no regression detected', blind].filter(Boolean).join('; ');
  const reason = failed ? counted.map((f) => f.text).join(', ') : seen ? `${seen} (fail-on: ${failOn})` : quiet;
  return { verdict, failed, exitCode: failed ? 1 : 0, reason };
}
