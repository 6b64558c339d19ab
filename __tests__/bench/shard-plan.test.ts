import { describe, expect, it } from 'vitest';
import { describeShares, planShard } from '../../src/bench/shard-plan.js';
import type { SuiteConfig } from '../../src/config/types.js';
import { labelVariant, measuredCosts, parseShard, shardOf, type RunFile, type ShardWeights } from '../../src/model/index.js';

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

describe('planShard weighted by measured costs', () => {
  const names = ['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];
  const costs = [90, 50, 40, 30, 20, 10, 10, 5, 5];
  const suites: SuiteConfig[] = [...names.map((name) => ({ name, command: 'true' })), { name: 'fresh', command: 'true' }];
  const weights = (order = names): ShardWeights => ({
    from: 'c0ffee@2026-12-01T10:00:00.000Z',
    costs: { suites: Object.fromEntries(order.map((n) => [n, costs[names.indexOf(n)]! * 1000])), benchmarks: {} },
  });
  const plansOf = (w?: ShardWeights) => [1, 2, 3].map((index) => planShard(suites, { index, count: 3 }, [], w));
  const longest = (plans: ReturnType<typeof plansOf>) =>
    Math.max(...plans.map((p) => p.suites.reduce((t, s) => t + (costs[names.indexOf(s.name)] ?? 0), 0)));

  it('gives every suite to exactly one shard and evens the measured time out (LPT: within 4/3 of the best)', () => {
    const plans = plansOf(weights());
    for (const s of suites) expect(plans.filter((p) => p.suites.some((x) => x.name === s.name)).length, s.name).toBe(1);
    const total = costs.reduce((a, b) => a + b, 0);
    expect(longest(plans)).toBeLessThanOrEqual((4 / 3) * Math.max(total / 3, 90));
    expect(longest(plans)).toBeLessThanOrEqual(longest(plansOf()));
    expect(plans[0]!.shares.map((s) => s.ms)).toEqual(
      plans.map((p) => p.suites.reduce((t, s) => t + (costs[names.indexOf(s.name)] ?? 0) * 1000, 0)),
    );
  });

  it('is stable: the same costs in any order give the same plan, and a suite without a cost keeps its hash owner', () => {
    const a = plansOf(weights());
    const b = plansOf(weights([...names].reverse()));
    expect(b.map((p) => p.record)).toEqual(a.map((p) => p.record));
    expect(b.map((p) => p.suites.map((s) => s.name))).toEqual(a.map((p) => p.suites.map((s) => s.name)));
    const owner = a.find((p) => p.suites.some((s) => s.name === 'fresh'))!.record.index;
    expect(owner).toBe(shardOf('fresh', 3));
    expect(a[0]!.record.balanced).toEqual({
      from: 'c0ffee@2026-12-01T10:00:00.000Z',
      owners: expect.not.objectContaining({ fresh: expect.anything() }),
    });
    expect(a[0]!.unweighed).toBe(1);
  });

  it('weighs a split suite benchmark by benchmark, and says what it planned', () => {
    const big: SuiteConfig = { name: 'big', command: { a: 'true', b: 'true', c: 'true', d: 'true' }, split: true };
    const w: ShardWeights = {
      from: 'x@t',
      costs: { suites: {}, benchmarks: { 'big/a': 4000, 'big/b': 3000, 'big/c': 2000, 'big/d': 1000 } },
    };
    const plans = [1, 2].map((index) => planShard([big], { index, count: 2 }, [], w));
    expect(plans.map((p) => Object.keys((p.suites[0] as { command: object }).command))).toEqual([
      ['a', 'd'],
      ['b', 'c'],
    ]);
    expect(describeShares(plans[0]!)).toBe(
      'Shard plan (weighted by the measuring times of the run x@t): shard 1: 2 part(s), ~5.0 s measured last time; shard 2: 2 part(s), ~5.0 s measured last time.',
    );
    expect(describeShares(planShard([big], { index: 1, count: 2 }))).toMatch(
      /^Shard plan \(by hash of each name\): shard 1: \d part\(s\); shard 2: \d part\(s\)\.$/,
    );
  });
});

describe('measuredCosts', () => {
  it('is samples × mean for time units, summed per suite; other units and the variant label are left out', () => {
    const b = (id: string, unit: string, n: number, mean: number) => ({
      id,
      suite: id.split('/')[0]!,
      name: id.split('/')[1]!,
      unit,
      direction: 'smaller' as const,
      value: mean,
      stats: { n, mean, median: mean, min: mean, max: mean, stdev: 0 },
    });
    const run: RunFile = {
      schemaVersion: 1,
      tool: 'track-performance',
      timestamp: 't',
      benchmarks: [b('p/a [v]', 'ns', 30, 1e8), b('p/b [v]', 'ns', 10, 2e6), b('q/ops [v]', 'ops/s', 5, 100)],
    };
    expect(measuredCosts(run, 'v')).toEqual({ suites: { p: 3020 }, benchmarks: { 'p/a': 3000, 'p/b': 20 } });
  });
});
