/**
 * Near-deterministic metrics: instruction counts and estimated cycles measured under Valgrind
 * (units `instructions`, `cycles`). With Node's --predictable flags a whole process's count
 * varies ≤ 0.003% between runs and a benchmark's ≤ 0.025% even when unrelated code changes
 * (docs/instruction-counts.md), so they are not judged like wall time:
 * - their minimum effect defaults to 1% (`compare.countMinEffect`), not the 3% of time;
 * - one baseline run against one current run assumes 0.2% of between-run noise, not 60%;
 * - a different CPU does not move a simulated count: no machine noise is added for it;
 * - a different Node, V8 or Valgrind moves every count: the report says so.
 * With a history the baseline runs' own spread is the noise (history.ts), as for any metric.
 */
import type { CompareConfig } from '../config/types.js';
import type { BaseUnit, Machine, RunFile } from '../model/index.js';
import { resolveMinEffect } from '../config/min-effect.js';

/** Default minimum effect for counted metrics (`compare.countMinEffect`). */
export const DEFAULT_COUNT_MIN_EFFECT = 0.01;

/**
 * Between-run noise assumed for a counted metric in the single design (log-scale SD per run):
 * 0.2%, eight times the largest shift measured when unrelated code changed (0.025%).
 */
export const COUNT_NOISE_FLOOR = 0.002;

/** True for the units Valgrind counts. */
export function isCounted(unit: BaseUnit | undefined): boolean {
  return unit === 'instructions' || unit === 'cycles';
}

/**
 * The minimum effect of a counted benchmark: a per-benchmark override or the suite's own
 * `minEffect` wins (the user said so for it), then `compare.countMinEffect`, then 1%. The
 * top-level `compare.minEffect` is meant for time and does not apply.
 */
export function countMinEffect(
  id: string,
  suite: string,
  config: CompareConfig | undefined,
  suiteMinEffect: Record<string, number> | undefined,
): number {
  return resolveMinEffect(id, suite, config, suiteMinEffect, { configured: config?.countMinEffect, default: DEFAULT_COUNT_MIN_EFFECT });
}

/** The unit of benchmark `id` in the first run that has it. */
export function unitOf(runs: ReadonlyArray<ReadonlyMap<string, { unit: BaseUnit }>>, id: string): BaseUnit | undefined {
  for (const r of runs) {
    const b = r.get(id);
    if (b) return b.unit;
  }
  return undefined;
}

const TOOLCHAIN: Array<[string, (m: Machine) => string | undefined]> = [
  ['Node', (m) => m.nodeVersion],
  ['V8', (m) => m.v8Version],
  ['Valgrind', (m) => m.valgrindVersion],
  ['counting flags', (m) => m.countFlags],
];

/**
 * A warning when the current runs have counted benchmarks and some baseline run was counted
 * with another Node, V8 or Valgrind version (or other flags): every count moves with those.
 */
export function toolchainWarnings(baseline: readonly RunFile[], current: readonly RunFile[]): string[] {
  if (!current.some((r) => r.benchmarks.some((b) => isCounted(b.unit)))) return [];
  const diffs = new Set<string>();
  for (const b of baseline) {
    if (!b.benchmarks.some((x) => isCounted(x.unit))) continue;
    for (const c of current) {
      for (const [name, get] of TOOLCHAIN) {
        const [x, y] = [b.machine && get(b.machine), c.machine && get(c.machine)];
        if (x !== undefined && y !== undefined && x !== y) diffs.add(`${name} ${x} vs ${y}`);
      }
    }
  }
  if (diffs.size === 0) return [];
  return [
    `Instruction counts: the baseline was counted with another toolchain (${[...diffs].join('; ')}). A new Node, V8 or Valgrind moves every count, so a change here may come from the toolchain, not the code; the next baseline runs with the new toolchain settle it.`,
  ];
}

/**
 * What the counted benchmarks measured, in words, so that a reader of the comment knows these
 * figures are instruction counts (or estimated cycles) under Valgrind, not time.
 */
export function countNotes(current: readonly RunFile[]): string[] {
  const run = current.find((r) => r.benchmarks.some((b) => isCounted(b.unit)));
  if (!run) return [];
  const units = [...new Set(current.flatMap((r) => r.benchmarks.map((b) => b.unit)).filter(isCounted))];
  const m = run.machine;
  const valgrind = m?.valgrindVersion ? ` Valgrind ${m.valgrindVersion}` : ' Valgrind';
  const node = m?.nodeVersion ? `, Node ${m.nodeVersion}${m.countFlags ? ` ${m.countFlags}` : ''}` : '';
  return [
    `Counted, not timed: benchmarks in ${units.join(' and ')} were measured under${valgrind} callgrind${node}. They barely vary between runs, so their minimum effect is compare.countMinEffect (default ${(DEFAULT_COUNT_MIN_EFFECT * 100).toFixed(0)}%), not time's.`,
  ];
}
