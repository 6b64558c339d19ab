/**
 * The worker's counting mode (it runs under callgrind with `--instr-atstart=no`): each task is
 * warmed up, the heap collected, then each of its counted iterations runs between callgrind's
 * start and stop requests and is dumped as a part named `t<task index>` (names never reach the
 * dump file, so a hostile task name cannot break it). The parent reads the parts when the
 * `counted` message arrives. A bracket per iteration keeps beforeEach/afterEach out of the count.
 */
import type { RegisteredTask } from './registrar.js';
import { loadInstrumentHooks, type InstrumentHooks } from './instrument-hooks.js';
import { describe, isThenable, load, sendMetrics, type Send } from './worker-run.js';
import type { WorkerRequest } from './worker-protocol.js';

type Count = NonNullable<WorkerRequest['count']>;

/** Uncounted calls after the gc() (at most the warm-up asked for). */
export const POST_GC_WARMUP = 3;

export async function runCountWorker(req: WorkerRequest, send: Send): Promise<void> {
  const count = req.count as Count;
  const copy = await load(req.file, process.cwd(), {}, send);
  if (!copy) return send({ type: 'done' });
  let hooks: InstrumentHooks;
  try {
    hooks = loadInstrumentHooks();
  } catch (e) {
    return send({ type: 'fatal', message: `cannot count instructions: ${describe(e)}` });
  }
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect)
    return send({ type: 'fatal', message: 'cannot count instructions: gc() is not exposed (the worker needs node --expose-gc)' });
  for (const [index, task] of copy.registrar.tasks.entries()) {
    await send({ type: 'task-start', task: task.name });
    try {
      await countTask(task, index, count, hooks, collect);
      await send({ type: 'counted', task: task.name, index, iterations: count.iterations });
    } catch (e) {
      await send({ type: 'task-error', task: task.name, message: describe(e) });
    }
  }
  if (count.metrics) await sendMetrics(copy, send);
  await send({ type: 'done' });
}

async function countTask(task: RegisteredTask, index: number, count: Count, hooks: InstrumentHooks, collect: () => void): Promise<void> {
  const { beforeAll, beforeEach, afterEach, afterAll } = task.options;
  if (beforeAll) await beforeAll();
  await uncounted(task, count.warmupIterations);
  // Garbage left by earlier tasks or the warm-up would be collected inside this task's count.
  collect();
  // A forced GC costs the next calls a recompilation: measured here (Node 20, a numeric loop
  // warmed up 50 or 400 times), the two calls after gc() counted 4.56 M and 2.70 M instructions,
  // the steady call 0.30 M. So a few uncounted calls follow it.
  await uncounted(task, Math.min(POST_GC_WARMUP, count.warmupIterations));
  for (let i = 0; i < count.iterations; i++) {
    if (beforeEach) await beforeEach();
    hooks.startBenchmark();
    try {
      const r = task.fn();
      if (isThenable(r)) await r;
    } finally {
      hooks.stopBenchmark();
    }
    hooks.setExecutedBenchmark(process.pid, `t${index}`);
    if (afterEach) await afterEach();
  }
  if (afterAll) await afterAll();
}

/** `n` calls of the task with its per-call hooks, outside any count. */
async function uncounted(task: RegisteredTask, n: number): Promise<void> {
  const { beforeEach, afterEach } = task.options;
  for (let i = 0; i < n; i++) {
    if (beforeEach) await beforeEach();
    await task.fn();
    if (afterEach) await afterEach();
  }
}
