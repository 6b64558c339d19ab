import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommandPair, runCommandSuite } from '../../src/bench/command.js';
import type { CommandBenchmarkResult } from '../../src/bench/command-result.js';
import { hasGnuTime } from '../../src/bench/gnu-time.js';
import type { ProgressEvent } from '../../src/bench/types.js';
import type { CommandSuite } from '../../src/config/types.js';

const fixtures = fileURLToPath(new URL('../fixtures/suites/', import.meta.url));
const gnuTime = await hasGnuTime();
if (!gnuTime) console.warn('GNU time (/usr/bin/time) is absent: CPU and RSS tests skipped. Install the Debian package `time`.');

async function run(suite: CommandSuite, cwd = fixtures) {
  const events: ProgressEvent[] = [];
  const outcome = await runCommandSuite(suite, { cwd, emit: (e) => events.push(e) });
  return { ...outcome, events, first: outcome.benchmarks[0] as CommandBenchmarkResult | undefined };
}

describe.concurrent('runCommandSuite', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'tp-command-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it.skipIf(!gnuTime)('measures wall, CPU time and the peak RSS of a child that allocates ~50 MB (needs package `time`)', async () => {
    const { first, errors, events } = await run({ name: 'alloc', command: 'node allocates.mjs', runs: 2, warmup: 0 });
    expect(errors).toEqual([]);
    expect(first!.measuredWith).toBe('gnu-time');
    expect(first!.samples).toHaveLength(2);
    expect(first!.unit).toBe('ns');
    expect(first!.value).toBeGreaterThan(0);
    const m = first!.metrics!;
    // The shell's rusage covers its child `node`: 50 MB touched on top of Node's own footprint.
    expect(m.peakRss!.unit).toBe('B');
    expect(m.peakRss!.value).toBeGreaterThan(50 * 1024 * 1024);
    expect(m.peakRss!.samples).toHaveLength(2);
    expect(m.cpuUser!.value + m.cpuSystem!.value).toBeGreaterThan(0);
    expect(m.cpuUser!.samples).toHaveLength(2);
    expect(m.cpuUtilization!.unit).toBe('ratio');
    expect(m.cpuUtilization!.value).toBeGreaterThan(0);
    expect(m.successRate).toBeUndefined();
    expect(events.some((e) => e.type === 'info' && e.message.includes('GNU time'))).toBe(true);
  });

  it('errors on a failing command, naming it and showing its stderr tail; the other commands still run', async () => {
    const { benchmarks, errors } = await run({
      name: 'mixed',
      command: { broken: 'echo "line one" >&2; echo "disk on fire" >&2; exit 3', fine: 'true' },
      runs: 2,
      warmup: 0,
    });
    expect(benchmarks.map((b) => b.id)).toEqual(['mixed/fine']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ suite: 'mixed', task: 'broken' });
    expect(errors[0]!.message).toContain('command "echo \\"line one\\" >&2; echo \\"disk on fire\\" >&2; exit 3" exited with code 3');
    expect(errors[0]!.message).toMatch(/stderr ended with:\n {4}line one\n {4}disk on fire$/);
  });

  it('with allowFailures records the success rate and times only the successful runs', async () => {
    const dir = join(tmp, 'flaky');
    await mkdir(dir);
    // Fails on every second run: 0 ok, 1 fail, 2 ok, 3 fail.
    const flaky = 'n=$(cat count 2>/dev/null || echo 0); echo $((n + 1)) > count; test $((n % 2)) -eq 0';
    const { first, errors } = await run({ name: 'flaky', command: flaky, runs: 4, warmup: 0, allowFailures: true }, dir);
    expect(errors).toEqual([]);
    expect(first!.metrics!.successRate).toMatchObject({ unit: 'ratio', direction: 'bigger', value: 0.5 });
    expect(first!.samples).toHaveLength(2);
  });

  it('with allowFailures and no successful run, keeps the rate (0) and reports an error', async () => {
    const { first, errors } = await run({ name: 'down', command: 'echo nope >&2; exit 1', runs: 2, warmup: 1, allowFailures: true });
    expect(first!.metrics!.successRate!.value).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('All 2 runs failed');
    expect(errors[0]!.message).toContain('nope');
  });

  it('kills a run that passes its timeout, with the processes it started', async () => {
    const { benchmarks, errors } = await run({ name: 'slow', command: 'sleep 30', runs: 1, warmup: 0, timeout: 300 });
    expect(benchmarks).toEqual([]);
    expect(errors[0]!.message).toContain('command "sleep 30" timed out after 300 ms');
  });

  it('runs in the suite cwd (relative to the project) with the suite env', async () => {
    const dir = join(tmp, 'project');
    await mkdir(join(dir, 'sub'), { recursive: true });
    await writeFile(join(dir, 'sub', 'marker'), '');
    const { errors, benchmarks } = await run(
      {
        name: 'env',
        command: 'test -f marker && test "$TP_GREETING" = hello',
        cwd: 'sub',
        env: { TP_GREETING: 'hello' },
        runs: 1,
        warmup: 0,
      },
      dir,
    );
    expect(errors).toEqual([]);
    expect(benchmarks).toHaveLength(1);
  });
});

