/** The analysis settings of a config's `trend` key: the one place they are read from it. */
import type { TrendConfig } from '../config/types.js';
import type { TrendOptions } from './types.js';

export function trendOptionsOf(t: TrendConfig | undefined): TrendOptions {
  return {
    ...(t?.pValue !== undefined && { pValue: t.pValue }),
    ...(t?.window !== undefined && { window: t.window }),
    ...(t?.runnerLevel !== undefined && { runnerLevel: t.runnerLevel }),
  };
}
