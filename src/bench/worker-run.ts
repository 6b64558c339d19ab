import { pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import type { SuiteFunction } from '../suite.js';
import { metricSamples, Registrar, type RegisteredTask } from './registrar.js';
import { SuiteUsageError } from '../model/errors.js';
import { summarize } from '../model/summarize.js';
import type { SideTag, WorkerMessage, WorkerRequest } from './worker-protocol.js';

export type Send = (m: WorkerMessage) => Promise<void>;

/** One loaded copy of the suite: the head's (or the only one), or the base tree's in an A/B. */
export interface Copy {
  tag: SideTag;
  cwd: string;
  registrar: Registrar;
  /** Samples so far per task; a task that throws is dropped. */
  samples: Map<string, number[]>;
}

/**
 * The worker's whole job: load the suite file, let it register, run each task in its own
 * tinybench Bench (so a throwing task cannot stop the others) in `passes` interleaved passes,
 * then compute the metrics.
 *
 * With `req.base` it is an in-process A/B: the base tree's copy of the suite is loaded too (its
 * own module instances), and in every pass each task of the one copy is measured right before or
 * after the same task of the other, the order flipping every pass. The two copies then share the
 * process, its JIT and GC and the machine's bursts, which separate processes do not: on the
 * accuracy corpus this cut the pair noise several-fold (README, "Accuracy, measured").
 *
 * Every outcome is a message; only a crash of the process goes unreported (the parent sees it).
 */
export async function runWorker(req: WorkerRequest, send: Send): Promise<void> {
  const head = await load(req.file, process.cwd(), {}, send);
  const base = req.base ? await load(req.base.file, req.base.cwd, { side: 'base' }, send) : undefined;
  const copies = [head, base].filter((c): c is Copy => c !== undefined);
  // Every task name, the head's order first: a task on one side only is measured alone.
  const names = [...new Set(copies.flatMap((c) => c.registrar.tasks.map((t) => t.name)))];
  // Interleaved passes: each pass measures every task for its share of the time, so a task's
  // samples spread over the whole run and a burst of contention cannot cover all of them.
  const passes = Math.max(1, Math.floor(req.passes));
  for (let pass = 0; pass < passes; pass++) {
    const baseGoesFirst = (pass % 2 === 0) === Boolean(req.baseFirst);
    const order = baseGoesFirst ? [...copies].reverse() : copies;
    for (const name of names) for (const copy of order) await measureInCopy(copy, name, req, pass, passes, send);
  }
  for (const copy of copies) await sendMetrics(copy, send);
  await send({ type: 'done' });
}

/** Imports and registers one copy of the suite, or reports why it cannot (undefined). */
export async function load(file: string, cwd: string, tag: SideTag, send: Send): Promise<Copy | undefined> {
  let registrar: Registrar;
  try {
    registrar = await register(file, cwd);
  } catch (e) {
    await send({ type: 'fatal', message: describe(e), ...tag });
    return undefined;
  }
  if (registrar.tasks.length === 0 && registrar.metrics.length === 0) {
    const sweeps = registrar.scalingTasks.map((t) => JSON.stringify(t.name)).join(', ');
    const message = sweeps
      ? `it registered only scaling tasks (${sweeps}): list the file under "scaling" in the config ({ "name": …, "tinybench": …, "task": … }) to sweep them`
      : 'it registered no task and no metric (call suite.add(name, fn) in the default export)';
    await send({ type: 'fatal', message, ...tag });
    return undefined;
  }
  await send({ type: 'registered', tasks: registrar.tasks.map((t) => t.name), metrics: registrar.metrics.map((m) => m.name), ...tag });
  return { tag, cwd, registrar, samples: new Map(registrar.tasks.map((t) => [t.name, []])) };
}

/** Imports the suite file in `cwd` and lets its default export register (throws what goes wrong). */
export async function register(file: string, cwd: string): Promise<Registrar> {
  const registrar = new Registrar();
  enter(cwd);
  // Not a literal: the bundler leaves it a runtime import of the user's file.
  const fn = suiteFunction(await import(pathToFileURL(file).href));
  await fn(registrar);
  return registrar;
}

/** One pass of task `name` in one copy (if it has the task and it has not thrown). */
async function measureInCopy(copy: Copy, name: string, req: WorkerRequest, pass: number, passes: number, send: Send): Promise<void> {
  const task = copy.registrar.tasks.find((t) => t.name === name);
  const sofar = copy.samples.get(name);
  if (!task || !sofar) return;
  enter(copy.cwd);
  await send({ type: 'task-start', task: name, ...copy.tag });
  const r = await measureTask(task, req, pass, passes);
  if ('error' in r) {
    copy.samples.delete(name);
    await send({ type: 'task-error', task: name, message: r.error, ...copy.tag });
    return;
  }
  for (const x of r.samples) sofar.push(x);
  if (pass === passes - 1) await send({ ...taskMessage(name, sofar, r.heapUsed, req.maxSamples), ...copy.tag });
}

export async function sendMetrics(copy: Copy, send: Send): Promise<void> {
  enter(copy.cwd);
  for (const m of copy.registrar.metrics) {
    try {
      const samples = await metricSamples(m.value);
      const { unit = '', direction = 'bigger', task } = m.options;
      await send({ type: 'metric', name: m.name, samples, unit, direction, ...(task === undefined ? {} : { task }), ...copy.tag });
    } catch (e) {
      await send({ type: 'metric-error', name: m.name, message: describe(e), ...copy.tag });
    }
  }
}

/** Each copy runs in its own tree, as it would in a process of its own (relative paths, fixtures). */
export function enter(cwd: string): void {
  if (process.cwd() !== cwd) process.chdir(cwd);
}

/** The suite function from a module namespace: ESM default, CJS `module.exports`, or TS-to-CJS `default.default`. */
function suiteFunction(mod: Record<string, unknown>): SuiteFunction {
  let candidate = mod.default;
  if (candidate && typeof candidate === 'object' && 'default' in candidate) candidate = (candidate as { default: unknown }).default;
  if (typeof candidate !== 'function') {
    throw new SuiteUsageError(
      `it must default-export a function that registers tasks, e.g. \`export default (suite) => { suite.add('my task', () => work()); }\`; its default export is ${candidate === undefined ? 'missing' : typeof candidate}`,
    );
  }
  return candidate as SuiteFunction;
}

/** A task's message from all its samples (ns, any order). */
function taskMessage(task: string, samples: number[], heapUsed: number, maxSamples: number): Extract<WorkerMessage, { type: 'task' }> {
  const sorted = samples.sort((a, b) => a - b);
  return { type: 'task', task, samples: thin(sorted, maxSamples).map(round), stats: summarize(sorted), heapUsed };
}

/**
 * One pass of one task in its own tinybench Bench: `1/passes` of the time, iterations and
 * iteration cap; the full warm-up in the first pass, then `1/passes` of the warm-up iterations,
 * rounded up (the JIT is warm by then, the caches are not).
 */
async function measureTask(
  task: RegisteredTask,
  req: WorkerRequest,
  pass: number,
  passes: number,
): Promise<{ samples: number[]; heapUsed: number } | { error: string }> {
  const bench = new Bench({
    time: req.time / passes,
    iterations: Math.ceil(req.iterations / passes),
    warmupTime: pass === 0 ? req.warmupTime : 0,
    warmupIterations: pass === 0 ? req.warmupIterations : Math.ceil(req.warmupIterations / passes),
    retainSamples: true,
    throws: false,
  });
  const { beforeAll, beforeEach, afterEach, afterAll } = task.options;
  const clock = wallClockBudget(task.fn, Math.ceil(req.maxIterations / passes));
  let heapUsed = 0;
  bench.add(task.name, clock.fn, {
    beforeAll: async () => {
      if (beforeAll) await beforeAll();
      clock.restart();
    },
    ...(beforeEach && { beforeEach: async () => void (await beforeEach()) }),
    ...(afterEach && { afterEach: async () => void (await afterEach()) }),
    // Heap in use right after the measured iterations, before the user's teardown frees anything.
    afterAll: async (mode) => {
      if (mode !== 'warmup') heapUsed = process.memoryUsage().heapUsed;
      if (afterAll) await afterAll();
    },
  });
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state === 'errored') return { error: describe(result.error) };
  if (result.state !== 'completed' || !result.latency.samples) {
    return { error: `tinybench ended the task in state '${result.state}' without samples` };
  }
  return { samples: result.latency.samples.map((ms) => ms * 1e6), heapUsed };
}

