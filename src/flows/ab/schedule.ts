import type { Side } from '../../bench/types.js';

export type { Side };

/**
 * The order of the sides in round `i` (0-based): base-head, head-base, base-head, … so that over
 * rounds neither side always goes first (an ABBA design: a drift in time hits both sides alike).
 */
export function roundOrder(i: number): [Side, Side] {
  return i % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
}

/**
 * Whether another round fits in the time budget (seconds; 0 = no budget), judged by the slowest
 * round so far.
 */
export function roundFits(elapsedMs: number, roundMs: number[], budgetSeconds: number): boolean {
  if (budgetSeconds <= 0 || roundMs.length === 0) return true;
  return elapsedMs + Math.max(...roundMs) <= budgetSeconds * 1000;
}

/** "3 min 20 s" from milliseconds, for the ETA in the log. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}
