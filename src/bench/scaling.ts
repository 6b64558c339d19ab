import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScalingSuite } from '../config/types.js';
import type { ScalingRecord } from '../model/index.js';
import { runCommandSuite, COMMAND_DEFAULTS } from './command.js';
import { quote, type RunnerContext } from './types.js';

/** Defaults of a scaling suite (the schema states the same). */
export const SCALING_DEFAULTS = { repeats: 3, warmup: 1, work: 1, unit: 'runs', timeout: COMMAND_DEFAULTS.timeout } as const;

/**
 * The environment variable naming the file a run may write `{"units": …, "seconds": …, "metric": …}`
 * to: the work it did, the time its work took by its own clock (to leave out start-up), and
 * other numbers (accuracy, errors, …) kept per level.
 */
export const METRICS_ENV = 'TRACK_PERFORMANCE_METRICS';

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

/**
 * Runs a sweep through the command runner, one invocation per step: `warmup` untimed rounds,
 * then `repeats` timed rounds over the levels, every other round in reverse so that a linear
 * drift of the machine (a neighbour's load ramping up, thermal throttling) shifts every level
 * alike instead of bending the curve. A level whose run fails stops there; the others go on.
 */
export async function runScalingSuite(suite: ScalingSuite, levels: readonly number[], ctx: RunnerContext): Promise<ScalingSweep> {
  const repeats = suite.repeats ?? SCALING_DEFAULTS.repeats;
  const warmup = suite.warmup ?? SCALING_DEFAULTS.warmup;
  const unit = suite.unit ?? SCALING_DEFAULTS.unit;
  const sorted = [...new Set(levels)].sort((a, b) => a - b);
  const state = new Map<number, ScalingLevel>(sorted.map((n) => [n, { n, throughputs: [], wallNs: [], units: [], metrics: {} }]));
  const order: number[] = [];
  const tmp = await mkdtemp(join(tmpdir(), 'tp-scaling-'));
  try {
    for (let round = 0; round < warmup + repeats; round++) {
      const timed = round >= warmup;
      const k = timed ? round - warmup : round;
      for (const n of k % 2 === 0 ? sorted : [...sorted].reverse()) {
        const level = state.get(n)!;
        if (level.error !== undefined) continue;
        await step(suite, level, timed, join(tmp, 'metrics.json'), ctx);
        if (!timed || level.error !== undefined) continue;
        order.push(n);
        const i = level.throughputs.length - 1;
        ctx.emit({
          type: 'info',
          suite: suite.name,
          message: `N = ${n}, run ${i + 1}/${repeats}: ${level.throughputs[i]!.toPrecision(4)} ${unit}/s`,
        });
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return { suite: suite.name, command: suite.command, unit, levels: sorted.map((n) => state.get(n)!), order };
}

/** One invocation at one level, through runCommandSuite (one run, no warm-up of its own). */
async function step(suite: ScalingSuite, level: ScalingLevel, timed: boolean, metricsFile: string, ctx: RunnerContext): Promise<void> {
  const command = suite.command.replaceAll('{N}', String(level.n));
  await rm(metricsFile, { force: true });
  const outcome = await runCommandSuite(
    {
      name: suite.name,
      command: { [`N=${level.n}`]: command },
      runs: 1,
      warmup: 0,
      ...(suite.cwd && { cwd: suite.cwd }),
      env: { ...suite.env, [METRICS_ENV]: metricsFile },
      timeout: suite.timeout ?? SCALING_DEFAULTS.timeout,
    },
    // The per-invocation chatter (GNU time found, task done) would repeat for every run.
    { cwd: ctx.cwd, emit: () => undefined },
  );
  const error = outcome.errors[0];
  if (error) {
    level.error = error.message;
    ctx.emit({ type: 'error', suite: suite.name, task: `N=${level.n}`, message: error.message });
    return;
  }
  if (!timed) return;
  const wallNs = outcome.benchmarks[0]!.samples![0]!;
  const written = await readMetrics(metricsFile, suite.name, command);
  if (typeof written === 'string') {
    level.error = written;
    ctx.emit({ type: 'error', suite: suite.name, task: `N=${level.n}`, message: written });
    return;
  }
  const work = suite.work ?? SCALING_DEFAULTS.work;
  const units = written.units ?? (suite.workPerWorker ? work * level.n : work);
  const seconds = written.seconds ?? wallNs / 1e9;
  level.wallNs.push(wallNs);
  level.units.push(units);
  level.throughputs.push(units / seconds);
  for (const [k, v] of Object.entries(written.metrics)) (level.metrics[k] ??= []).push(v);
}

/** The metrics file a run wrote, if any: `units` and other numbers; a message when it is malformed. */
async function readMetrics(
  file: string,
  suite: string,
  command: string,
): Promise<{ units?: number; seconds?: number; metrics: Record<string, number> } | string> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { metrics: {} };
  const bad = (why: string) =>
    `Suite ${quote(suite)}: command ${quote(command)} wrote ${quote(text.slice(0, 200))} to $${METRICS_ENV}, ${why}; expected a JSON object of numbers such as {"units": 120, "accuracy": 0.97}.`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad('which is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return bad('which is not an object');
  const metrics: Record<string, number> = {};
  const own: { units?: number; seconds?: number } = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return bad(`whose ${quote(k)} is not a number`);
    if (k === 'units' || k === 'seconds') {
      if (!(v > 0)) return bad(`whose ${quote(k)} is not above 0`);
      own[k] = v;
    } else metrics[k] = v;
  }
  return { ...own, metrics };
}

/**
 * A scaling suite swept at its levels (default {@link defaultLevels}) inside a benchmark run, one
 * progress group like any suite, kept as the run file keeps it: the raw throughputs per level.
 */
export async function runScalingRecord(suite: ScalingSuite, cores: number, ctx: RunnerContext): Promise<ScalingRecord> {
  const started = performance.now();
  ctx.emit({ type: 'suite-start', suite: suite.name, kind: 'command' });
  const sweep = await runScalingSuite(suite, suite.levels ?? defaultLevels(cores), ctx);
  const errors = sweep.levels.filter((l) => l.error !== undefined).length;
  ctx.emit({
    type: 'suite-done',
    suite: suite.name,
    benchmarks: sweep.levels.length - errors,
    errors,
    durationMs: performance.now() - started,
  });
  return sweepRecord(sweep);
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
    })),
  };
}
