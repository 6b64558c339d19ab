/**
 * Quality during scaling: a metric the sweep's runs report (accuracy, success rate, errors),
 * checked at every level N — "accuracy ≥ 0.95 at every N" — with the first N where it drops.
 * Each level stands for the mean of its runs' values. Crossing `alert` at any level is a failure,
 * missing `target` at any level a warning, like the thresholds (thresholds.ts). Pure.
 */
import type { ScalingQuality } from '../config/types.js';
import { holds, parseCondition } from '../config/condition-grammar.js';
import type { LevelValues, ScalingRecord, TargetResult } from '../model/index.js';
import { sig } from '../model/format.js';

/** A level's mean of `metric`, for the levels that reported it, by N. */
export function qualityByLevel(record: ScalingRecord, metric: string): Array<{ n: number; value: number }> {
  return record.levels
    .filter((l) => (l.metrics?.[metric]?.length ?? 0) > 0)
    .map((l) => {
      const xs = l.metrics![metric]!;
      return { n: l.n, value: xs.reduce((a, b) => a + b, 0) / xs.length };
    })
    .sort((a, b) => a.n - b.n);
}

/** Every metric the record's levels reported, each level's mean (for the report's table). */
export function levelValues(record: ScalingRecord): LevelValues {
  const names = [...new Set(record.levels.flatMap((l) => Object.keys(l.metrics ?? {})))];
  return Object.fromEntries(names.map((m) => [m, qualityByLevel(record, m)]));
}

const list = (xs: ReadonlyArray<{ n: number; value: number }>) => xs.map((x) => `${sig(x.value)} at N = ${x.n}`).join(', ');

/** One result per quality rule of a sweep (conditions are parsed here; bad text throws ConfigError). */
export function checkQuality(suite: string, rules: readonly ScalingQuality[], record: ScalingRecord): TargetResult[] {
  return rules.map((q) => {
    const alert = q.alert ? parseCondition(q.alert) : undefined;
    const target = q.target ? parseCondition(q.target) : undefined;
    const expected = [q.target && `target ${q.target}`, q.alert && `alert ${q.alert}`].filter(Boolean).join('; ') + ' at every N';
    const base = { name: `${suite}: ${q.metric} at every N`, kind: 'scaling' as const, expected };
    const levels = qualityByLevel(record, q.metric);
    if (levels.length === 0)
      return {
        ...base,
        status: 'inconclusive' as const,
        message: `No level reported ${JSON.stringify(q.metric)} (write it to $TRACK_PERFORMANCE_METRICS).`,
      };
    const crossed = alert ? levels.filter((l) => holds(alert, l.value, '') === true) : [];
    const missed = target ? levels.filter((l) => holds(target, l.value, '') === false) : [];
    const worst = crossed[0] ?? missed[0];
    const status = crossed.length > 0 ? 'failure' : missed.length > 0 ? 'warning' : 'met';
    const value = worst?.value ?? levels[levels.length - 1]!.value;
    const details = Object.fromEntries(levels.map((l) => [`N=${l.n}`, l.value]));
    const message =
      status === 'failure'
        ? `${q.metric} crosses the alert ${q.alert} from N = ${crossed[0]!.n}: ${list(crossed)} (it holds ${sig(levels[0]!.value)} at N = ${levels[0]!.n}).`
        : status === 'warning'
          ? `${q.metric} misses the target ${q.target} from N = ${missed[0]!.n}: ${list(missed)}.`
          : `${q.metric} holds at every N: ${list(levels)}.`;
    return { ...base, status, value, message, details };
  });
}
