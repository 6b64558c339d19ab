import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BenchError } from '../errors.js';
import type { CommandSuite } from '../config/types.js';
import type { RunError } from '../types.js';
import { childEnv } from './child-env.js';
import { commandResult, type CommandRun, type RusageMethod } from './command-result.js';
import { GNU_TIME, GNU_TIME_FORMAT, hasGnuTime, parseGnuTime } from './gnu-time.js';
import { describeExit, spawnCapture, type SpawnOptions } from './process.js';
import { describeStderr } from './tail.js';
import { quote, type RunnerContext, type SuiteOutcome } from './types.js';

/** Defaults: 10 timed runs after 1 warm-up run, 10 minutes per run at most. */
export const COMMAND_DEFAULTS = { runs: 10, warmup: 1, timeout: 600_000 } as const;

/**
 * Times each command of a suite as a real process through `/bin/sh -c`: `warmup` untimed runs,
 * then `runs` timed ones. A failing command becomes an error of its task (naming the command,
 * with the end of its stderr) and the suite's other commands still run — unless the suite sets
 * `allowFailures`, which records `successRate` instead.
 */
export async function runCommandSuite(suite: CommandSuite, ctx: RunnerContext): Promise<SuiteOutcome> {
  const method: RusageMethod = (await hasGnuTime()) ? 'gnu-time' : 'none';
  ctx.emit({
    type: 'info',
    suite: suite.name,
    message:
      method === 'gnu-time'
        ? `CPU time and peak RSS measured with GNU time (${GNU_TIME}).`
        : `GNU time (${GNU_TIME}) not found: only wall time is measured. Install the 'time' package for CPU time and peak RSS.`,
  });
  const commands = typeof suite.command === 'string' ? { [suite.name]: suite.command } : suite.command;
  const outcome: SuiteOutcome = { benchmarks: [], errors: [] };
  const tmp = await mkdtemp(join(tmpdir(), 'tp-time-'));
  try {
    for (const [name, command] of Object.entries(commands)) {
      try {
        const { runs, error } = await timeCommand(suite, command, method, join(tmp, 'rusage'), ctx.cwd);
        const benchmark = commandResult(suite.name, name, runs, method, suite.allowFailures === true);
        outcome.benchmarks.push(benchmark);
        ctx.emit({ type: 'task-done', suite: suite.name, task: name, benchmark });
        if (error) report(outcome, ctx, { suite: suite.name, task: name, message: error });
      } catch (e) {
        if (!(e instanceof BenchError)) throw e;
        report(outcome, ctx, { suite: suite.name, task: name, message: e.message });
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return outcome;
}

function report(outcome: SuiteOutcome, ctx: RunnerContext, error: RunError): void {
  outcome.errors.push(error);
  ctx.emit({ type: 'error', ...error });
}

/**
 * Warm-up and timed runs of one command. Throws BenchError on the first failed run unless
 * failures are allowed; then returns an `error` only when no run succeeded.
 */
async function timeCommand(
  suite: CommandSuite,
  command: string,
  method: RusageMethod,
  rusageFile: string,
  projectCwd: string,
): Promise<{ runs: CommandRun[]; error?: string }> {
  const runs = Math.max(1, suite.runs ?? COMMAND_DEFAULTS.runs);
  const warmup = Math.max(0, suite.warmup ?? COMMAND_DEFAULTS.warmup);
  const timeoutMs = suite.timeout ?? COMMAND_DEFAULTS.timeout;
  const options: SpawnOptions = {
    cwd: suite.cwd ? resolve(projectCwd, suite.cwd) : projectCwd,
    env: childEnv(process.env, suite.env),
    timeoutMs,
  };
  const allow = suite.allowFailures === true;
  const timed: CommandRun[] = [];
  let lastFailure = '';
  for (let i = 0; i < warmup + runs; i++) {
    const file = method === 'gnu-time' ? GNU_TIME : '/bin/sh';
    const args =
      method === 'gnu-time' ? ['-f', GNU_TIME_FORMAT, '-o', rusageFile, '/bin/sh', '-c', command] : ['-c', command];
    const o = await spawnCapture(file, args, options);
    const ok = o.code === 0 && !o.timedOut;
    if (!ok) {
      lastFailure = failure(suite.name, command, describeExit(o, timeoutMs), o.stderrTail, i < warmup);
      if (!allow) throw new BenchError(lastFailure, suite.name);
    }
    if (i < warmup) continue;
    const rusage = method === 'gnu-time' ? parseGnuTime(await readFile(rusageFile, 'utf8').catch(() => '')) : undefined;
    timed.push(rusage ? { ok, wallNs: o.wallNs, rusage } : { ok, wallNs: o.wallNs });
  }
  if (timed.some((r) => r.ok)) return { runs: timed };
  return { runs: timed, error: `All ${runs} runs failed; the recorded times are of failed runs. Last failure: ${lastFailure}` };
}

function failure(suite: string, command: string, how: string, stderrTail: string, warmup: boolean): string {
  const which = warmup ? 'a warm-up run of ' : '';
  // GNU time reports a signal death as "Command terminated by signal N" on its own output file,
  // and as exit status 128+N; the shell's own stderr is what helps the user.
  return `Suite ${quote(suite)}: ${which}command ${quote(command)} ${how}.${describeStderr(stderrTail)}`;
}