/**
 * tinybench counts its `time` budget as the sum of the timed samples, so a 50 ns task with 2 µs
 * of loop and hook overhead per iteration would run 40 times longer than asked. The wrapper
 * reports each iteration's wall-clock cost through `overriddenIterationCost`, read by a getter
 * after the timed window closes: the budget becomes wall time and the samples stay untouched
 * but for one extra call frame. It also ends a phase after `maxIterations` iterations (once
 * tinybench's minimum is met). The task's own return value is dropped.
 */
export function wallClockBudget(fn: () => unknown, maxIterations: number): { fn: () => unknown; restart: () => void } {
  let last = performance.now();
  let count = 0;
  const cost = {
    get overriddenIterationCost(): number {
      // Past the cap, declare the budget spent: sorting millions of samples costs more than they tell.
      if (++count >= maxIterations) return Number.MAX_VALUE;
      const now = performance.now();
      const spent = now - last;
      last = now;
      return spent;
    },
  };
  return {
    fn: () => {
      const r = fn();
      return isThenable(r) ? r.then(() => cost) : cost;
    },
    restart: () => {
      count = 0;
      last = performance.now();
    },
  };
}

export function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function';
}

/** At most `max` of the sorted samples, evenly spaced by rank: their quantiles match the full set's. */
export function thin(sorted: readonly number[], max: number): number[] {
  if (sorted.length <= max) return [...sorted];
  return Array.from({ length: max }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (max - 1))]!);
}

/** 0.1 ns is far below timer resolution; rounding keeps the run file small. */
function round(ns: number): number {
  return Math.round(ns * 10) / 10;
}

export function describe(e: unknown): string {
  if (e instanceof SuiteUsageError) return e.message;
  if (!(e instanceof Error)) return String(e);
  const frame = e.stack?.split('\n').find((l) => /^\s+at /.test(l) && !l.includes('node:') && !l.includes('tinybench'));
  return `${e.name}: ${e.message}${frame ? ` (${frame.trim()})` : ''}`;
}
