import { nodeChildProcess } from '../model/node-lazy.js';
import { resolve } from 'node:path';
import type { ScalingSuite } from '../config/types.js';
import { BenchError } from '../model/errors.js';
import { childEnv } from './child-env.js';
import { describeExit } from './process.js';
import type { StepResult, Stepper } from './scaling-step.js';
import { describeStderr, TailBuffer } from './tail.js';
import { launchWorker, suiteFile, TINYBENCH_DEFAULTS } from './tinybench.js';
import { quote, type RunnerContext } from './types.js';
import type { StepRequest, WorkerMessage, WorkerRequest } from './worker-protocol.js';

/** Per step (one level in one round) of a tinybench scaling task: measured time and fewest calls. */
export const TINYBENCH_STEP_DEFAULTS = { time: 500, iterations: 3 } as const;

type Reply = Extract<WorkerMessage, { type: 'step-done' | 'step-error' }>;

/**
 * A tinybench sweep's steps: one worker process loads the suite file and stays up for the whole
 * sweep; each step asks it over IPC to measure the scaling task at one level. So every level (the
 * extra ones near a knee too) shares one process, its JIT and its heap, as the levels of a
 * command sweep share one machine. Throws a BenchError when the file cannot be used.
 */
export async function openTinybenchStepper(suite: ScalingSuite & { tinybench: string }, ctx: RunnerContext): Promise<Stepper> {
  const file = await suiteFile(suite, ctx);
  const cwd = resolve(ctx.cwd, suite.cwd ?? '.');
  const launch = launchWorker(suite, file, { ...ctx, cwd });
  const request: WorkerRequest = {
    file,
    time: TINYBENCH_DEFAULTS.time,
    iterations: TINYBENCH_DEFAULTS.iterations,
    warmupTime: 0,
    warmupIterations: 0,
    passes: 1,
    maxIterations: TINYBENCH_DEFAULTS.maxIterations,
    maxSamples: TINYBENCH_DEFAULTS.maxSamples,
    scaling: {
      ...(suite.task !== undefined && { task: suite.task }),
      time: suite.time ?? TINYBENCH_STEP_DEFAULTS.time,
      iterations: suite.iterations ?? TINYBENCH_STEP_DEFAULTS.iterations,
    },
  };
  const stderr = new TailBuffer();
  const child = nodeChildProcess().fork(launch.script, [JSON.stringify(request)], {
    cwd,
    execArgv: launch.execArgv,
    env: childEnv(process.env, suite.env ?? {}),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  child.stderr!.on('data', (c: Buffer) => stderr.push(c));
  let waiting: ((m: WorkerMessage | undefined) => void) | undefined;
  let ended: string | undefined;
  child.on('message', (m) => waiting?.(m as WorkerMessage));
  const exited = new Promise<void>((done) => {
    const end = (how: string) => {
      ended ??= how;
      waiting?.(undefined);
      done();
    };
    child.on('error', (e) => end(`could not start: ${e.message}`));
    child.on('close', (code, signal) => end(describeExit({ code, signal, timedOut: false })));
  });
  // The next message, or undefined when the process ended or made no progress for `timeout` ms.
  const next = (timeout: number) =>
    new Promise<WorkerMessage | undefined>((got) => {
      if (ended !== undefined) return got(undefined);
      const timer = setTimeout(() => {
        ended = `made no progress for ${timeout / 1000} s and was killed`;
        child.kill('SIGKILL');
      }, timeout);
      waiting = (m) => {
        clearTimeout(timer);
        waiting = undefined;
        got(m);
      };
    });
  const timeout = suite.timeout ?? TINYBENCH_DEFAULTS.stallMs;
  const ready = await next(timeout);
  const where = `Suite ${quote(suite.name)}: suite file ${quote(suite.tinybench)}`;
  if (ready?.type !== 'scaling-ready') {
    child.kill('SIGKILL');
    await exited;
    const why = ready?.type === 'fatal' ? ready.message : `its process ${ended ?? 'sent nothing usable'}.${describeStderr(stderr.lines())}`;
    throw new BenchError(`${where} could not be used: ${why}`, suite.name);
  }
  const { task, levels, work, workPerWorker, unit } = ready;
  return {
    label: `tinybench ${suite.tinybench} › ${task}`,
    defaults: {
      ...(levels && { levels }),
      ...(work !== undefined && { work }),
      ...(workPerWorker !== undefined && { workPerWorker }),
      ...(unit && { unit }),
    },
    async step(n): Promise<StepResult | { error: string }> {
      if (ended === undefined) child.send({ type: 'step', n } satisfies StepRequest);
      const reply = (await next(timeout)) as Reply | undefined;
      if (!reply) return { error: `${where}: its process ${ended} while measuring N = ${n}.${describeStderr(stderr.lines())}` };
      if (reply.type === 'step-error') return { error: `${where}: task ${quote(task)} at N = ${n}: ${reply.message}` };
      const { calls, seconds, units, metrics } = reply;
      return { wallNs: seconds * 1e9, seconds, calls, ...(units !== undefined && { units }), metrics };
    },
    async close() {
      if (ended === undefined) child.send({ type: 'end' } satisfies StepRequest);
      // Give it a moment to exit by itself (its afterLevel hooks ran already); then make sure.
      const late = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(late);
    },
  };
}
