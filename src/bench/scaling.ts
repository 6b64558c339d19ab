import type { ScalingSuite } from '../config/types.js';
import { isUserError } from '../model/errors.js';
import type { RunError, ScalingRecord } from '../model/index.js';
import { COMMAND_DEFAULTS } from './command.js';
import { openCommandStepper } from './scaling-command.js';
import { stepUnits, type Stepper } from './scaling-step.js';
import { openTinybenchStepper } from './scaling-tinybench.js';
import type { RunnerContext } from './types.js';

export { METRICS_ENV } from './scaling-command.js';

/** Defaults of a scaling suite (the schema states the same). */
export const SCALING_DEFAULTS = { repeats: 3, warmup: 1, work: 1, unit: 'runs', timeout: COMMAND_DEFAULTS.timeout } as const;

/** What a sweep measured at one level. */
export interface ScalingLevel {
  n: number;
  /** Work units / wall seconds, one per timed run. */
  throughputs: number[];
  wallNs: number[];
  units: number[];
  /** Other numbers the runs wrote to the metrics file, per name, one per run that wrote it. */
  metrics: Record<string, number[]>;
  /** Why the level stopped: a failed run, or a bad metrics file. */
  error?: string;
  /** Measured after the first fit, to place its knee (see `extra` of {@link runScalingSuite}). */
  added?: boolean;
}

export interface ScalingSweep {
  suite: string;
  command: string;
  unit: string;
  levels: ScalingLevel[];
  /** The order the timed runs were made in, as levels N (shows the interleaving). */
  order: number[];
}

/**
 * Default levels up to 2 × cores: the powers of two and their 1.5 multiples (1, 2, 3, 4, 6, 8,
 * 12, …), so that even a 2-core machine gets 4 levels (1, 2, 3, 4), the fewest a fit accepts.
 */
export function defaultLevels(cores: number): number[] {
  const top = Math.max(4, 2 * cores);
  const out = new Set<number>();
  for (let p = 1; p <= top; p *= 2) {
    out.add(p);
    if (p >= 2 && p * 1.5 <= top) out.add(p * 1.5);
  }
  out.add(top);
  return [...out].sort((a, b) => a - b);
}

/** How a sweep runs beyond its suite: the levels (else the suite's, the task's, the defaults) and extra levels. */
export interface SweepOptions {
  /** Levels to measure, overriding the suite's (`optimize --levels`). */
  levels?: readonly number[];
  /** The machine's cores, for the default levels. */
  cores: number;
  /**
   * After the sweep: more levels to measure, given what it measured (levels near a knee the first
   * fit found, computed by the caller: the fit lives in compare/). They are swept the same way, in
   * the same process for a tinybench task, and marked `added`.
   */
  extra?: (levels: readonly ScalingLevel[]) => number[];
}

/**
 * Runs a sweep, one step (a command run, or a tinybench worker's calls) per level per round:
 * `warmup` untimed rounds, then `repeats` timed rounds over the levels, every other round in
 * reverse so that a linear drift of the machine (a neighbour's load ramping up, thermal
 * throttling) shifts every level alike instead of bending the curve. A level whose step fails
 * stops there; the others go on. Throws a BenchError when a tinybench file cannot be used.
 */
export async function runScalingSuite(suite: ScalingSuite, ctx: RunnerContext, options: SweepOptions): Promise<ScalingSweep> {
  const stepper =
    suite.tinybench !== undefined
      ? await openTinybenchStepper({ ...suite, tinybench: suite.tinybench }, ctx)
      : await openCommandStepper({ ...suite, command: suite.command ?? '' }, ctx);
  try {
    return await sweepWith(suite, stepper, ctx, options);
  } finally {
    await stepper.close();
  }
}

/** The sweep over an open stepper (which the caller closes): the first levels' rounds, then any extra levels' rounds. */
export async function sweepWith(suite: ScalingSuite, stepper: Stepper, ctx: RunnerContext, options: SweepOptions): Promise<ScalingSweep> {
  const { defaults } = stepper;
  const unit = suite.unit ?? defaults.unit ?? SCALING_DEFAULTS.unit;
  const state = new Map<number, ScalingLevel>();
  const order: number[] = [];
  const first = options.levels ?? suite.levels ?? defaults.levels ?? defaultLevels(options.cores);
  await sweepRounds(suite, stepper, unit, newLevels(state, first, false), order, ctx);
  const more = options.extra?.(sorted(state)) ?? [];
  const added = newLevels(state, more, true);
  if (added.length > 0) {
    ctx.emit({
      type: 'info',
      suite: suite.name,
      message: `levels N = ${added.map((l) => l.n).join(', ')} added near the knee of the first fit`,
    });
    await sweepRounds(suite, stepper, unit, added, order, ctx);
  }
  return { suite: suite.name, command: stepper.label, unit, levels: sorted(state), order };
}

