/**
 * Thresholds: a statistic of a metric on the current run(s) against a `target` (missed →
 * warning) and an `alert` (condition true → failure), e.g. accuracy target ">= 0.95" alert
 * "< 0.90", p95 budget "<= 30s", CPU utilization band "70%..90%", peak memory "< 512MB".
 */
import type { ThresholdConfig } from '../config/types.js';
import type { RunFile, TargetResult } from '../model/index.js';
import { holds, parseCondition } from '../config/condition-grammar.js';
import { matchesGlob } from '../config/min-effect.js';
import { metricOf, metricStat, type StatName } from './metric-values.js';
import { formatValue } from '../model/format.js';

/** Ids of the benchmarks in the current runs, first-seen order. */
function currentIds(runs: readonly RunFile[]): string[] {
  const ids = new Set<string>();
  for (const r of runs) for (const b of r.benchmarks) ids.add(b.id);
  return [...ids];
}

function expectedText(t: ThresholdConfig): string {
  return [t.target ? `target ${t.target}` : '', t.alert ? `alert ${t.alert}` : ''].filter(Boolean).join('; ') || 'none';
}

/** Checks one threshold on one benchmark. */
function checkOne(t: ThresholdConfig, runs: readonly RunFile[], id: string, name: string): TargetResult {
  const stat: StatName = t.stat ?? 'median';
  const expected = expectedText(t);
  const got = metricStat(runs, id, t.metric, stat);
  const base = { name, kind: 'threshold' as const, expected };
  if (!got)
    return { ...base, status: 'inconclusive', message: `${stat} of ${t.metric ?? 'the primary metric'} is not available for ${id}.` };
  const { value, unit } = got;
  const alert = t.alert ? holds(parseCondition(t.alert), value, unit) : false;
  const target = t.target ? holds(parseCondition(t.target), value, unit) : true;
  const problem = [alert, target].find((x): x is string => typeof x === 'string');
  if (problem) return { ...base, status: 'inconclusive', value, unit, message: `${problem[0]?.toUpperCase() ?? ''}${problem.slice(1)}.` };
  const status = alert ? 'failure' : target ? 'met' : 'warning';
  const what = `${stat} ${formatValue(value, unit)}`;
  const message =
    status === 'failure'
      ? `${what} crosses the alert level ${t.alert}.`
      : status === 'warning'
        ? `${what} misses the target ${t.target}.`
        : `${what} meets ${expected}.`;
  return { ...base, status, value, unit, message };
}

/**
 * Checks every threshold on every current benchmark it applies to: those matching `benchmark`
 * (id or glob; all when absent) that have the metric. A threshold that applies to nothing gives
 * one 'inconclusive' result saying so. Conditions are parsed here; bad text throws ConfigError.
 */
export function checkThresholds(thresholds: readonly ThresholdConfig[], runs: readonly RunFile[]): TargetResult[] {
  const ids = currentIds(runs);
  const out: TargetResult[] = [];
  for (const t of thresholds) {
    if (t.target) parseCondition(t.target);
    if (t.alert) parseCondition(t.alert);
    const label = t.name ?? `${t.metric ?? 'time'} ${t.stat ?? 'median'}`;
    const matching = ids.filter((id) => {
      if (t.benchmark !== undefined && !matchesGlob(t.benchmark, id)) return false;
      if (t.metric === undefined) return true;
      return runs.some((r) => {
        const b = r.benchmarks.find((x) => x.id === id);
        return b !== undefined && metricOf(b, t.metric) !== undefined;
      });
    });
    if (matching.length === 0) {
      const what = [t.benchmark ? `benchmark "${t.benchmark}"` : '', t.metric ? `metric "${t.metric}"` : ''].filter(Boolean).join(' with ');
      out.push({
        name: label,
        kind: 'threshold',
        status: 'inconclusive',
        expected: expectedText(t),
        message: `No current benchmark matches ${what || 'this threshold'}.`,
      });
      continue;
    }
    const single = matching.length === 1 && t.name !== undefined;
    for (const id of matching) out.push(checkOne(t, runs, id, single ? label : `${label} (${id})`));
  }
  return out;
}
