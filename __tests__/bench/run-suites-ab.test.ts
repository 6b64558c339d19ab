import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runSuitesAb, type ProgressEvent, type Side } from '../../src/bench/index.js';
import type { Config } from '../../src/config/types.js';

const basic = fileURLToPath(new URL('../fixtures/suites/basic.bench.js', import.meta.url));
const fast = { time: 20, warmupTime: 5, iterations: 10, warmupIterations: 2, passes: 2 };

/** Two trees with the same tinybench suite; the command suite notes which tree ran it, in turn. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'tp-run-ab-'));
  for (const side of ['base', 'head']) {
    mkdirSync(join(root, side));
    cpSync(basic, join(root, side, 'basic.bench.js'));
  }
  const config: Config = {
    suites: [
      { name: 'js', tinybench: 'basic.bench.js', ...fast },
      { name: 'cmd', command: { mark: 'basename "$PWD" >> ../order.txt' }, runs: 2, warmup: 0 },
    ],
  };
  const events: ProgressEvent[] = [];
  const options = (side: Side) => ({ cwd: join(root, side), commit: `${side}-sha`, onProgress: (e: ProgressEvent) => events.push(e) });
  return { root, config, events, options: { base: options('base'), head: options('head') } };
}

describe.concurrent('runSuitesAb (one A/B round)', () => {
  it("gives each side its run file, alternates the two trees' command invocations, and reports each suite once", async () => {
    const t = setup();
    const runs = await runSuitesAb(t.config, t.options, 'head');
    for (const side of ['base', 'head'] as const) {
      expect(runs[side].commit).toBe(`${side}-sha`);
      expect(runs[side].errors).toBeUndefined();
      expect(runs[side].benchmarks.map((b) => b.id)).toEqual(['js/sum 1000', 'js/sort 200', 'cmd/mark']);
    }
    // In one process the heap is shared: no heapUsed. The command's invocations alternate, head first.
    expect(runs.head.benchmarks[0]!.metrics?.heapUsed).toBeUndefined();
    expect(readFileSync(join(t.root, 'order.txt'), 'utf8').trim().split('\n')).toEqual(['head', 'base', 'base', 'head']);
    expect(t.events.filter((e) => e.type === 'suite-start').map((e) => (e as { suite: string }).suite)).toEqual(['js', 'cmd']);
    expect(t.events.filter((e) => e.type === 'suite-done').map((e) => (e as { benchmarks: number }).benchmarks)).toEqual([4, 2]);
  });

  it('runs the base first when told to, and each side in a process of its own with abSameProcess: false', async () => {
    const t = setup();
    const separate: Config = { suites: t.config.suites.map((s) => ('tinybench' in s ? { ...s, abSameProcess: false } : s)) };
    const runs = await runSuitesAb(separate, t.options, 'base');
    expect(readFileSync(join(t.root, 'order.txt'), 'utf8').trim().split('\n')).toEqual(['base', 'head', 'head', 'base']);
    // A process per side: each has its own heap, so heapUsed is back.
    for (const side of ['base', 'head'] as const) expect(runs[side].benchmarks[0]!.metrics?.heapUsed?.value).toBeGreaterThan(0);
  });

  it('reports a suite missing from the base tree on the base side only', async () => {
    const t = setup();
    rmSync(join(t.root, 'base', 'basic.bench.js'));
    const runs = await runSuitesAb(t.config, t.options, 'base');
    expect(runs.head.errors).toBeUndefined();
    expect(runs.head.benchmarks.map((b) => b.id)).toContain('js/sum 1000');
    expect(runs.base.benchmarks.map((b) => b.id)).toEqual(['cmd/mark']);
    expect(runs.base.errors![0]!.message).toMatch(/not found at .*base/);
  });
});
