/** Synthetic log-space series for the trend tests: seeded Gaussian noise plus known steps. */
import { rng } from '../../research/corpus/simulate.js';

/** n log values: noise of standard deviation `sd` (Box–Muller) plus steps [index, relative change]. */
export function noisy(n: number, sd: number, seed: number, steps: Array<[number, number]>): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const g = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    return steps.filter(([at]) => i >= at).reduce((s, [, f]) => s + Math.log1p(f), 0) + sd * g;
  });
}
