import { nodeChildProcess } from '../model/node-lazy.js';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BenchError, isUserError } from '../model/errors.js';
import type { TinybenchSuite } from '../config/types.js';
import type { BenchmarkResult, RunError } from '../model/index.js';
import { childEnv } from './child-env.js';
import { describeExit } from './process.js';
import { describeStderr, TailBuffer } from './tail.js';
import { customMetric, metricBenchmark, taskBenchmark } from './tinybench-result.js';
import { quote, type RunnerContext, type Side, type SuiteOutcome } from './types.js';
import { workerLaunch } from './worker-launch.js';
import type { WorkerMessage, WorkerRequest } from './worker-protocol.js';

/**
 * Per-task defaults: 1 s of wall time measured in 5 interleaved passes of 200 ms after 200 ms
 * of warm-up, at least 10 (5) iterations and at most 100 000 per phase, so a 20-task suite of
 * fast functions takes about 25 s. At most 2000 samples (evenly spaced quantiles of all of
 * them) are kept per task.
 */
export const TINYBENCH_DEFAULTS = {
  time: 1000,
  iterations: 10,
  warmupTime: 200,
  warmupIterations: 5,
  passes: 5,
  /**
   * Passes in an in-process A/B unless the suite sets `passes`: base and head copies of a task
   * alternate every pass, and the finer the alternation, the more of the machine's bursts they
   * share (a check of 8 A/A processes on the corpus workloads: pair noise 0.2–9.5% with 20
   * passes, 0.8–24% with 5; 40 passes did no better than 20).
   */
  abPasses: 20,
  maxIterations: 100_000,
  maxSamples: 2000,
  /** A worker that sends nothing for this long (a task stuck in a loop) is killed. */
  stallMs: 600_000,
} as const;

/**
 * Runs one suite file in its own Node process (so its JIT state or a crash stays there). Tasks
 * that throw become errors of their own; a crash keeps the tasks finished before it and reports
 * the suite, the task it was running and the end of its stderr.
 */
export async function runTinybenchSuite(
  suite: TinybenchSuite,
  ctx: RunnerContext,
  stallMs: number = TINYBENCH_DEFAULTS.stallMs,
): Promise<SuiteOutcome> {
  const file = await suiteFile(suite, ctx);
  return (await runWorkerProcess(suite, { head: { ctx, file } }, false, stallMs)).head;
}

/**
 * In-process A/B: the base tree's and the head tree's copies of the suite in one worker, each
 * task measured back to back with its counterpart (see worker-run.ts). When one tree lacks the
 * suite file, that side gets the error and the other is measured alone.
 */
export async function runTinybenchPair(
  suite: TinybenchSuite,
  ctx: Record<Side, RunnerContext>,
  baseFirst: boolean,
  stallMs: number = TINYBENCH_DEFAULTS.stallMs,
): Promise<Record<Side, SuiteOutcome>> {
  const [head, base] = await Promise.allSettled([suiteFile(suite, ctx.head), suiteFile(suite, ctx.base)]);
  if (head.status === 'fulfilled' && base.status === 'fulfilled') {
    return runWorkerProcess(
      suite,
      { head: { ctx: ctx.head, file: head.value }, base: { ctx: ctx.base, file: base.value } },
      baseFirst,
      stallMs,
    );
  }
  const alone = async (side: Side): Promise<SuiteOutcome> => {
    const found = side === 'head' ? head : base;
    if (found.status === 'rejected') return failed(suite, ctx[side], found.reason);
    return (await runWorkerProcess(suite, { head: { ctx: ctx[side], file: found.value } }, false, stallMs)).head;
  };
  return { base: await alone('base'), head: await alone('head') };
}

/** The suite file's absolute path, or a BenchError saying it is missing. */
export async function suiteFile(suite: Pick<TinybenchSuite, 'name' | 'tinybench'>, ctx: RunnerContext): Promise<string> {
  const file = resolve(ctx.cwd, suite.tinybench);
  try {
    await access(file);
  } catch {
    throw new BenchError(
      `Suite ${quote(suite.name)}: tinybench file ${quote(suite.tinybench)} not found at ${file}. Check "tinybench" in the config.`,
      suite.name,
    );
  }
  return file;
}

/** How to start the worker on `file`, or a BenchError when its TypeScript has no loader. */
export function launchWorker(suite: Pick<TinybenchSuite, 'name' | 'tinybench'>, file: string, ctx: RunnerContext) {
  const launch = workerLaunch(file, ctx.cwd);
  if ('missingLoader' in launch) {
    throw new BenchError(
      `Suite ${quote(suite.name)}: ${quote(suite.tinybench)} is TypeScript and Node ${process.version} cannot run TypeScript by itself (Node ≥ 22.18 can). Install tsx in the project (npm install --save-dev tsx) or use a newer Node.`,
      suite.name,
    );
  }
  if (launch.typescript) ctx.emit({ type: 'info', suite: suite.name, message: `TypeScript handled by ${launch.typescript}.` });
  return launch;
}