describe('runCommandSuite environment', () => {
  it('does not hand the action’s token to the benchmarked command', async () => {
    process.env.INPUT_TOKEN = 'ghs_must_not_leak';
    try {
      const { errors } = await run({ name: 'leak', command: 'test -z "$INPUT_TOKEN"', runs: 1, warmup: 0 });
      expect(errors).toEqual([]);
    } finally {
      delete process.env.INPUT_TOKEN;
    }
  });
});

describe.concurrent('runCommandPair (A/B)', () => {
  /** Two trees, each with a script that logs its tree and invocation; `failOn` trees exit 3. */
  async function trees(failOn: string[] = []) {
    const root = await mkdtemp(join(tmpdir(), 'tp-command-pair-'));
    for (const side of ['base', 'head']) {
      await mkdir(join(root, side));
      const body = `echo ${side} >> ../order.txt\n${failOn.includes(side) ? 'echo "no such script in this tree" >&2; exit 3\n' : ''}`;
      await writeFile(join(root, side, 'step.sh'), body);
    }
    const events: ProgressEvent[] = [];
    const ctx = (side: string) => ({ cwd: join(root, side), emit: (e: ProgressEvent) => events.push(e) });
    return {
      root,
      ctx: { base: ctx('base'), head: ctx('head') },
      events,
      order: () => readFile(join(root, 'order.txt'), 'utf8').then((t) => t.trim().split('\n')),
    };
  }

  it('alternates the two trees invocation by invocation, warm-ups included, flipping who goes first', async () => {
    const t = await trees();
    const out = await runCommandPair({ name: 'p', command: { step: 'sh step.sh' }, runs: 3, warmup: 1 }, t.ctx, true);
    expect(await t.order()).toEqual(['base', 'head', 'head', 'base', 'base', 'head', 'head', 'base']);
    for (const side of ['base', 'head'] as const) {
      expect(out[side].errors).toEqual([]);
      expect(out[side].benchmarks.map((b) => b.id)).toEqual(['p/step']);
      expect(out[side].benchmarks[0]!.samples).toHaveLength(3);
    }
    await rm(t.root, { recursive: true, force: true });
  });

  it('starts with the head when told to', async () => {
    const t = await trees();
    await runCommandPair({ name: 'p', command: 'sh step.sh', runs: 2, warmup: 0 }, t.ctx, false);
    expect(await t.order()).toEqual(['head', 'base', 'base', 'head']);
    await rm(t.root, { recursive: true, force: true });
  });

  it('fails a command on the tree where it fails only; the other tree goes on alone', async () => {
    const t = await trees(['base']);
    const out = await runCommandPair({ name: 'p', command: { step: 'sh step.sh' }, runs: 3, warmup: 0 }, t.ctx, true);
    expect(out.base.benchmarks).toEqual([]);
    expect(out.base.errors).toEqual([
      { suite: 'p', task: 'step', message: expect.stringMatching(/command "sh step\.sh" exited with code 3[\s\S]*no such script/) },
    ]);
    expect(out.head.errors).toEqual([]);
    expect(out.head.benchmarks[0]!.samples).toHaveLength(3);
    // The base stopped at its first failure; the head ran all three.
    expect(await t.order()).toEqual(['base', 'head', 'head', 'head']);
    await rm(t.root, { recursive: true, force: true });
  });
});
