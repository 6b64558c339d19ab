import { DEFAULT_MIN_EFFECT, matchesGlob, resolveMinEffect } from '../compare/min-effect.js';
import type { Config, SuiteConfig } from './types.js';

/** minEffect when nothing is configured (3%); the statistics engine's own default. */
export { DEFAULT_MIN_EFFECT };

/** Kind of a suite: 'tinybench' | 'command' | 'import' (a validated suite has exactly one). */
export function suiteKind(s: SuiteConfig): 'tinybench' | 'command' | 'import' {
  if ('tinybench' in s) return 'tinybench';
  if ('command' in s) return 'command';
  return 'import';
}

/** Whether a benchmark id matches a pattern where `*` matches any run of characters (even '/'). */
export function matchesBenchmark(pattern: string, id: string): boolean {
  return matchesGlob(pattern, id);
}

/**
 * minEffect for a benchmark id (`suite/name`): the last matching `compare.overrides` entry (exact
 * id or `*` glob, so a specific rule can follow a broad one) > the suite's minEffect >
 * compare.minEffect > 0.03. The same rule the statistics engine applies (it is its function).
 */
export function minEffectFor(config: Config, suite: string, id: string): number {
  return resolveMinEffect(id, suite, config.compare, suiteMinEffects(config));
}

/** suite name → minEffect, for the suites that set one (the engine's `suiteMinEffect`). */
export function suiteMinEffects(config: Config): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of config.suites) if (s.minEffect !== undefined) out[s.name] = s.minEffect;
  return out;
}
