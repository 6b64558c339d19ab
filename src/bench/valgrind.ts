/**
 * Valgrind as a dependency of the `instructions` and `cycles` measures: found on PATH, installed
 * on a GitHub-hosted Linux runner when missing, otherwise a clear error naming the package. A
 * suite that asked for counts never falls back to wall time.
 */
import { nodeChildProcess, nodeUtil } from '../model/node-lazy.js';
import { BenchError } from '../model/errors.js';
import type { Measure } from '../config/types.js';
import { quote, type RunnerContext } from './types.js';

/** execFile as a promise (node:child_process and node:util loaded on the first call). */
const run = (file: string, args: string[], options: { encoding: 'utf8'; maxBuffer: number }) =>
  nodeUtil().promisify(nodeChildProcess().execFile)(file, args, options);

/** The measures Valgrind counts (the others are timed). */
export type CountMeasure = Exclude<Measure, 'time'>;

/**
 * Node flags for a counted process, after CodSpeed's "analysis" set (packages/core, getV8Flags):
 * `--predictable` makes GC and compilation single-threaded, so their work lands on the measured
 * thread in the same order every run; `--predictable-gc-schedule` and `--no-concurrent-sweeping`
 * pin the GC's heap sizing and sweeping; fixed hash and random seeds make Map/Set layouts and
 * Math.random the same every run; `--expose-gc` lets the worker collect before each measured
 * region so that a task does not pay for the garbage of the one before. Not `--no-opt`: it
 * would count unoptimized code (7× more instructions on a numeric workload here), which is not
 * what users run; see docs/instruction-counts.md.
 */
export const COUNT_NODE_FLAGS = [
  '--predictable',
  '--predictable-gc-schedule',
  '--no-concurrent-sweeping',
  '--expose-gc',
  '--hash-seed=1',
  '--random-seed=1',
  '--max-old-space-size=4096',
] as const;

/**
 * Cache geometry pinned (auto-detection reported a bogus last-level cache on these VMs), so that
 * estimated cycles do not depend on the runner's CPU: 32 KiB 8-way L1s, an 8 MiB 16-way LL.
 */
export const CACHE_SIM_ARGS = ['--cache-sim=yes', '--I1=32768,8,64', '--D1=32768,8,64', '--LL=8388608,16,64'] as const;

/** Callgrind's own arguments for a measure (before the program to run). */
export function callgrindArgs(measure: CountMeasure, outFile: string, extra: readonly string[] = []): string[] {
  return ['-q', '--tool=callgrind', `--callgrind-out-file=${outFile}`, ...(measure === 'cycles' ? CACHE_SIM_ARGS : []), ...extra];
}

export interface Valgrind {
  path: string;
  /** `3.19.0`. */
  version: string;
}

/** Where the process looks for Valgrind and how it may install it (injectable for tests). */
export interface ValgrindHost {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Runs a program; rejects when it cannot start or exits non-zero. */
  exec: (file: string, args: string[]) => Promise<{ stdout: string; stderr: string }>;
}

const defaultHost: ValgrindHost = {
  platform: process.platform,
  env: process.env,
  exec: async (file, args) => run(file, args, { encoding: 'utf8', maxBuffer: 1 << 24 }),
};

/** True on a runner GitHub hosts (where the job may use passwordless sudo and apt). */
export function isGithubHostedLinux(host: Pick<ValgrindHost, 'platform' | 'env'>): boolean {
  if (host.platform !== 'linux') return false;
  const env = host.env;
  return env.RUNNER_ENVIRONMENT === 'github-hosted' || (env.GITHUB_ACTIONS === 'true' && Boolean(env.ImageOS));
}

/** Valgrind missing and not installable: the reason, without the suite (added by findValgrind). */
class Missing extends Error {}

let found: Promise<Valgrind> | undefined;

/**
 * Valgrind for a suite, or a BenchError saying why not (other OS, not installed). Looked up once
 * per process (a failed lookup is retried); on a GitHub-hosted Linux runner a missing Valgrind
 * is installed with apt, logged as info events of the suite that needed it first.
 */
export async function findValgrind(
  suite: string,
  measure: CountMeasure,
  ctx: RunnerContext,
  host: ValgrindHost = defaultHost,
): Promise<Valgrind> {
  if (host.platform !== 'linux') {
    throw new BenchError(
      `Suite ${quote(suite)}: measure "${measure}" needs Valgrind, which is not available on this OS (${host.platform}); run it on Linux, or measure "time" here.`,
      suite,
    );
  }
  const lookup = host === defaultHost ? (found ??= locate(suite, ctx, host)) : locate(suite, ctx, host);
  try {
    return await lookup;
  } catch (e) {
    if (host === defaultHost) found = undefined;
    if (e instanceof Missing) throw new BenchError(`Suite ${quote(suite)}: ${e.message}`, suite);
    throw e;
  }
}

async function locate(suite: string, ctx: RunnerContext, host: ValgrindHost): Promise<Valgrind> {
  const first = await version(host);
  if (first) return first;
  if (!isGithubHostedLinux(host)) {
    throw new Missing(
      'Valgrind is not installed (no "valgrind" on PATH); counting instructions needs it. Install the Debian/Ubuntu package "valgrind" (sudo apt-get install -y valgrind), or measure "time".',
    );
  }
  const log = (message: string) => ctx.emit({ type: 'info', suite, message });
  log('Valgrind is missing on this GitHub-hosted runner: sudo -n apt-get install -y valgrind');
  const install = () => host.exec('sudo', ['-n', 'apt-get', 'install', '-y', '-q', 'valgrind']);
  try {
    // A fresh image's package lists may be stale: refresh them once and retry.
    await install().catch(async () => {
      await host.exec('sudo', ['-n', 'apt-get', 'update', '-q']);
      return install();
    });
  } catch (e) {
    const tail = String((e as { stderr?: string }).stderr || (e as Error).message)
      .trim()
      .split('\n')
      .slice(-3)
      .join(' | ');
    throw new Missing(
      `Valgrind is not installed and "sudo -n apt-get install -y valgrind" failed (${tail}). Install the package "valgrind" in an earlier step.`,
    );
  }
  const installed = await version(host);
  if (!installed) throw new Missing('apt-get installed "valgrind" but it is still not on PATH.');
  log(`Installed Valgrind ${installed.version}.`);
  return installed;
}

/** `valgrind --version` ("valgrind-3.19.0"), or undefined when it is not on PATH. */
async function version(host: ValgrindHost): Promise<Valgrind | undefined> {
  try {
    const { stdout } = await host.exec('valgrind', ['--version']);
    return { path: 'valgrind', version: /(\d+\.\d+(?:\.\d+)?)/.exec(stdout)?.[1] ?? stdout.trim() };
  } catch {
    return undefined;
  }
}

/** The measure and its toolchain in words, for the run file and the log. */
export function describeToolchain(measure: CountMeasure, valgrind: Valgrind, nodeVersion: string = process.version): string {
  return `${measure}, Valgrind ${valgrind.version} callgrind${measure === 'cycles' ? ' (pinned cache simulation)' : ''}, Node ${nodeVersion} ${COUNT_NODE_FLAGS.join(' ')}`;
}
