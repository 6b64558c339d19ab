import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CommandSuite } from '../config/types.js';
import type { RunError } from '../model/index.js';
import { childEnv } from './child-env.js';
import { commandResult, type CommandRun, type RusageMethod } from './command-result.js';
import { GNU_TIME, GNU_TIME_FORMAT, hasGnuTime, parseGnuTime } from './gnu-time.js';
import { describeExit, spawnCapture, type SpawnOptions } from './process.js';
import { describeStderr } from './tail.js';
import { quote, type RunnerContext, type Side, type SuiteOutcome } from './types.js';

/** Defaults: 10 timed runs after 1 warm-up run, 10 minutes per run at most. */
export const COMMAND_DEFAULTS = { runs: 10, warmup: 1, timeout: 600_000 } as const;

/**
 * Times each command of a suite as a real process through `/bin/sh -c`: `warmup` untimed runs,
 * then `runs` timed ones. A failing command becomes an error of its task (naming the command,
 * with the end of its stderr) and the suite's other commands still run — unless the suite sets
 * `allowFailures`, which records `successRate` instead.
 */
export async function runCommandSuite(suite: CommandSuite, ctx: RunnerContext): Promise<SuiteOutcome> {
  return (await runCommands(suite, { head: ctx }, false)).head;
}

/**
 * A/B: times each command on both trees, one invocation of each in turn (warm-ups too), the side
 * that goes first flipping every invocation and starting with the base when `baseFirst`. Every
 * invocation is a fresh process either way; what interleaving buys is time: a burst of
 * contention on a shared runner covers both sides' invocations alike instead of one side's run.
 * Each side gets the outcome it would get alone, so a command failing on one tree fails there
 * only.
 */
export async function runCommandPair(
  suite: CommandSuite,
  ctx: Record<Side, RunnerContext>,
  baseFirst: boolean,
): Promise<Record<Side, SuiteOutcome>> {
  return runCommands(suite, ctx, baseFirst) as Promise<Record<Side, SuiteOutcome>>;
}

