import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeShards, type ShardFile } from '../../src/flows/merge/merge-shards.js';
import { readShardFiles } from '../../src/flows/merge/read-shards.js';
import { compareRuns } from '../../src/compare/index.js';
import { shardOf, type BenchmarkResult, type Machine, type RunFile, type ScalingRecord, type ShardRecord } from '../../src/model/index.js';

const MACHINE: Machine = { os: 'Linux 6.8.0', arch: 'x64', cpuModel: 'EPYC', cores: 4, nodeVersion: 'v20.19.0' };
const SUITES = ['alpha', 'beta', 'gamma', 'delta', 'big'];
const BIG = Array.from({ length: 12 }, (_, i) => `big/b${i}`);

function bench(id: string, value = 100): BenchmarkResult {
  const [suite, name] = id.split('/') as [string, string];
  return {
    id,
    suite,
    name,
    unit: 'ns',
    direction: 'smaller',
    value,
    samples: [value],
    stats: { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 },
  };
}

/** Shard `index` of 3 of the plan above, as a shard job would write it. */
function shard(index: number, over: Partial<ShardRecord> = {}, run: Partial<RunFile> = {}): RunFile {
  const whole = SUITES.filter((s) => s !== 'big' && shardOf(s, 3) === index).map((s) => bench(`${s}/only`));
  const split = BIG.filter((id) => shardOf(id, 3) === index).map((id) => bench(id));
  return {
    schemaVersion: 1,
    tool: 'track-performance',
    commit: 'c'.repeat(40),
    timestamp: `2026-12-01T10:0${index}:00.000Z`,
    machine: MACHINE,
    benchmarks: [...whole, ...split],
    shard: { index, count: 3, runId: '42', attempt: 1, suites: SUITES, split: { big: BIG }, ...over },
    ...run,
  };
}
const files = (...runs: RunFile[]): ShardFile[] => runs.map((run, i) => ({ file: `shard-${i + 1}.json`, run }));
const all = (): ShardFile[] => files(shard(1), shard(2), shard(3));

