import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTinybenchPair } from '../../src/bench/tinybench.js';
import type { ProgressEvent, Side } from '../../src/bench/types.js';
import type { TinybenchSuite } from '../../src/config/types.js';

const suite: TinybenchSuite = {
  name: 'pair',
  tinybench: 'pair.bench.mjs',
  time: 20,
  warmupTime: 5,
  iterations: 10,
  warmupIterations: 1,
  passes: 4,
};

/**
 * Two trees with their own copy of a suite. Each task notes, in a list on globalThis (which only
 * copies sharing one process can both reach), which side ran it and what `data.txt` in the
 * working directory says; a metric writes that list to `orderFile`.
 */
function trees(tasks: Record<Side, string[]>, body: Partial<Record<Side, string>> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'tp-pair-'));
  const orderFile = join(root, 'order.json');
  for (const side of ['base', 'head'] as const) {
    mkdirSync(join(root, side));
    writeFileSync(join(root, side, 'data.txt'), side);
    const source =
      body[side] ??
      `import { readFileSync, writeFileSync } from 'node:fs';
const order = (globalThis.order ??= []);
export default (suite) => {
  for (const name of ${JSON.stringify(tasks[side])}) {
    suite.add(name, () => {
      const entry = '${side}:' + name + ':' + readFileSync('data.txt', 'utf8');
      if (order.at(-1) !== entry) order.push(entry);
    });
  }
  suite.metric('${side} order', () => (writeFileSync(${JSON.stringify(orderFile)}, JSON.stringify(order)), order.length));
};
`;
    writeFileSync(join(root, side, 'pair.bench.mjs'), source);
  }
  const events: ProgressEvent[] = [];
  const ctx = {
    base: { cwd: join(root, 'base'), emit: (e: ProgressEvent) => events.push(e) },
    head: { cwd: join(root, 'head'), emit: (e: ProgressEvent) => events.push(e) },
  };
  return { root, ctx, events, order: () => JSON.parse(readFileSync(orderFile, 'utf8')) as string[] };
}

describe.concurrent('runTinybenchPair (in-process A/B)', () => {
  it('measures both copies in one process, each in its own tree, task by task with the order flipping every pass', async () => {
    const t = trees({ base: ['shared', 'only base'], head: ['shared', 'only head'] });
    const out = await runTinybenchPair(suite, t.ctx, true);
    expect(out.base.errors).toEqual([]);
    expect(out.head.errors).toEqual([]);
    expect(out.base.benchmarks.map((b) => b.name)).toEqual(['shared', 'only base', 'base order']);
    expect(out.head.benchmarks.map((b) => b.name)).toEqual(['shared', 'only head', 'head order']);
    for (const b of [...out.base.benchmarks, ...out.head.benchmarks].filter((b) => b.unit === 'ns')) {
      expect(b.samples!.length).toBeGreaterThanOrEqual(4);
      // The heap is both copies' at once: no heapUsed that would pass for one side's.
      expect(b.metrics?.heapUsed).toBeUndefined();
    }

    // One list holds both sides' entries: one process. Each read its own tree's data.txt.
    const order = t.order();
    for (const e of order) expect(e.split(':')[2]).toBe(e.split(':')[0]);
    // "shared" alternates base-first and head-first, pass by pass; a task on one side only runs alone.
    const shared = order.filter((e) => e.includes(':shared:')).map((e) => e.split(':')[0]);
    expect(shared).toEqual(['base', 'head', 'head', 'base', 'base', 'head', 'head', 'base']);
    expect(order.slice(0, 4).map((e) => e.split(':').slice(0, 2).join(':'))).toEqual([
      'base:shared',
      'head:shared',
      'head:only head',
      'base:only base',
    ]);
  });

  it('starts with the head when told to', async () => {
    const t = trees({ base: ['shared'], head: ['shared'] });
    await runTinybenchPair(suite, t.ctx, false);
    // Passes head-base, base-head, head-base, base-head; the list merges back-to-back repeats.
    expect(t.order().map((e) => e.split(':')[0])).toEqual(['head', 'base', 'head', 'base', 'head']);
  });

  it('alternates in 20 passes when the suite does not set passes', async () => {
    const t = trees({ base: ['shared'], head: ['shared'] });
    const { passes: _set, ...unset } = suite;
    await runTinybenchPair(unset, t.ctx, true);
    // 20 passes, each a base-head or head-base pair; back-to-back repeats merged: 21 entries.
    expect(t.order()).toHaveLength(21);
  });

  it('measures the head alone when the base tree lacks the suite file, and says so for the base', async () => {
    const t = trees({ base: [], head: ['shared'] });
    rmSync(join(t.root, 'base', 'pair.bench.mjs'));
    const out = await runTinybenchPair(suite, t.ctx, true);
    expect(out.head.errors).toEqual([]);
    expect(out.head.benchmarks.map((b) => b.name)).toEqual(['shared', 'head order']);
    expect(out.base.benchmarks).toEqual([]);
    expect(out.base.errors).toHaveLength(1);
    expect(out.base.errors[0]!.message).toMatch(/tinybench file "pair\.bench\.mjs" not found at .*base/);
  });

  it('keeps measuring the head when the base copy fails to load', async () => {
    const t = trees({ base: [], head: ['shared'] }, { base: "throw new Error('base copy is broken');\n" });
    const out = await runTinybenchPair(suite, t.ctx, true);
    expect(out.head.errors).toEqual([]);
    expect(out.head.benchmarks.map((b) => b.name)).toEqual(['shared', 'head order']);
    expect(out.base.benchmarks).toEqual([]);
    expect(out.base.errors[0]!.message).toContain('base copy is broken');
    expect(t.events.some((e) => e.type === 'error' && e.message.includes('base copy is broken'))).toBe(true);
  });
});
