/**
 * A tinybench suite counted under Valgrind: one Node process per suite under callgrind
 * (`--instr-atstart=no`: nothing counts until the worker's start request), with the
 * determinism flags; each task's counted iterations are dumped into one combined file, read
 * as each task finishes. See docs/instruction-counts.md.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TinybenchSuite } from '../config/types.js';
import { parseCountParts } from './callgrind-out.js';
import { countedBenchmark } from './count-result.js';
import { runCountingWorker, suiteFile, TINYBENCH_DEFAULTS } from './tinybench.js';
import type { RunnerContext, SuiteOutcome } from './types.js';
import { callgrindArgs, COUNT_NODE_FLAGS, describeToolchain, findValgrind, type CountMeasure, type Valgrind } from './valgrind.js';

export const COUNT_DEFAULTS = {
  /** Counted iterations per task: counts barely vary, and each costs 20–80× its native time. */
  iterations: 10,
} as const;

/**
 * Callgrind's options for counted regions. `--separate-threads=yes`: a client request's dump then
 * holds only the thread that made it (the main thread, where the task runs). Without it a region
 * also counted whatever Node's other threads (platform workers, the libuv pool finishing the
 * suite's file reads) happened to run while it was open: the first counted call of a suite's
 * first task moved by 92 to 1,861 instructions between runs on a loaded machine, and a
 * worker_threads thread busy beside the region added its 51 M instructions to the main thread's
 * 30 M (docs/instruction-counts.md).
 */
export const COUNT_REGION_ARGS = ['--instr-atstart=no', '--combine-dumps=yes', '--separate-threads=yes'] as const;

/** Callgrind's number for the process's first thread. */
const MAIN_THREAD = 1;

/** Counts one suite's tasks; `withMetrics` sends its custom metrics (false when a timed run sends them). */
export async function runTinybenchCount(
  suite: TinybenchSuite,
  measure: CountMeasure,
  ctx: RunnerContext,
  withMetrics: boolean,
): Promise<SuiteOutcome & { toolchain: string; valgrind: Valgrind }> {
  const valgrind = await findValgrind(suite.name, measure, ctx);
  const file = await suiteFile(suite, ctx);
  const toolchain = describeToolchain(measure, valgrind);
  ctx.emit({ type: 'info', suite: suite.name, message: `Counting ${toolchain}.` });
  const dir = await mkdtemp(join(tmpdir(), 'track-performance-count-'));
  const out = join(dir, 'callgrind.out');
  try {
    const outcome = await runCountingWorker(suite, ctx, file, {
      measure,
      valgrind: valgrind.path,
      valgrindArgs: callgrindArgs(measure, out, COUNT_REGION_ARGS),
      nodeFlags: COUNT_NODE_FLAGS,
      count: {
        iterations: suite.countIterations ?? COUNT_DEFAULTS.iterations,
        warmupIterations: suite.warmupIterations ?? TINYBENCH_DEFAULTS.warmupIterations,
        metrics: withMetrics,
      },
      counted: (m) => {
        // The dump is on disk before the worker sends `counted`; the file grows with each task.
        const parts = parseCountParts(readFileSync(out, 'utf8')).filter((p) => p.trigger === `t${m.index}` && p.thread === MAIN_THREAD);
        if (parts.length !== m.iterations)
          return { error: `Valgrind's output has ${parts.length} counted iterations, expected ${m.iterations}` };
        return countedBenchmark(
          suite.name,
          m.task,
          measure,
          parts.map((p) => p.events),
        );
      },
    });
    return { ...outcome, toolchain, valgrind };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
