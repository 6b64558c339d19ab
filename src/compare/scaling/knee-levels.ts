/**
 * Where to measure more after a first fit: when the USL (chosen by AICc, so κ is real) puts a
 * peak N* inside or near the measured range, a few whole levels around N* pin it down — the
 * accuracy bench (docs/optimize.md) found N* within ±20% far more often when levels lie past the
 * peak than when it is extrapolated. Pure: measured levels in, levels to add out.
 */
import type { ScalingSuite } from '../../config/types.js';
import { analyseScaling, type ScalingOptions } from './analyse.js';
import type { LevelMeasurements } from './levels.js';

/** Default number of levels added near a knee (0 turns it off). */
export const DEFAULT_KNEE_LEVELS = 3;
/** A peak up to this many times the highest measured N is "near the range"; beyond it, no extra levels (they would cost the most). */
export const KNEE_HORIZON = 1.5;
/** Where the added levels go, as multiples of N*: below, at and above the peak. */
const AROUND = [1, 0.75, 1.33, 0.6, 1.6];

/**
 * The levels to add near the fitted peak (at most `count`, none already measured, none above
 * KNEE_HORIZON × the highest measured N), or none when the first fit found no peak near the range.
 */
export function kneeLevels(measured: readonly LevelMeasurements[], options: ScalingOptions & { count?: number } = {}): number[] {
  const count = options.count ?? DEFAULT_KNEE_LEVELS;
  if (count <= 0) return [];
  const a = analyseScaling(measured, options);
  const peak = a.fit?.chosen === 'usl' ? a.fit.peak : undefined;
  if (!peak || a.levels.length === 0) return [];
  const minN = a.levels[0]!.n;
  const maxN = a.levels[a.levels.length - 1]!.n;
  if (peak.n > KNEE_HORIZON * maxN) return [];
  const taken = new Set(measured.map((l) => l.n));
  const out: number[] = [];
  for (const f of AROUND) {
    const n = Math.round(peak.n * f);
    if (n < minN || n > KNEE_HORIZON * maxN || taken.has(n)) continue;
    taken.add(n);
    out.push(n);
    if (out.length === count) break;
  }
  return out.sort((x, y) => x - y);
}

/** The levels to add to a sweep of `suite` after its first rounds (its `kneeLevels` and `efficiencyFloor`). */
export function sweepExtra(suite: ScalingSuite, measured: readonly LevelMeasurements[]): number[] {
  return kneeLevels(measured, {
    ...(suite.efficiencyFloor !== undefined && { efficiencyFloor: suite.efficiencyFloor }),
    ...(suite.kneeLevels !== undefined && { count: suite.kneeLevels }),
  });
}
