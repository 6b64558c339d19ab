/**
 * Speedup targets: how many times faster a candidate benchmark is than a baseline benchmark of
 * the same run(s), e.g. a parallel variant over the sequential one. For time (smaller is better)
 * speedup = location(baseline) / location(candidate); for throughput the inverse ratio.
 *
 * CI: with several current runs, a Student t interval on the per-run log ratios (the run carries
 * the between-run noise); with one run, distribution-free CIs of both medians combined in log
 * space (this sees within-run noise only, so the report says so).
 */
import type { SpeedupTarget } from '../config/types.js';
import type { BenchmarkResult, RunFile, TargetResult } from '../model/index.js';
import { meanVar } from './estimate.js';
import { medianCi, runLocation } from './location.js';
import { studentTQuantile } from './student-t.js';

function fmt(x: number): string {
  return `${x.toPrecision(3)}x`;
}

function expectedText(s: SpeedupTarget['speedup']): string {
  const parts = [
    s.min !== undefined ? `min ${fmt(s.min)}` : '',
    s.goal !== undefined ? `goal ${fmt(s.goal)}` : '',
    s.max !== undefined ? `max ${fmt(s.max)}` : '',
  ];
  return parts.filter(Boolean).join(', ') || 'any';
}

/** Log speedup of one run, oriented so that > 0 means the candidate is better. */
function logSpeedup(base: BenchmarkResult, cand: BenchmarkResult): number {
  const r = Math.log(runLocation(base).value) - Math.log(runLocation(cand).value);
  return base.direction === 'bigger' ? -r : r;
}

/** CI of the log speedup from one run's samples (half-widths of both medians' log CIs, combined). */
function oneRunLogCi(base: BenchmarkResult, cand: BenchmarkResult, center: number): [number, number] | undefined {
  const cb = base.samples ? medianCi(base.samples) : null;
  const cc = cand.samples ? medianCi(cand.samples) : null;
  if (!cb || !cc || !(cb[0] > 0) || !(cc[0] > 0)) return undefined;
  const hb = (Math.log(cb[1]) - Math.log(cb[0])) / 2;
  const hc = (Math.log(cc[1]) - Math.log(cc[0])) / 2;
  const h = Math.sqrt(hb * hb + hc * hc);
  return [center - h, center + h];
}

/** Checks one speedup target on the current runs. */
export function checkSpeedup(t: SpeedupTarget, runs: readonly RunFile[]): TargetResult {
  const expected = expectedText(t.speedup);
  const base = { name: t.name, kind: 'speedup' as const, expected, unit: 'x' };
  const pairs: Array<[BenchmarkResult, BenchmarkResult]> = [];
  for (const r of runs) {
    const b = r.benchmarks.find((x) => x.id === t.baseline);
    const c = r.benchmarks.find((x) => x.id === t.candidate);
    if (b && c) pairs.push([b, c]);
  }
  const logs = pairs.map(([b, c]) => logSpeedup(b, c)).filter((x) => Number.isFinite(x));
  if (logs.length === 0) {
    const why =
      pairs.length === 0
        ? `benchmarks "${t.baseline}" and "${t.candidate}" are not both in the current run`
        : 'their values are zero, negative or missing';
    return { ...base, status: 'inconclusive', message: `Speedup cannot be computed: ${why}.` };
  }
  const { mean, variance } = meanVar(logs);
  let logCi: [number, number] | undefined;
  if (logs.length >= 2) {
    const h = studentTQuantile(0.975, logs.length - 1) * Math.sqrt(variance / logs.length);
    logCi = [mean - h, mean + h];
  } else {
    const [b, c] = pairs[0] as [BenchmarkResult, BenchmarkResult];
    logCi = oneRunLogCi(b, c, mean);
  }
  const value = Math.exp(mean);
  const s = t.speedup;
  const status =
    s.min !== undefined && value < s.min
      ? 'failure'
      : (s.goal !== undefined && value < s.goal) || (s.max !== undefined && value > s.max)
        ? 'warning'
        : 'met';
  const details: Record<string, number> = {};
  if (t.workers !== undefined && t.workers > 0) details.efficiency = value / t.workers;
  const eff =
    details.efficiency !== undefined ? `, parallel efficiency ${(details.efficiency * 100).toFixed(0)}% on ${t.workers} workers` : '';
  const ciNote = logs.length < 2 && logCi ? ' (CI from within-run samples only)' : '';
  const verb = status === 'failure' ? 'is below the minimum' : status === 'warning' ? 'misses the goal band' : 'meets';
  return {
    ...base,
    status,
    value,
    ...(logCi ? { ci: [Math.exp(logCi[0]), Math.exp(logCi[1])] as [number, number] } : {}),
    message: `Speedup ${fmt(value)}${ciNote} ${verb} ${expected}${eff}.`,
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
}
