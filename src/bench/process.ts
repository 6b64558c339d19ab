import { nodeChildProcess } from '../model/node-lazy.js';
import { childEnv } from './child-env.js';
import { TailBuffer } from './tail.js';

export interface SpawnOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the whole process group after this many ms. */
  timeoutMs?: number;
}

export interface SpawnOutcome {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Wall time from spawn to exit, ns. */
  wallNs: number;
  stderrTail: string;
  /** The first 8 KiB of stderr (where most tools put the reason). */
  stderrHead: string;
}

/**
 * Runs a program to completion, stdout discarded, the end of stderr kept. The child leads its
 * own process group so that a timeout kills the shell and everything it started, not just the
 * shell. A program that cannot start is reported like a shell would (code 127).
 */
export function spawnCapture(file: string, args: string[], options: SpawnOptions): Promise<SpawnOutcome> {
  return new Promise((resolve) => {
    const stderr = new TailBuffer();
    const start = process.hrtime.bigint();
    const child = nodeChildProcess().spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    if (child.pid !== undefined) track(child.pid);
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            killGroup(child.pid);
          }, options.timeoutMs);
    child.stderr.on('data', (c: Buffer) => stderr.push(c));
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (timer) clearTimeout(timer);
      if (child.pid !== undefined) untrack(child.pid);
      const wallNs = Number(process.hrtime.bigint() - start);
      resolve({ code, signal, timedOut, wallNs, stderrTail: stderr.lines(), stderrHead: stderr.head() });
    };
    child.on('error', (e) => {
      stderr.push(`${e.message}\n`);
      finish(127, null);
    });
    child.on('close', finish);
  });
}

/*
 * A detached child does not get the terminal's Ctrl-C, nor the SIGINT/SIGTERM with which Actions
 * cancels a job. While any is alive, such a signal kills their groups and is then re-raised.
 */
const live = new Set<number>();
const CANCEL_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

function onCancel(signal: NodeJS.Signals): void {
  for (const pid of live) killGroup(pid);
  live.clear();
  for (const s of CANCEL_SIGNALS) process.removeListener(s, onCancel);
  process.kill(process.pid, signal);
}

function track(pid: number): void {
  if (live.size === 0) for (const s of CANCEL_SIGNALS) process.on(s, onCancel);
  live.add(pid);
}

function untrack(pid: number): void {
  live.delete(pid);
  if (live.size === 0) for (const s of CANCEL_SIGNALS) process.removeListener(s, onCancel);
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** "exit code 3", "signal SIGKILL" or "timed out after 500 ms", for messages. */
export function describeExit(o: Pick<SpawnOutcome, 'code' | 'signal' | 'timedOut'>, timeoutMs?: number): string {
  if (o.timedOut) return `timed out after ${timeoutMs} ms`;
  if (o.signal) return `was killed by signal ${o.signal}`;
  return `exited with code ${o.code}`;
}

/**
 * Runs a user's shell command (an import suite's `run`, an A/B `setup`) with `/bin/sh -c` in
 * `cwd`, with the environment of a workflow `run:` step (no action inputs, no token).
 */
export function runShell(command: string, cwd: string): Promise<SpawnOutcome> {
  return spawnCapture('/bin/sh', ['-c', command], { cwd, env: childEnv() });
}
