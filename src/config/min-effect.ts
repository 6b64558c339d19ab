/** Which minimum effect applies to a benchmark: per-benchmark override, then suite, then config. */
import type { CompareConfig, Config, SuiteConfig } from './types.js';

/**
 * Default smallest relative change that counts (config `compare.minEffect`). 3%, not 5%: a
 * change must exceed it to fail a PR, so a true slowdown of exactly the minimum effect is flagged
 * at most half the time; at 5%, 5% slowdowns were a coin flip even where the noise could see them
 * (on the accuracy corpus, in-process A/B pairs differ by 1.6–5.8%). Significance is still needed.
 */
export const DEFAULT_MIN_EFFECT = 0.03;

/** True when `id` matches `pattern`: an exact id or a glob where `*` matches any run of characters. */
export function matchesGlob(pattern: string, id: string): boolean {
  if (!pattern.includes('*')) return pattern === id;
  const parts = pattern.split('*');
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  if (!id.startsWith(first) || id.length < first.length + last.length || !id.endsWith(last)) return false;
  let at = first.length;
  const end = id.length - last.length;
  for (const mid of parts.slice(1, -1)) {
    const found = id.indexOf(mid, at);
    if (found < 0 || found + mid.length > end) return false;
    at = found + mid.length;
  }
  return true;
}

/**
 * The minimum effect for a benchmark. The last matching override wins (so a specific rule can
 * follow a broad `*` one), then the suite's `minEffect`, then `fallback.configured` (by default
 * `config.minEffect`), then `fallback.default` (3%). Counted benchmarks pass their own fallback.
 */
export function resolveMinEffect(
  id: string,
  suite: string,
  config: CompareConfig | undefined,
  suiteMinEffect: Record<string, number> | undefined,
  fallback: { configured: number | undefined; default: number } = { configured: config?.minEffect, default: DEFAULT_MIN_EFFECT },
): number {
  let chosen: number | undefined;
  for (const o of config?.overrides ?? []) {
    if (o.minEffect !== undefined && matchesGlob(o.benchmark, id)) chosen = o.minEffect;
  }
  chosen ??= suiteMinEffect?.[suite] ?? fallback.configured ?? fallback.default;
  return Number.isFinite(chosen) && chosen >= 0 ? chosen : fallback.default;
}

/** suite name → minEffect, for the suites that set one (the engine's `suiteMinEffect`). */
export function suiteMinEffects(config: Config): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of config.suites) if (s.minEffect !== undefined) out[s.name] = s.minEffect;
  return out;
}

/** The runner a suite config asks for, by the key it sets (a validated suite sets exactly one). */
export type SuiteKind = 'tinybench' | 'command' | 'import';

/** The kind of `suite`. */
export function suiteKind(suite: SuiteConfig): SuiteKind {
  if ('tinybench' in suite) return 'tinybench';
  if ('command' in suite) return 'command';
  return 'import';
}
