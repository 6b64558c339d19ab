import type { Config, SuiteConfig } from './types.js';

/** minEffect when nothing is configured: a 5% change is the smallest that counts. */
export const DEFAULT_MIN_EFFECT = 0.05;

/** Kind of a suite: 'tinybench' | 'command' | 'import' (a validated suite has exactly one). */
export function suiteKind(s: SuiteConfig): 'tinybench' | 'command' | 'import' {
  if ('tinybench' in s) return 'tinybench';
  if ('command' in s) return 'command';
  return 'import';
}

/** Whether a benchmark id matches a pattern where `*` matches any run of characters (even '/'). */
export function matchesBenchmark(pattern: string, id: string): boolean {
  if (!pattern.includes('*')) return pattern === id;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(id);
}

/**
 * minEffect for a benchmark id (`suite/name`): the first matching `compare.overrides` entry
 * (exact id or `*` glob) > the suite's minEffect > compare.minEffect > 0.05.
 */
export function minEffectFor(config: Config, suite: string, id: string): number {
  const override = config.compare?.overrides?.find((o) => o.minEffect !== undefined && matchesBenchmark(o.benchmark, id));
  if (override?.minEffect !== undefined) return override.minEffect;
  const own = config.suites.find((s) => s.name === suite)?.minEffect;
  return own ?? config.compare?.minEffect ?? DEFAULT_MIN_EFFECT;
}