/** The levels of `ns` not in `state` yet, added to it (whole numbers ≥ 1, each once, ascending). */
function newLevels(state: Map<number, ScalingLevel>, ns: readonly number[], added: boolean): ScalingLevel[] {
  const fresh = [...new Set(ns)].filter((n) => Number.isInteger(n) && n >= 1 && !state.has(n)).sort((a, b) => a - b);
  return fresh.map((n) => {
    const level: ScalingLevel = { n, throughputs: [], wallNs: [], units: [], metrics: {}, ...(added && { added }) };
    state.set(n, level);
    return level;
  });
}

function sorted(state: Map<number, ScalingLevel>): ScalingLevel[] {
  return [...state.values()].sort((a, b) => a.n - b.n);
}

/** Warm-up and timed rounds over `levels`, interleaved (every other round reversed). */
async function sweepRounds(
  suite: ScalingSuite,
  stepper: Stepper,
  unit: string,
  levels: ScalingLevel[],
  order: number[],
  ctx: RunnerContext,
): Promise<void> {
  const repeats = suite.repeats ?? SCALING_DEFAULTS.repeats;
  const warmup = suite.warmup ?? SCALING_DEFAULTS.warmup;
  const work = suite.work ?? stepper.defaults.work ?? SCALING_DEFAULTS.work;
  const perWorker = suite.workPerWorker ?? stepper.defaults.workPerWorker ?? false;
  for (let round = 0; round < warmup + repeats; round++) {
    const timed = round >= warmup;
    const k = timed ? round - warmup : round;
    for (const level of k % 2 === 0 ? levels : [...levels].reverse()) {
      if (level.error !== undefined) continue;
      const r = await stepper.step(level.n);
      if ('error' in r) {
        level.error = r.error;
        ctx.emit({ type: 'error', suite: suite.name, task: `N=${level.n}`, message: r.error });
        continue;
      }
      if (!timed) continue;
      const units = stepUnits(r, level.n, work, perWorker);
      level.wallNs.push(r.wallNs);
      level.units.push(units);
      level.throughputs.push(units / r.seconds);
      for (const [name, v] of Object.entries(r.metrics)) (level.metrics[name] ??= []).push(v);
      order.push(level.n);
      const i = level.throughputs.length;
      ctx.emit({
        type: 'info',
        suite: suite.name,
        message: `N = ${level.n}, run ${i}/${repeats}: ${level.throughputs[i - 1]!.toPrecision(4)} ${unit}/s`,
      });
    }
  }
}

/**
 * A scaling suite swept as one progress group like any suite; a suite that cannot run at all (its
 * tinybench file missing or broken) becomes an error instead.
 */
export async function sweepSuite(suite: ScalingSuite, ctx: RunnerContext, options: SweepOptions): Promise<ScalingSweep | RunError> {
  const started = performance.now();
  ctx.emit({ type: 'suite-start', suite: suite.name, kind: suite.tinybench !== undefined ? 'tinybench' : 'command' });
  const done = (benchmarks: number, errors: number) =>
    ctx.emit({ type: 'suite-done', suite: suite.name, benchmarks, errors, durationMs: performance.now() - started });
  try {
    const sweep = await runScalingSuite(suite, ctx, options);
    const errors = sweep.levels.filter((l) => l.error !== undefined).length;
    done(sweep.levels.length - errors, errors);
    return sweep;
  } catch (e) {
    if (!isUserError(e)) throw e;
    const error: RunError = { suite: suite.name, message: e.message };
    ctx.emit({ type: 'error', ...error });
    done(0, 1);
    return error;
  }
}

/** A scaling suite swept inside a benchmark run, kept as the run file keeps it (the raw throughputs per level). */
export async function runScalingRecord(suite: ScalingSuite, ctx: RunnerContext, options: SweepOptions): Promise<ScalingRecord | RunError> {
  const sweep = await sweepSuite(suite, ctx, options);
  return 'levels' in sweep ? sweepRecord(sweep) : sweep;
}

/** The run file's record of a sweep: per level its throughputs, its other metrics and its error. */
export function sweepRecord(sweep: ScalingSweep): ScalingRecord {
  return {
    suite: sweep.suite,
    command: sweep.command,
    unit: sweep.unit,
    levels: sweep.levels.map((l) => ({
      n: l.n,
      throughputs: l.throughputs,
      ...(Object.keys(l.metrics).length > 0 && { metrics: l.metrics }),
      ...(l.error !== undefined && { error: l.error }),
      ...(l.added && { added: true }),
    })),
  };
}