describe('mergeShards', () => {
  it('merges every shard into one run in the unsharded order, whatever order the files come in', () => {
    const { run, warnings, missing } = mergeShards(files(shard(3), shard(1), shard(2)), { commit: 'c'.repeat(40), runId: '42' });
    const order = [...SUITES.filter((s) => s !== 'big').map((s) => `${s}/only`), ...BIG];
    expect(run.benchmarks.map((b) => b.id)).toEqual(order);
    expect(warnings).toEqual([]);
    expect(missing).toEqual([]);
    expect(run.shard).toBeUndefined();
    expect(run.shards).toMatchObject({ count: 3, missing: [], runId: '42', attempt: 1 });
    expect(run.timestamp).toBe('2026-12-01T10:01:00.000Z');
  });

  it('names the missing index, or with allow-partial marks its suites not measured', () => {
    expect(() => mergeShards(files(shard(1), shard(3)))).toThrow(
      /^Shard 2 of 3 is missing \(found shard 1 \(shard-1\.json\), 3 \(shard-2\.json\)\)/,
    );
    const partial = mergeShards(files(shard(1), shard(3)), { allowPartial: true });
    expect(partial.missing).toEqual([{ index: 2 }]);
    const held = [...SUITES.filter((s) => s !== 'big' && shardOf(s, 3) === 2), 'big'];
    expect(partial.run.errors!.map((e) => e.suite).sort()).toEqual(held.sort());
    expect(partial.warnings.join('\n')).toMatch(/without shard 2 of 3 \(allow-partial\).*not recorded as a baseline/);
    // Compared with a full baseline, the absent benchmarks are errors (not measured), not deleted.
    const baseline = mergeShards(all()).run;
    const report = compareRuns({ baseline: [baseline], current: [partial.run] });
    const absent = report.benchmarks.filter((b) => !partial.run.benchmarks.some((p) => p.id === b.id));
    expect(absent.length).toBeGreaterThan(0);
    for (const b of absent) expect(b.verdict, b.id).toBe('error');
    expect(report.counts.missing).toBe(0);
  });

  it('refuses another commit, another run, a stale attempt, a duplicate index and a non-shard run, naming the file', () => {
    expect(() => mergeShards(files(shard(1), shard(2, {}, { commit: 'd'.repeat(40) }), shard(3)))).toThrow(
      /^shard-2\.json: measured commit dddddddddddd, but this merge is of commit cccccccccccc/,
    );
    expect(() => mergeShards(all(), { commit: 'e'.repeat(40) })).toThrow(/^shard-1\.json: measured commit cccc/);
    expect(() => mergeShards(files(shard(1), shard(2, { runId: '7' }), shard(3)))).toThrow(
      /^shard-2\.json: comes from workflow run 7, but this merge is of run 42/,
    );
    expect(() => mergeShards(files(shard(1), shard(2, { attempt: 2 }), shard(3)))).toThrow(
      /^shard-1\.json: shard 1 of 3 was measured in attempt 1, but attempt 2 is the newest: a stale shard/,
    );
    expect(() => mergeShards(files(shard(1), shard(2), shard(2), shard(3)))).toThrow(
      /^shard-3\.json: claims shard 2 of 3, as shard-2\.json does/,
    );
    const { shard: _drop, ...plain } = shard(2);
    expect(() => mergeShards(files(shard(1), plain as RunFile, shard(3)))).toThrow(/^shard-2\.json: not a shard's run file/);
    expect(() => mergeShards(files(shard(1), shard(2, { count: 4, index: 2 }), shard(3)))).toThrow(
      /^shard-2\.json: a shard of 4, but shard-1\.json is a shard of 3/,
    );
  });

  it('warns when shards ran on different machines', () => {
    const other = shard(2, {}, { machine: { ...MACHINE, cpuModel: 'Xeon' } });
    const { warnings } = mergeShards(files(shard(1), other, shard(3)));
    expect(warnings).toEqual([expect.stringMatching(/^shard 2 of 3 ran on another machine than shard 1 of 3 \(CPU "EPYC" vs "Xeon"\)/)]);
  });

  it('merges each variant as its own set of shards', () => {
    const v = (index: number, variant: string): RunFile => {
      const r = shard(index, { variant });
      return { ...r, benchmarks: r.benchmarks.map((b) => ({ ...b, id: `${b.id} [${variant}]`, name: `${b.name} [${variant}]` })) };
    };
    const { run } = mergeShards(files(v(1, 'linux'), v(2, 'linux'), v(3, 'linux'), v(1, 'mac'), v(2, 'mac'), v(3, 'mac')));
    expect(run.benchmarks).toHaveLength(2 * (4 + BIG.length));
    expect(run.shards!.variants).toEqual(['linux', 'mac']);
    expect(() => mergeShards(files(v(1, 'linux'), v(2, 'linux'), v(3, 'linux'), v(1, 'mac'), v(3, 'mac')))).toThrow(
      /^Shard 2 of 3 of variant mac is missing/,
    );
  });
});

describe('readShardFiles', () => {
  it('finds *.json at any depth, and names a corrupt file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-shards-'));
    mkdirSync(join(dir, 'perf-shard-1'));
    writeFileSync(join(dir, 'perf-shard-1', 'shard-1-of-3.json'), JSON.stringify(shard(1)));
    writeFileSync(join(dir, 'shard-2-of-3.json'), JSON.stringify(shard(2)));
    const read = await readShardFiles([dir], "Input 'shards'");
    expect(read.map((f) => f.run.shard!.index).sort()).toEqual([1, 2]);
    writeFileSync(join(dir, 'shard-3-of-3.json'), '{"tool": "track-performance", "benchm');
    await expect(readShardFiles([dir], "Input 'shards'")).rejects.toThrow(/shard-3-of-3\.json: not valid JSON/);
    writeFileSync(join(dir, 'shard-3-of-3.json'), JSON.stringify({ ...shard(3), shard: { index: 5, count: 3, suites: [] } }));
    await expect(readShardFiles([dir], "Input 'shards'")).rejects.toThrow(
      /shard-3-of-3\.json: \$\.shard\.index: expected a whole number from 1 to 3, got 5/,
    );
    await expect(readShardFiles([join(dir, 'nope')], "Input 'shards'")).rejects.toThrow(/Input 'shards': .*nope does not exist/);
  });
});