/** A side that could not run: its error as the outcome (a bug is rethrown). */
function failed(suite: TinybenchSuite, ctx: RunnerContext, e: unknown): SuiteOutcome {
  if (!isUserError(e)) throw e;
  const error: RunError = { suite: suite.name, message: e.message };
  ctx.emit({ type: 'error', ...error });
  return { benchmarks: [], errors: [error] };
}

interface Copy {
  ctx: RunnerContext;
  file: string;
}

/** How a counting worker runs (tinybench-count.ts): under Valgrind, its counts read by `counted`. */
export interface Counting {
  /** The measure's name, for the progress events. */
  measure: string;
  /** Valgrind and its arguments, before Node. */
  valgrind: string;
  valgrindArgs: string[];
  nodeFlags: readonly string[];
  count: NonNullable<WorkerRequest['count']>;
  /** The benchmark of a counted task (or an error), read from Valgrind's dump. */
  counted: (m: CountedMessage) => BenchmarkResult | { error: string };
}

type CountedMessage = Extract<WorkerMessage, { type: 'counted' }>;

/** Runs one suite file in a worker under Valgrind, counting (see worker-count.ts). */
export async function runCountingWorker(
  suite: TinybenchSuite,
  ctx: RunnerContext,
  file: string,
  counting: Counting,
  stallMs: number = TINYBENCH_DEFAULTS.stallMs,
): Promise<SuiteOutcome> {
  return (await runWorkerProcess(suite, { head: { ctx, file } }, false, stallMs, counting)).head;
}

/** Runs the worker on the head copy (and the base copy, if given) and collects each side's outcome. */
async function runWorkerProcess(
  suite: TinybenchSuite,
  copies: { head: Copy; base?: Copy },
  baseFirst: boolean,
  stallMs: number,
  counting?: Counting,
): Promise<Record<Side, SuiteOutcome>> {
  const { head, base } = copies;
  const launch = launchWorker(suite, head.file, head.ctx);
  const request: WorkerRequest = {
    file: head.file,
    time: suite.time ?? TINYBENCH_DEFAULTS.time,
    iterations: suite.iterations ?? TINYBENCH_DEFAULTS.iterations,
    warmupTime: suite.warmupTime ?? TINYBENCH_DEFAULTS.warmupTime,
    warmupIterations: suite.warmupIterations ?? TINYBENCH_DEFAULTS.warmupIterations,
    passes: suite.passes ?? (base ? TINYBENCH_DEFAULTS.abPasses : TINYBENCH_DEFAULTS.passes),
    maxIterations: Math.max(TINYBENCH_DEFAULTS.maxIterations, suite.iterations ?? 0),
    maxSamples: TINYBENCH_DEFAULTS.maxSamples,
    ...(base && { base: { file: base.file, cwd: base.ctx.cwd }, baseFirst }),
    ...(counting && { count: counting.count }),
  };
  const shared = base !== undefined;
  const collectors: { head: Collector; base?: Collector } = {
    head: new Collector(suite, head.ctx, shared, counting?.counted, counting?.measure),
    ...(base && { base: new Collector(suite, base.ctx, shared) }),
  };
  const stderr = new TailBuffer();
  const child = nodeChildProcess().fork(launch.script, [JSON.stringify(request)], {
    cwd: head.ctx.cwd,
    // Under Valgrind: fork runs `valgrind <its args> node <flags> <loader> worker`, and the IPC
    // channel's descriptor passes through Valgrind to Node.
    ...(counting
      ? { execPath: counting.valgrind, execArgv: [...counting.valgrindArgs, process.execPath, ...counting.nodeFlags, ...launch.execArgv] }
      : { execArgv: launch.execArgv }),
    env: childEnv(),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  child.stderr!.on('data', (c: Buffer) => stderr.push(c));
  let stalled = false;
  let watchdog: NodeJS.Timeout | undefined;
  const rearm = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      stalled = true;
      child.kill('SIGKILL');
    }, stallMs);
  };
  rearm();
  child.on('message', (m) => {
    rearm();
    const message = m as WorkerMessage;
    if (message.type === 'done') for (const c of Object.values(collectors)) c.accept(message);
    else collectors[message.side ?? 'head']?.accept(message);
  });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.on('error', (e) => {
      stderr.push(`${e.message}\n`);
      done({ code: 127, signal: null });
    });
    child.on('close', (code, signal) => done({ code, signal }));
  });
  clearTimeout(watchdog);
  const how = stalled ? `made no progress for ${stallMs / 1000} s and was killed` : describeExit({ ...exit, timedOut: false });
  const finish = (collector: Collector, ctx: RunnerContext): SuiteOutcome => {
    try {
      return collector.finish(how, stderr.lines());
    } catch (e) {
      // In an A/B one side's suite file may fail to load while the other's works.
      if (!base) throw e;
      return failed(suite, ctx, e);
    }
  };
  return {
    head: finish(collectors.head, head.ctx),
    base: collectors.base && base ? finish(collectors.base, base.ctx) : { benchmarks: [], errors: [] },
  };
}

