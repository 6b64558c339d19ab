import { Bench } from 'tinybench';
import type { RegisteredScaling } from './registrar.js';
import { describe, register, type Send } from './worker-run.js';
import type { StepRequest, WorkerRequest } from './worker-protocol.js';

/**
 * The worker's job in scaling mode: load the suite file, pick its scaling task, then measure one
 * level per `step` request from the parent until `end`. The parent decides the levels and their
 * interleaved order (src/bench/scaling.ts), so a command sweep and a tinybench sweep share it, and
 * every level of a sweep, the extra ones near a knee included, is measured in this one process.
 */
export async function runScalingWorker(req: WorkerRequest, send: Send): Promise<void> {
  const task = await pick(req, send);
  if (!task) return send({ type: 'done' });
  const { levels, work, workPerWorker, unit } = task.options;
  await send({
    type: 'scaling-ready',
    task: task.name,
    ...(levels && { levels }),
    ...(work !== undefined && { work }),
    ...(workPerWorker !== undefined && { workPerWorker }),
    ...(unit !== undefined && { unit }),
  });
  const { time, iterations } = req.scaling!;
  // One step at a time: the parent waits for each reply before it asks for the next.
  let queue = Promise.resolve();
  await new Promise<void>((finished) => {
    const onMessage = (m: StepRequest) => {
      if (m.type === 'end') return void queue.then(finished);
      queue = queue.then(async () => {
        const r = await measureLevel(task, m.n, time, iterations);
        await send('error' in r ? { type: 'step-error', n: m.n, message: r.error } : { type: 'step-done', n: m.n, ...r });
      });
    };
    process.on('message', onMessage);
    process.once('disconnect', () => finished());
  });
  await send({ type: 'done' }).catch(() => undefined);
}

/** The scaling task named in the request, or the file's only one; undefined after a fatal message. */
async function pick(req: WorkerRequest, send: Send): Promise<RegisteredScaling | undefined> {
  let tasks: RegisteredScaling[];
  try {
    tasks = (await register(req.file, process.cwd())).scalingTasks;
  } catch (e) {
    await send({ type: 'fatal', message: describe(e) });
    return undefined;
  }
  const wanted = req.scaling!.task;
  const names = tasks.map((t) => JSON.stringify(t.name)).join(', ');
  const task = wanted === undefined ? (tasks.length === 1 ? tasks[0] : undefined) : tasks.find((t) => t.name === wanted);
  if (task) return task;
  const message =
    tasks.length === 0
      ? 'it registered no scaling task (call suite.scaling(name, (n) => …) in the default export)'
      : wanted === undefined
        ? `it registers several scaling tasks (${names}): name one with "task" in the config`
        : `it registers no scaling task named ${JSON.stringify(wanted)}; its scaling tasks are ${names}`;
  await send({ type: 'fatal', message });
  return undefined;
}

/**
 * One level: `beforeLevel(n)`, then tinybench calls `fn(n)` for `time` ms (at least
 * `iterations` calls), then `afterLevel(n)`. The calls' summed latency is the time the work took,
 * so hooks and tinybench's loop stay out of the throughput.
 */
async function measureLevel(
  task: RegisteredScaling,
  n: number,
  time: number,
  iterations: number,
): Promise<{ calls: number; seconds: number; units?: number; metrics: Record<string, number> } | { error: string }> {
  const returned: Array<Record<string, number> | undefined> = [];
  const keep = (r: unknown) => void returned.push(r === undefined || r === null ? undefined : (r as Record<string, number>));
  const bench = new Bench({ time, iterations, warmupTime: 0, warmupIterations: 0, retainSamples: true, throws: false });
  const { beforeLevel, afterLevel } = task.options;
  // An async function: tinybench then knows it is async without calling it before beforeLevel.
  bench.add(`${task.name} N=${n}`, async () => keep(await task.fn(n)));
  try {
    if (beforeLevel) await beforeLevel(n);
    await bench.run();
    if (afterLevel) await afterLevel(n);
  } catch (e) {
    return { error: describe(e) };
  }
  const result = bench.tasks[0]!.result;
  if (result.state === 'errored') return { error: `threw ${describe(result.error)}` };
  if (result.state !== 'completed' || !result.latency.samples) return { error: `tinybench ended the level in state '${result.state}'` };
  const samples = result.latency.samples;
  try {
    // Only the timed calls count (tinybench drops none, but a retained-sample cap would).
    return { calls: samples.length, seconds: samples.reduce((s, ms) => s + ms, 0) / 1000, ...numbers(returned.slice(-samples.length)) };
  } catch (e) {
    return { error: describe(e) };
  }
}

/** The calls' returned `units` (summed) and other numbers (averaged); an error names a bad value. */
function numbers(returned: Array<Record<string, number> | undefined>): { units?: number; metrics: Record<string, number> } {
  const sums: Record<string, { total: number; count: number }> = {};
  for (const r of returned) {
    if (r === undefined) continue;
    if (typeof r !== 'object' || Array.isArray(r))
      throw new TypeError(`a scaling task returns nothing or an object of numbers such as {"units": 20}, got ${JSON.stringify(r)}`);
    for (const [k, v] of Object.entries(r)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || (k === 'units' && !(v > 0)))
        throw new TypeError(
          `its returned ${JSON.stringify(k)} is ${JSON.stringify(v)}; expected a finite number${k === 'units' ? ' above 0' : ''}`,
        );
      const s = (sums[k] ??= { total: 0, count: 0 });
      s.total += v;
      s.count++;
    }
  }
  const units = sums.units;
  if (units && units.count !== returned.length)
    throw new TypeError(`it returned "units" from ${units.count} of ${returned.length} calls; return them from every call or from none`);
  const metrics = Object.fromEntries(
    Object.entries(sums)
      .filter(([k]) => k !== 'units')
      .map(([k, s]) => [k, s.total / s.count]),
  );
  return { ...(units && { units: units.total }), metrics };
}