describe('mergeShards: scaling sweeps', () => {
  const SWEEPS = ['crawl', 'index', 'render', 'sort', 'zip'];
  const sweep = (suite: string): ScalingRecord => ({
    suite,
    command: 'node s.mjs {N}',
    unit: 'pages',
    levels: [1, 2, 4, 8].map((n) => ({ n, throughputs: [10 * n] })),
    reason: 'a fit of the shard',
  });
  /** Shard `index` with the sweeps its plan gives it, as a shard job writes them. */
  const withSweeps = (index: number): RunFile =>
    shard(index, { sweeps: SWEEPS }, { scaling: SWEEPS.filter((s) => shardOf(s, 3) === index).map(sweep) });

  it('keeps every shard’s sweeps, with their fits, in config order', () => {
    expect(new Set(SWEEPS.map((s) => shardOf(s, 3))).size).toBeGreaterThan(1);
    const { run } = mergeShards(files(withSweeps(3), withSweeps(1), withSweeps(2)));
    expect(run.scaling).toEqual(SWEEPS.map(sweep));
  });

  it('marks a missing shard’s sweeps not measured (allow-partial), and refuses a sweep measured twice', () => {
    const { run } = mergeShards(files(withSweeps(1), withSweeps(3)), { allowPartial: true });
    const lost = SWEEPS.filter((s) => shardOf(s, 3) === 2);
    for (const s of lost)
      expect(run.errors).toContainEqual({ suite: s, message: 'Not measured: shard 2 of 3 was not merged (allow-partial).' });
    expect(run.scaling?.map((r) => r.suite)).toEqual(SWEEPS.filter((s) => shardOf(s, 3) !== 2));
    const twice = withSweeps(2);
    twice.scaling = [...(twice.scaling ?? []), sweep(SWEEPS.find((s) => shardOf(s, 3) === 1)!)];
    expect(() => mergeShards(files(withSweeps(1), twice, withSweeps(3)))).toThrow(
      /^shard-2\.json: the sweep of ".*" was measured by shard-1\.json too/,
    );
    const older = shard(2);
    expect(() => mergeShards(files(withSweeps(1), older, withSweeps(3)))).toThrow(
      /^shard-2\.json: planned the suites .*the shards ran different configs/,
    );
  });
});

describe('mergeShards: balanced plans', () => {
  it('refuses shards planned from different runs’ costs, naming the file', () => {
    const a = { from: 'aaaa@t1', owners: { alpha: 1 } };
    const b = { from: 'bbbb@t2', owners: { alpha: 2 } };
    expect(() => mergeShards(files(shard(1, { balanced: a }), shard(2, { balanced: a }), shard(3, { balanced: b })))).toThrow(
      /^shard-3\.json: was planned by the costs of the run bbbb@t2, but shard-1\.json by the costs of the run aaaa@t1: the shards measured different shares/,
    );
    expect(() => mergeShards(files(shard(1, { balanced: a }), shard(2), shard(3, { balanced: a })))).toThrow(
      /^shard-2\.json: was planned by hash, but/,
    );
  });

  it('marks what a missing shard owned by the balanced plan not measured', () => {
    const owners = Object.fromEntries(SUITES.filter((s) => s !== 'big').map((s) => [s, 2]));
    const balanced = { from: 'aaaa@t1', owners };
    const { run } = mergeShards(files(shard(1, { balanced }), shard(3, { balanced })), { allowPartial: true });
    const lost = run.errors!.map((e) => e.suite);
    for (const s of SUITES.filter((x) => x !== 'big')) expect(lost).toContain(s);
  });
});