/** Turns the worker's messages into benchmarks and errors as they arrive. */
class Collector {
  private readonly benchmarks: BenchmarkResult[] = [];
  private readonly errors: RunError[] = [];
  private tasks: string[] = [];
  private finished = 0;
  private failed = 0;
  /** Counted benchmarks by task name (their own names carry the measure). */
  private readonly countedOf = new Map<string, BenchmarkResult>();
  private current: string | undefined;
  /** When the tasks were registered (start-up under Valgrind is over), for the counting ETA. */
  private registeredAt = 0;
  private fatal: string | undefined;
  private done = false;

  constructor(
    private readonly suite: TinybenchSuite,
    private readonly ctx: RunnerContext,
    /** Two copies share the process (in-process A/B): its heap is theirs together, so no `heapUsed`. */
    private readonly sharedHeap = false,
    private readonly counted?: Counting['counted'],
    private readonly measure?: string,
  ) {}

  accept(m: WorkerMessage): void {
    const suite = this.suite.name;
    switch (m.type) {
      case 'registered':
        this.tasks = m.tasks;
        this.registeredAt = performance.now();
        return;
      case 'task-start':
        this.current = m.task;
        return;
      case 'task':
        this.current = undefined;
        this.finished++;
        return this.add(taskBenchmark(suite, m, !this.sharedHeap));
      case 'counted': {
        this.current = undefined;
        this.finished++;
        const b = this.counted?.(m) ?? { error: 'counts arrived from a worker that was not counting' };
        if ('error' in b) this.error(m.task, `Suite ${quote(suite)}: task ${quote(m.task)}: ${b.error}`);
        else {
          this.countedOf.set(m.task, b);
          this.add(b);
        }
        return this.countProgress(this.finished + this.failed);
      }
      case 'task-error':
        this.current = undefined;
        this.failed++;
        this.error(m.task, `Suite ${quote(suite)}: task ${quote(m.task)} threw ${m.message}`);
        return this.countProgress(this.finished + this.failed);
      case 'metric': {
        if (m.task === undefined) return this.add(metricBenchmark(suite, m));
        const owner = this.countedOf.get(m.task) ?? this.benchmarks.find((b) => b.suite === suite && b.name === m.task);
        if (owner) owner.metrics = { ...owner.metrics, [m.name]: customMetric(m) };
        else this.error(m.name, `Suite ${quote(suite)}: metric ${quote(m.name)} is for task ${quote(m.task)}, which has no result.`);
        return;
      }
      case 'metric-error':
        return this.error(m.name, `Suite ${quote(suite)}: metric ${quote(m.name)} could not be computed: ${m.message}`);
      case 'fatal':
        this.fatal = m.message;
        return;
      case 'done':
        this.done = true;
        return;
    }
  }

  /** `how` the process ended, in words ("exited with code 3"). */
  finish(how: string, stderrTail: string): SuiteOutcome {
    const { name, tinybench } = this.suite;
    if (this.fatal !== undefined) {
      throw new BenchError(`Suite ${quote(name)}: suite file ${quote(tinybench)} could not be used: ${this.fatal}`, name);
    }
    if (!this.done) {
      const finished = this.finished;
      const where = this.current === undefined ? '' : ` while running task ${quote(this.current)}`;
      const progress =
        this.tasks.length > 0 ? ` (${finished} of ${this.tasks.length} tasks had finished)` : ' before registering its tasks';
      this.error(this.current, `Suite ${quote(name)}: its process ${how}${where}${progress}.${describeStderr(stderrTail)}`);
    }
    return { benchmarks: this.benchmarks, errors: this.errors };
  }

  /** Under Valgrind: tasks done so far and the time left at the pace of the tasks done. */
  private countProgress(done: number): void {
    if (!this.measure || this.tasks.length === 0) return;
    const elapsedMs = performance.now() - this.registeredAt;
    const total = this.tasks.length;
    const etaMs = done > 0 ? (elapsedMs / done) * Math.max(0, total - done) : 0;
    this.ctx.emit({ type: 'count-progress', suite: this.suite.name, measure: this.measure, done, total, elapsedMs, etaMs });
  }

  private add(benchmark: BenchmarkResult): void {
    this.benchmarks.push(benchmark);
    this.ctx.emit({ type: 'task-done', suite: this.suite.name, task: benchmark.name, benchmark });
  }

  private error(task: string | undefined, message: string): void {
    const e: RunError = task === undefined ? { suite: this.suite.name, message } : { suite: this.suite.name, task, message };
    this.errors.push(e);
    this.ctx.emit({ type: 'error', ...e });
  }
}
