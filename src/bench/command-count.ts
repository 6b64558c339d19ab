/**
 * A command suite counted under Valgrind: each command's whole process tree runs once under
 * callgrind with `--trace-children=yes` (one output file per process) and the counts of every
 * process are summed. Node children get the determinism flags from a `node` shim first on PATH:
 * NODE_OPTIONS cannot carry them (Node 20: "--predictable is not allowed in NODE_OPTIONS").
 * The count of an empty control (`/bin/sh -c :`) is reported beside each command, not
 * subtracted: what a command's own start-up costs is part of what it costs.
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import type { CommandSuite } from '../config/types.js';
import type { BenchmarkResult } from '../model/index.js';
import { childEnv } from './child-env.js';
import { COMMAND_DEFAULTS } from './command.js';
import { cacheCounts, parseCountParts, sumEvents } from './callgrind-out.js';
import { countedBenchmark } from './count-result.js';
import { describeExit, spawnCapture } from './process.js';
import { summarizeValue } from '../model/summarize.js';
import { describeStderr } from './tail.js';
import { quote, type RunnerContext, type SuiteOutcome } from './types.js';
import { callgrindArgs, COUNT_NODE_FLAGS, describeToolchain, findValgrind, type CountMeasure, type Valgrind } from './valgrind.js';

export async function runCommandCount(
  suite: CommandSuite,
  measure: CountMeasure,
  ctx: RunnerContext,
): Promise<SuiteOutcome & { toolchain: string; valgrind: Valgrind }> {
  const valgrind = await findValgrind(suite.name, measure, ctx);
  const toolchain = describeToolchain(measure, valgrind);
  ctx.emit({ type: 'info', suite: suite.name, message: `Counting ${toolchain}, every process of each command's tree.` });
  const tmp = await mkdtemp(join(tmpdir(), 'track-performance-count-'));
  const outcome: SuiteOutcome = { benchmarks: [], errors: [] };
  try {
    const shim = join(tmp, 'bin');
    await writeNodeShim(shim);
    const cwd = suite.cwd ? resolve(ctx.cwd, suite.cwd) : ctx.cwd;
    const env = childEnv(process.env, suite.env);
    env.PATH = [shim, env.PATH ?? ''].join(delimiter);
    const count = (command: string, out: string) =>
      countTree(valgrind, measure, command, join(tmp, out), cwd, env, suite.timeout ?? COMMAND_DEFAULTS.timeout);
    const control = await count(':', 'control');
    const commands = typeof suite.command === 'string' ? { [suite.name]: suite.command } : suite.command;
    const total = Object.keys(commands).length;
    const started = performance.now();
    const progress = (done: number) => {
      const elapsedMs = performance.now() - started;
      ctx.emit({ type: 'count-progress', suite: suite.name, measure, done, total, elapsedMs, etaMs: (elapsedMs / done) * (total - done) });
    };
    for (const [i, [name, command]] of Object.entries(commands).entries()) {
      const r = await count(command, `c${i}`);
      progress(i + 1);
      if ('error' in r) {
        const error = {
          suite: suite.name,
          task: name,
          message: `Suite ${quote(suite.name)}: command ${quote(command)} under Valgrind ${r.error}`,
        };
        outcome.errors.push(error);
        ctx.emit({ type: 'error', ...error });
        continue;
      }
      const b: BenchmarkResult = countedBenchmark(suite.name, name, measure, [r.events]);
      b.metrics = {
        ...b.metrics,
        processes: { unit: 'count', direction: 'smaller', value: r.processes, stats: summarizeValue(r.processes) },
      };
      if (!('error' in control)) {
        const c = cacheCounts(control.events);
        const v = measure === 'cycles' ? c.cycles : c.instructions;
        b.metrics.emptyControl = { unit: measure, direction: 'smaller', value: v, stats: summarizeValue(v) };
      }
      outcome.benchmarks.push(b);
      ctx.emit({ type: 'task-done', suite: suite.name, task: b.name, benchmark: b });
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return { ...outcome, toolchain, valgrind };
}

/** A `node` first on PATH that runs the real one with the determinism flags. */
async function writeNodeShim(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'node');
  await writeFile(file, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${COUNT_NODE_FLAGS.join(' ')} "$@"\n`);
  await chmod(file, 0o755);
}

/** One run of `command`'s tree under callgrind: the summed events and the number of processes, or why it failed. */
async function countTree(
  valgrind: Valgrind,
  measure: CountMeasure,
  command: string,
  dir: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ events: Record<string, number>; processes: number } | { error: string }> {
  await mkdir(dir, { recursive: true });
  const args = [...callgrindArgs(measure, join(dir, 'cg.%p'), ['--trace-children=yes']), '/bin/sh', '-c', command];
  const o = await spawnCapture(valgrind.path, args, { cwd, env, timeoutMs });
  if (o.code !== 0 || o.timedOut) return { error: `${describeExit(o, timeoutMs)}.${describeStderr(o.stderrTail)}` };
  const files = await readdir(dir);
  const parts = (await Promise.all(files.map(async (f) => parseCountParts(await readFile(join(dir, f), 'utf8'))))).flat();
  return { events: sumEvents(parts), processes: files.length };
}
