/**
 * The last step for one benchmark: its corrected p-value and its minimum effect make the
 * verdict (verdict.ts), or its exact values do (exact.ts); the figures the renderers show —
 * detectable change, pairs to detect, minimum effect — become fields, not prose.
 */
import type { CompareConfig } from '../config/types.js';
import type { BenchmarkComparison, Design } from '../model/index.js';
import type { Pending } from './benchmark.js';
import type { derive } from './estimate.js';
import { decideExact } from './exact.js';
import { countMinEffect, isCounted } from './deterministic.js';
import { resolveMinEffect } from '../config/min-effect.js';
import { decideVerdict } from './verdict.js';

/**
 * Pairs that would bring the detectable change of a paired benchmark down to `target`: its
 * standard error shrinks as 1/√n, so n × (MDE / target)² in log space (slightly optimistic with
 * few pairs, whose t quantiles are larger).
 */
export function pairsToDetect(n: number, mde: number, target: number): number {
  return Math.ceil(n * (Math.log1p(mde) / Math.log1p(target)) ** 2);
}

export interface FinishContext {
  alpha: number;
  design: Design;
  config?: CompareConfig;
  suiteMinEffect?: Record<string, number>;
}

/** Applies the minimum effect and the corrected p-value (or the exact values) to a benchmark. */
export function finish(p: Pending, d: ReturnType<typeof derive> | undefined, pAdj: number, ctx: FinishContext): BenchmarkComparison {
  const c = p.comparison;
  if (!p.exact && (!d || !p.estimate)) return c;
  // Counted units (instructions, cycles) have their own default: 1%, not time's 3%.
  const minEffect = (isCounted(c.unit) ? countMinEffect : resolveMinEffect)(c.id, c.suite, ctx.config, ctx.suiteMinEffect);
  if (p.exact) return { ...c, ...decideExact(p.exact, minEffect, c.direction), minEffect };
  if (!d || !p.estimate) return c;
  const { verdict, reason } = decideVerdict(d, pAdj, ctx.alpha, minEffect, c.direction);
  const out: BenchmarkComparison = { ...c, verdict, reason, change: d.change, ci: d.ci, pValue: d.pValue, minEffect };
  if (verdict === 'inconclusive' || verdict === 'unchanged') out.minDetectableEffect = d.minDetectableEffect;
  if (ctx.design === 'paired' && verdict === 'inconclusive' && d.minDetectableEffect > minEffect)
    out.pairsToDetect = pairsToDetect(p.estimate.nBase, d.minDetectableEffect, minEffect);
  return out;
}
