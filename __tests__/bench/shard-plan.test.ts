import { describe, expect, it } from 'vitest';
import { planShard } from '../../src/bench/shard-plan.js';
import type { SuiteConfig } from '../../src/config/types.js';
import { labelVariant, parseShard, shardOf, type RunFile } from '../../src/model/index.js';

const ids = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `big/bench-${from + i}`);

describe('shardOf: a stable hash of the key', () => {
  it('keeps every benchmark on its shard when benchmarks are added', () => {
    const before = new Map(ids(200).map((id) => [id, shardOf(id, 3)]));
    const after = new Map([...ids(50, 1000), ...ids(200)].map((id) => [id, shardOf(id, 3)]));
    for (const [id, shard] of before) expect(after.get(id), id).toBe(shard);
  });

  it('spreads keys over every shard, each share within 25% of an even split', () => {
    const counts = [0, 0, 0, 0];
    for (const id of ids(2000)) counts[shardOf(id, 4) - 1]!++;
    for (const c of counts) expect(Math.abs(c - 500)).toBeLessThan(125);
  });

  it('gives every key shard 1 of 1', () => {
    expect(new Set(ids(50).map((id) => shardOf(id, 1)))).toEqual(new Set([1]));
  });
});

describe('parseShard', () => {
  it('reads i/n and names the field in its error otherwise', () => {
    expect(parseShard(' 2/3 ', 'Input shard')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '1/999', ''])
      expect(() => parseShard(bad, "Input 'shard'")).toThrow(/Input 'shard' must be "i\/n"/);
  });
});

describe('planShard', () => {
  const suites: SuiteConfig[] = [
    { name: 'alpha', command: 'true' },
    { name: 'beta', import: 'b.json' },
    { name: 'gamma', tinybench: 'g.bench.js' },
    { name: 'big', command: Object.fromEntries(ids(30).map((id) => [id.slice(4), 'true'])), split: true },
  ];
  const plans = [1, 2, 3].map((index) => planShard(suites, { index, count: 3 }));

  it('gives each whole suite to exactly one shard, and records the plan', () => {
    for (const name of ['alpha', 'beta', 'gamma']) expect(plans.filter((p) => p.suites.some((s) => s.name === name)).length, name).toBe(1);
    expect(plans[0]!.record.suites).toEqual(['alpha', 'beta', 'gamma', 'big']);
    expect(plans[0]!.record.split).toEqual({ big: ids(30) });
  });

  it('gives each scaling sweep to exactly one shard, and records every sweep in config order', () => {
    const sweeps = ['crawl', 'index', 'render', 'sort', 'zip'].map((name) => ({ name, command: 'node s.mjs {N}' }));
    const withSweeps = [1, 2, 3].map((index) => planShard(suites, { index, count: 3 }, sweeps));
    for (const { name } of sweeps) expect(withSweeps.filter((p) => p.sweeps.some((s) => s.name === name)).length, name).toBe(1);
    expect(new Set(withSweeps.map((p) => p.sweeps.length > 0))).toContain(true);
    for (const p of withSweeps) expect(p.record.sweeps).toEqual(sweeps.map((s) => s.name));
    for (const p of withSweeps)
      expect(p.sweeps.map((s) => s.name)).toEqual(sweeps.map((s) => s.name).filter((n) => shardOf(n, 3) === p.record.index));
    expect(plans[0]!.record.sweeps).toBeUndefined(); // no scaling suites, no record of them
  });

  it('splits a split suite by benchmark id: each command in exactly one shard', () => {
    const shares = plans.map((p) => Object.keys((p.suites.find((s) => s.name === 'big') as { command: Record<string, string> }).command));
    expect(shares.flat().sort()).toEqual(
      ids(30)
        .map((id) => id.slice(4))
        .sort(),
    );
    for (const share of shares) expect(share.length).toBeGreaterThan(0);
  });

  it('cuts a split import suite to its share and records all its ids in order', () => {
    const imported: SuiteConfig = { name: 'big', import: 'f.json', split: true };
    const plan = planShard([imported], { index: 2, count: 3 });
    const bench = (id: string) => ({
      id,
      suite: 'big',
      name: id.slice(4),
      unit: 'ns',
      direction: 'smaller' as const,
      value: 1,
      stats: { n: 1, mean: 1, median: 1, min: 1, max: 1, stdev: 0 },
    });
    const out = plan.share(imported, {
      benchmarks: ids(30).map(bench),
      errors: [{ suite: 'big', message: 'whole' }, ...ids(30).map((id) => ({ suite: 'big', task: id.slice(4), message: 'task' }))],
    });
    expect(out.benchmarks.map((b) => b.id)).toEqual(ids(30).filter((id) => shardOf(id, 3) === 2));
    expect(out.errors.filter((e) => e.task).map((e) => `big/${e.task}`)).toEqual(ids(30).filter((id) => shardOf(id, 3) === 2));
    expect(out.errors.some((e) => e.task === undefined)).toBe(true);
    expect(plan.record.split).toEqual({ big: ids(30) });
  });
});

describe('labelVariant', () => {
  it('labels ids, names, task errors and split ids, not suites', () => {
    const run: RunFile = {
      schemaVersion: 1,
      tool: 'track-performance',
      timestamp: 't',
      benchmarks: [
        {
          id: 's/a',
          suite: 's',
          name: 'a',
          unit: 'ns',
          direction: 'smaller',
          value: 1,
          stats: { n: 1, mean: 1, median: 1, min: 1, max: 1, stdev: 0 },
        },
      ],
      errors: [{ suite: 's', task: 'b', message: 'x' }],
      shard: { index: 1, count: 2, suites: ['s'], split: { s: ['s/a', 's/b'] } },
    };
    const v = labelVariant(run, 'win-node22');
    expect(v.benchmarks[0]).toMatchObject({ id: 's/a [win-node22]', name: 'a [win-node22]', suite: 's' });
    expect(v.errors![0]!.task).toBe('b [win-node22]');
    expect(v.shard).toMatchObject({ variant: 'win-node22', split: { s: ['s/a [win-node22]', 's/b [win-node22]'] } });
    expect(v.variant).toBe('win-node22');
  });
});