async function runCommands(
  suite: CommandSuite,
  ctx: { head: RunnerContext; base?: RunnerContext },
  baseFirst: boolean,
): Promise<{ head: SuiteOutcome; base?: SuiteOutcome }> {
  const sides: Side[] = ctx.base ? ['base', 'head'] : ['head'];
  const method: RusageMethod = (await hasGnuTime()) ? 'gnu-time' : 'none';
  for (const side of sides) {
    ctx[side]!.emit({
      type: 'info',
      suite: suite.name,
      message:
        method === 'gnu-time'
          ? `CPU time and peak RSS measured with GNU time (${GNU_TIME}).`
          : `GNU time (${GNU_TIME}) not found: only wall time is measured. Install the 'time' package for CPU time and peak RSS.`,
    });
  }
  const commands = typeof suite.command === 'string' ? { [suite.name]: suite.command } : suite.command;
  const outcomes: { head: SuiteOutcome; base?: SuiteOutcome } = { head: { benchmarks: [], errors: [] } };
  if (ctx.base) outcomes.base = { benchmarks: [], errors: [] };
  const tmp = await mkdtemp(join(tmpdir(), 'tp-time-'));
  try {
    for (const [name, command] of Object.entries(commands)) {
      const timers = sides.map((side) => ({
        side,
        timer: new CommandTimer(suite, command, method, join(tmp, `rusage-${side}`), ctx[side]!.cwd),
      }));
      const total = timers[0]!.timer.total;
      for (let i = 0; i < total; i++) {
        // Flip the order every invocation; with one side, this is just that side.
        const order = (i % 2 === 0) === baseFirst ? timers : [...timers].reverse();
        for (const { timer } of order) await timer.step(i);
      }
      for (const { side, timer } of timers) {
        const outcome = outcomes[side]!;
        const c = ctx[side]!;
        // No runs only after a failure that stopped the command: then the error alone.
        const { runs, error } = timer.result();
        if (runs.length > 0) {
          const benchmark = commandResult(suite.name, name, runs, method, suite.allowFailures === true);
          outcome.benchmarks.push(benchmark);
          c.emit({ type: 'task-done', suite: suite.name, task: name, benchmark });
        }
        if (error) report(outcome, c, { suite: suite.name, task: name, message: error });
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return outcomes;
}

function report(outcome: SuiteOutcome, ctx: RunnerContext, error: RunError): void {
  outcome.errors.push(error);
  ctx.emit({ type: 'error', ...error });
}

/**
 * Warm-up and timed runs of one command in one directory, one invocation per `step`. The first
 * failed run stops it (the error names the command) unless failures are allowed; then it reports
 * an error only when no run succeeded.
 */
class CommandTimer {
  readonly total: number;
  private readonly runs: number;
  private readonly warmup: number;
  private readonly timeoutMs: number;
  private readonly options: SpawnOptions;
  private readonly allow: boolean;
  private readonly timed: CommandRun[] = [];
  private lastFailure = '';
  private stopped: string | undefined;

  constructor(
    private readonly suite: CommandSuite,
    private readonly command: string,
    private readonly method: RusageMethod,
    private readonly rusageFile: string,
    projectCwd: string,
  ) {
    this.runs = Math.max(1, suite.runs ?? COMMAND_DEFAULTS.runs);
    this.warmup = Math.max(0, suite.warmup ?? COMMAND_DEFAULTS.warmup);
    this.total = this.warmup + this.runs;
    this.timeoutMs = suite.timeout ?? COMMAND_DEFAULTS.timeout;
    this.options = {
      cwd: suite.cwd ? resolve(projectCwd, suite.cwd) : projectCwd,
      env: childEnv(process.env, suite.env),
      timeoutMs: this.timeoutMs,
    };
    this.allow = suite.allowFailures === true;
  }

  /** Invocation i (0-based; the first `warmup` are untimed). Nothing once a failure stopped it. */
  async step(i: number): Promise<void> {
    if (this.stopped !== undefined) return;
    const file = this.method === 'gnu-time' ? GNU_TIME : '/bin/sh';
    const args =
      this.method === 'gnu-time' ? ['-f', GNU_TIME_FORMAT, '-o', this.rusageFile, '/bin/sh', '-c', this.command] : ['-c', this.command];
    const o = await spawnCapture(file, args, this.options);
    const ok = o.code === 0 && !o.timedOut;
    if (!ok) {
      this.lastFailure = failure(this.suite.name, this.command, describeExit(o, this.timeoutMs), o.stderrTail, i < this.warmup);
      if (!this.allow) {
        this.stopped = this.lastFailure;
        return;
      }
    }
    if (i < this.warmup) return;
    const rusage = this.method === 'gnu-time' ? parseGnuTime(await readFile(this.rusageFile, 'utf8').catch(() => '')) : undefined;
    this.timed.push(rusage ? { ok, wallNs: o.wallNs, rusage } : { ok, wallNs: o.wallNs });
  }

  /** The timed runs, and the error to report: the stopping failure, or every run having failed. */
  result(): { runs: CommandRun[]; error?: string } {
    if (this.stopped !== undefined) return { runs: [], error: this.stopped };
    if (this.timed.some((r) => r.ok)) return { runs: this.timed };
    return {
      runs: this.timed,
      error: `All ${this.runs} runs failed; the recorded times are of failed runs. Last failure: ${this.lastFailure}`,
    };
  }
}

function failure(suite: string, command: string, how: string, stderrTail: string, warmup: boolean): string {
  const which = warmup ? 'a warm-up run of ' : '';
  // GNU time reports a signal death as "Command terminated by signal N" on its own output file,
  // and as exit status 128+N; the shell's own stderr is what helps the user.
  return `Suite ${quote(suite)}: ${which}command ${quote(command)} ${how}.${describeStderr(stderrTail)}`;
}
