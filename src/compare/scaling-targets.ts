/**
 * Targets on a concurrency sweep: the speedup and the parallel efficiency at a given N, and the
 * peak N*. Checked like today's speedup targets (src/compare/speedup.ts): the point value
 * against `min` (failure) and `goal` (warning), the interval reported beside it. A level that was
 * not measured is read off the fitted curve, and the message says so.
 */
import type { ScalingTargets } from '../config/types.js';
import type { TargetResult } from '../model/index.js';
import { uslThroughput, type ScalingAnalysis } from './scaling/index.js';

/** A scaling target's result: today's TargetResult shape with its own kind. */
export interface ScalingTargetResult extends Omit<TargetResult, 'kind'> {
  kind: 'scaling';
}

type Bounds = { min?: number; goal?: number; max?: number };

const x = (v: number) => `${v.toPrecision(3)}x`;

function statusOf(value: number, b: Bounds): TargetResult['status'] {
  if (b.min !== undefined && value < b.min) return 'failure';
  if ((b.goal !== undefined && value < b.goal) || (b.max !== undefined && value > b.max)) return 'warning';
  return 'met';
}

function expectedOf(b: Bounds, f: (v: number) => string): string {
  return [b.min !== undefined && `min ${f(b.min)}`, b.goal !== undefined && `goal ${f(b.goal)}`, b.max !== undefined && `max ${f(b.max)}`]
    .filter(Boolean)
    .join(', ');
}

/** Speedup at N: measured when N was a level, else from the chosen fit (undefined without one). */
export function speedupAt(a: ScalingAnalysis, n: number): { value: number; ci?: [number, number]; fitted: boolean } | undefined {
  const level = a.levels.find((l) => l.n === n);
  if (level) return { value: level.speedup, ci: [level.speedupInterval.lo, level.speedupInterval.hi], fitted: false };
  if (!a.fit) return undefined;
  const m = a.fit[a.fit.chosen];
  return { value: uslThroughput(m.params, n) / m.params.lambda, fitted: true };
}

/** Checks a suite's scaling targets against its analysis. */
export function checkScalingTargets(suite: string, targets: ScalingTargets, a: ScalingAnalysis): ScalingTargetResult[] {
  const out: ScalingTargetResult[] = [];
  const fittedNote = (n: number) => ` (N = ${n} was not measured: read off the fitted curve, an extrapolation)`;
  for (const kind of ['speedup', 'efficiency'] as const) {
    const t = targets[kind];
    if (!t) continue;
    const per = kind === 'efficiency' ? t.at : 1;
    const f = kind === 'efficiency' ? (v: number) => `${Math.round(v * 100)}%` : x;
    const base = {
      name: `${suite}: ${kind} at N = ${t.at}`,
      kind: 'scaling' as const,
      expected: expectedOf(t, f),
      unit: kind === 'efficiency' ? 'ratio' : 'x',
    };
    const s = speedupAt(a, t.at);
    if (!s) {
      out.push({
        ...base,
        status: 'inconclusive',
        message: `N = ${t.at} was not measured and there is no fit to read it from (${a.reason ?? 'no fit'}).`,
      });
      continue;
    }
    const value = s.value / per;
    const status = statusOf(value, t);
    const verb = status === 'failure' ? 'is below the minimum' : status === 'warning' ? 'misses the goal band' : 'meets';
    const ci = s.ci ? ([s.ci[0] / per, s.ci[1] / per] as [number, number]) : undefined;
    const ciText = ci ? ` (95% interval ${f(ci[0])}–${f(ci[1])})` : '';
    out.push({
      ...base,
      status,
      value,
      ...(ci && { ci }),
      message: `${kind === 'speedup' ? 'Speedup' : 'Efficiency'} ${f(value)}${ciText} at N = ${t.at} ${verb} (${base.expected})${s.fitted ? fittedNote(t.at) : ''}.`,
    });
  }
  if (targets.peak) {
    const t = targets.peak;
    const base = { name: `${suite}: peak N*`, kind: 'scaling' as const, expected: expectedOf(t, (v) => `N = ${v}`) };
    if (!a.fit) {
      out.push({ ...base, status: 'inconclusive', message: `No fit, so no peak: ${a.reason ?? 'no levels'}.` });
    } else {
      const peak = a.fit.chosen === 'usl' ? a.fit.peak : undefined;
      const value = peak?.n ?? Infinity;
      const status = statusOf(value, t);
      const verb = status === 'failure' ? 'is below the minimum' : status === 'warning' ? 'misses the goal' : 'meets';
      const text = peak
        ? `Peak N* ≈ ${peak.n.toPrecision(3)}${peak.inRange ? '' : ' (outside the measured levels)'}`
        : 'No peak (the chosen model has κ = 0: throughput never falls)';
      out.push({
        ...base,
        status,
        value,
        ...(peak && { ci: [peak.interval.lo, peak.interval.hi] as [number, number] }),
        message: `${text} ${verb} (${base.expected}).`,
      });
    }
  }
  return out;
}
