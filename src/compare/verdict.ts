/**
 * The verdict of one benchmark: significance (after the suite-wide correction) AND importance
 * (the change is at least the minimum effect) make a regression or an improvement; a confidence
 * interval inside ±minEffect makes "unchanged"; anything else is "inconclusive", with a reason.
 * The figures beside the reason (the detectable change, pairs to detect) are fields of the
 * comparison (finish.ts), not prose here.
 */
import type { BenchmarkVerdict, Direction } from '../model/index.js';
import type { Derived } from './estimate.js';

function pct(x: number): string {
  const s = (x * 100).toFixed(Math.abs(x) < 0.1 ? 1 : 0);
  return `${x > 0 ? '+' : ''}${s}%`;
}

/** Verdict and its reason from the derived figures, the Holm-adjusted p-value and the minimum effect. */
export function decideVerdict(
  d: Derived,
  pAdjusted: number,
  alpha: number,
  minEffect: number,
  direction: Direction,
): { verdict: BenchmarkVerdict; reason: string } {
  const significant = pAdjusted < alpha;
  const important = Math.abs(d.change) >= minEffect;
  const ciText = `CI ${pct(d.ci[0])} to ${pct(d.ci[1])}`;
  if (significant && important) {
    const worse = direction === 'smaller' ? d.change > 0 : d.change < 0;
    return {
      verdict: worse ? 'regression' : 'improvement',
      reason: `${pct(d.change)} (${ciText}), significant after the suite-wide correction and beyond the minimum effect ${pct(minEffect)}.`,
    };
  }
  if (d.logCi[0] > Math.log1p(-Math.min(minEffect, 0.999)) && d.logCi[1] < Math.log1p(minEffect)) {
    return { verdict: 'unchanged', reason: `${ciText} rules out a change of ${pct(minEffect)} or more.` };
  }
  if (significant) {
    return {
      verdict: 'inconclusive',
      reason: `${pct(d.change)} is significant but smaller than the minimum effect ${pct(minEffect)}, and the ${ciText} does not rule out a larger change.`,
    };
  }
  return {
    verdict: 'inconclusive',
    reason: `Too noisy to tell: ${ciText}.`,
  };
}
