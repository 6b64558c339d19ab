import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BenchError } from '../../src/model/errors.js';
import { runTinybenchSuite } from '../../src/bench/tinybench.js';
import type { ProgressEvent } from '../../src/bench/types.js';
import type { TinybenchSuite } from '../../src/config/types.js';

const cwd = fileURLToPath(new URL('../fixtures/suites/', import.meta.url));
/** The task name in hostile.bench.js. */
const HOSTILE = '**bold** <img src=x onerror=alert(1)> @octocat | cell\nsecond line';
const fast = { time: 20, warmupTime: 5, iterations: 10, warmupIterations: 2 };

async function run(name: string, file: string, stallMs?: number, extra: Partial<TinybenchSuite> = {}) {
  const events: ProgressEvent[] = [];
  const suite: TinybenchSuite = { name, tinybench: file, ...fast, ...extra };
  const outcome = await runTinybenchSuite(suite, { cwd, emit: (e) => events.push(e) }, stallMs);
  return { ...outcome, events };
}

// Each test waits on its own child processes; running them side by side halves the wall time.
describe.concurrent('runTinybenchSuite', () => {
  it('measures a JS suite in a child process: raw samples in ns, stats and heap use', async () => {
    const { benchmarks, errors, events } = await run('js', 'basic.bench.js');
    expect(errors).toEqual([]);
    expect(benchmarks.map((b) => b.id)).toEqual(['js/sum 1000', 'js/sort 200']);
    for (const b of benchmarks) {
      expect(b.unit).toBe('ns');
      expect(b.direction).toBe('smaller');
      expect(b.samples!.length).toBeGreaterThanOrEqual(10);
      expect(b.samples!.length).toBeLessThanOrEqual(2000);
      expect(b.stats.n).toBeGreaterThanOrEqual(b.samples!.length);
      expect(b.value).toBe(b.stats.median);
      expect(b.stats.min).toBeLessThanOrEqual(b.value);
      expect(b.metrics!.heapUsed!.unit).toBe('B');
      expect(b.metrics!.heapUsed!.value).toBeGreaterThan(1024 * 1024);
    }
    expect(events.filter((e) => e.type === 'task-done').map((e) => (e as { task: string }).task)).toEqual(['sum 1000', 'sort 200']);
  });

  it('runs a TypeScript suite file (tsx on Node 20, type stripping on newer Node)', async () => {
    const { benchmarks, errors } = await run('ts', 'typed.bench.ts');
    expect(errors).toEqual([]);
    expect(benchmarks).toHaveLength(1);
    expect(benchmarks[0]!.name).toBe('distance sum');
    expect(benchmarks[0]!.samples!.length).toBeGreaterThanOrEqual(10);
  });

  it('reports a throwing task with suite, task and error, and measures the others', async () => {
    const { benchmarks, errors } = await run('throws', 'throws.bench.js');
    expect(benchmarks.map((b) => b.name)).toEqual(['before', 'after']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ suite: 'throws', task: 'broken task' });
    expect(errors[0]!.message).toContain('boom from the broken task');
    expect(errors[0]!.message).toContain('throws.bench.js');
  });

  it('reports a crash with the task it was running and the end of its stderr, keeping finished tasks', async () => {
    const { benchmarks, errors } = await run('crash', 'crash.bench.js', undefined, { passes: 1 });
    expect(benchmarks.map((b) => b.name)).toEqual(['fine']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ suite: 'crash', task: 'fatal' });
    expect(errors[0]!.message).toContain('exited with code 9');
    expect(errors[0]!.message).toContain('1 of 3 tasks had finished');
    expect(errors[0]!.message).toContain('about to die: simulated fatal error');
  });

  it('with passes, a crash in the first pass leaves no task finished, and says so', async () => {
    const { benchmarks, errors } = await run('crash', 'crash.bench.js', undefined, { passes: 3 });
    expect(benchmarks).toEqual([]);
    expect(errors[0]).toMatchObject({ suite: 'crash', task: 'fatal' });
    expect(errors[0]!.message).toContain('0 of 3 tasks had finished');
  });

  it("measures tasks in interleaved passes, pooling each task's samples; passes: 1 runs them one after the other", async () => {
    const three = await run('i3', 'interleave.bench.js', undefined, { passes: 3 });
    const one = await run('i1', 'interleave.bench.js', undefined, { passes: 1 });
    const metric = (r: typeof one, name: string) => r.benchmarks.find((b) => b.name === name)?.value;
    // a..a b..b a..a b..b a..a b..b: five switches (warm-up iterations run inside each pass).
    expect(metric(three, 'switches')).toBe(5);
    // tinybench calls beforeAll before its warm-up and before its measured phase, in every pass.
    expect(metric(three, 'beforeAll calls')).toBe(6);
    expect(metric(one, 'switches')).toBe(1);
    expect(metric(one, 'beforeAll calls')).toBe(2);
    const a3 = three.benchmarks.find((b) => b.name === 'a')!;
    expect(a3.stats.n).toBeGreaterThanOrEqual(fast.iterations);
    expect(three.errors).toEqual([]);
    // One result per task, sent after its last pass.
    expect(three.events.filter((e) => e.type === 'task-done').map((e) => (e as { task: string }).task)).toEqual([
      'a',
      'b',
      'switches',
      'beforeAll calls',
    ]);
  });

  it('warms up fully before the first pass and with warmupIterations / passes (rounded up) before each later one', async () => {
    // No time budgets: every phase runs exactly its iteration minimum.
    const counted = await run('count', 'count.bench.js', undefined, {
      time: 0,
      warmupTime: 0,
      iterations: 4,
      warmupIterations: 8,
      passes: 4,
    });
    expect(counted.errors).toEqual([]);
    const calls = counted.benchmarks.find((b) => b.name === 'calls')?.value;
    // Measured 4 × 1; warm-up 8 + 3 × 2; and one call per pass with which tinybench checks
    // whether the task is async (8 in all with warmupIterations: 0).
    expect(calls).toBe(4 + (8 + 3 * 2) + 4);
  });

  it('kills a suite whose task makes no progress, keeping the tasks before it', async () => {
    // 8 s: long enough that a loaded machine (CI, or a corpus being recorded) starts the worker
    // and measures 'quick' inside the window; at 4 s it was once killed before 'quick' ended.
    const { benchmarks, errors } = await run('hang', 'hang.bench.js', 8000, { passes: 1 });
    expect(benchmarks.map((b) => b.name)).toEqual(['quick']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ suite: 'hang', task: 'endless loop' });
    expect(errors[0]!.message).toContain('made no progress for 8 s and was killed while running task "endless loop"');
  });

  it('records custom metrics, runs every setup hook, and reports a metric that throws', async () => {
    const { benchmarks, errors } = await run('m', 'metrics.bench.ts');
    const byName = Object.fromEntries(benchmarks.map((b) => [b.name, b]));
    expect(Object.keys(byName)).toEqual(['map fill', 'accuracy', 'score samples']);
    expect(byName.accuracy).toMatchObject({ id: 'm/accuracy', unit: 'ratio', direction: 'bigger', value: 0.97 });
    expect(byName.accuracy!.metrics!.accuracy!.value).toBe(0.97);
    expect(byName['score samples']).toMatchObject({ unit: 'points', value: 4, samples: [3, 4, 5] });
    // beforeAll and afterAll ran, and afterEach once per iteration (warm-up and measured).
    const hookCalls = byName['map fill']!.metrics!['hook calls']!;
    expect(hookCalls.unit).toBe('calls');
    expect(hookCalls.value).toBeGreaterThan(10);
    expect(errors).toEqual([{ suite: 'm', task: 'broken metric', message: expect.stringContaining('cannot compute') }]);
  });

  it('keeps a hostile task name exactly as given, and quotes it in messages so it cannot break a line', async () => {
    const { benchmarks, errors } = await run('hostile', 'hostile.bench.js');
    expect(benchmarks.map((b) => b.name)).toEqual([`${HOSTILE} ok`]);
    expect(errors[0]!.task).toBe(HOSTILE);
    expect(errors[0]!.message).toContain(JSON.stringify(HOSTILE));
    expect(errors[0]!.message.split('\n')).toHaveLength(1);
  });

  it('says what a suite file must export when it has no default-exported function', async () => {
    const e = await run('nf', 'not-a-function.bench.js').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BenchError);
    expect((e as BenchError).message).toMatch(/"not-a-function.bench.js".*must default-export a function.*missing/);
    expect((e as BenchError).message).not.toContain('worker-run');
  });

  it('leaves scaling tasks out of a plain suite, and says where a file of only scaling tasks belongs', async () => {
    const both = await run('ws', 'with-scaling.bench.js');
    expect(both.benchmarks.map((b) => b.name)).toEqual(['plain']);
    expect(both.errors).toEqual([]);
    const e = await run('os', 'only-scaling.bench.js').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BenchError);
    expect((e as BenchError).message).toContain('it registered only scaling tasks ("pool"): list the file under "scaling" in the config');
  });

  it('names a missing suite file and where it was looked for', async () => {
    const e = await run('gone', 'no/such.bench.ts').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BenchError);
    expect((e as BenchError).message).toContain('"no/such.bench.ts" not found at');
    expect((e as BenchError).message).toContain('fixtures/suites/no/such.bench.ts');
  });
});
