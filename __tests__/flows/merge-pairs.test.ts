import { describe, expect, it } from 'vitest';
import { mergeShards, type ShardFile } from '../../src/flows/merge/merge-shards.js';
import { validateRun } from '../../src/importers/index.js';
import { shardOf, type AbPairs, type BenchmarkResult, type RunFile } from '../../src/model/index.js';

const SUITES = ['alpha', 'beta', 'gamma', 'delta'];
const BASE = 'b'.repeat(40);

function bench(id: string, value: number): BenchmarkResult {
  const [suite, name] = id.split('/') as [string, string];
  const stats = { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 };
  return { id, suite, name, unit: 'ns', direction: 'smaller', value, samples: [value], stats };
}
const round = (ids: string[], value: number, t: string): RunFile => ({
  schemaVersion: 1,
  tool: 'track-performance',
  timestamp: t,
  benchmarks: ids.map((id) => bench(id, value)),
});

/** A/B shard `index` of 2: `rounds` pairs of its suites' one benchmark each (head 10% slower in round 2). */
function abShard(index: number, rounds: number, ab: Partial<AbPairs> = {}): RunFile {
  const ids = SUITES.filter((s) => shardOf(s, 2) === index).map((s) => `${s}/one`);
  const pairs: AbPairs = {
    baseCommit: BASE,
    base: Array.from({ length: rounds }, (_, i) => round(ids, 100 + i, `2026-12-01T10:0${i}:0${index}.000Z`)),
    head: Array.from({ length: rounds }, (_, i) => round(ids, 100 + i + (i === 1 ? 10 : 0), `2026-12-01T10:0${i}:1${index}.000Z`)),
    ...ab,
  };
  return {
    ...pairs.head[rounds - 1]!,
    commit: 'c'.repeat(40),
    shard: { index, count: 2, runId: '7', attempt: 1, suites: SUITES, ab: pairs },
  };
}
const files = (...runs: RunFile[]): ShardFile[] => runs.map((run, i) => ({ file: `shard-${i + 1}.json`, run }));

describe('mergeShards of A/B shards', () => {
  it("unites round i of every shard into round i, in config order, each benchmark keeping its own shard's pairs", () => {
    expect(SUITES.map((s) => shardOf(s, 2))).toContain(1);
    expect(SUITES.map((s) => shardOf(s, 2))).toContain(2);
    const { run, warnings } = mergeShards(
      files(abShard(2, 3, { notes: ['The time budget of 9 s ended the rounds after 3 of 5 pairs.'] }), abShard(1, 3)),
    );
    const ab = run.shards!.ab!;
    expect(ab.baseCommit).toBe(BASE);
    expect(ab.base).toHaveLength(3);
    expect(ab.head).toHaveLength(3);
    for (const r of [...ab.base, ...ab.head]) expect(r.benchmarks.map((b) => b.id)).toEqual(SUITES.map((s) => `${s}/one`));
    expect(ab.base.map((r) => r.commit)).toEqual([BASE, BASE, BASE]);
    expect(ab.head[1]!.benchmarks.map((b) => b.value)).toEqual([111, 111, 111, 111]);
    expect(ab.head[0]!.timestamp).toBe('2026-12-01T10:00:11.000Z'); // the earliest piece of the round
    expect(warnings).toEqual(['Shard 2 of 2: The time budget of 9 s ended the rounds after 3 of 5 pairs.']);
    expect(ab.notes).toEqual(warnings);
  });

  it('keeps a shard with fewer rounds: its benchmarks are absent from the later rounds only', () => {
    const { run } = mergeShards(files(abShard(1, 2), abShard(2, 3)));
    const ab = run.shards!.ab!;
    expect(ab.head).toHaveLength(3);
    const two = SUITES.filter((s) => shardOf(s, 2) === 2).map((s) => `${s}/one`);
    expect(ab.head[2]!.benchmarks.map((b) => b.id)).toEqual(two);
    expect(ab.base[2]!.benchmarks.map((b) => b.id)).toEqual(two);
  });

  it('refuses a plain shard beside an A/B one, and A/B shards against different bases, naming the file', () => {
    const plain = abShard(2, 2);
    delete plain.shard!.ab;
    expect(() => mergeShards(files(abShard(1, 2), plain))).toThrow(
      /^shard-2\.json: a shard measured without A\/B pairs, but shard-1\.json is an A\/B shard \(mode ab\)/,
    );
    expect(() => mergeShards(files(abShard(1, 2), abShard(2, 2, { baseCommit: 'e'.repeat(40) })))).toThrow(
      /^shard-2\.json: measured A\/B pairs against the base eeeeeeeeeeee, but shard-1\.json against bbbbbbbbbbbb/,
    );
  });

  it('marks a missing shard (allow-partial) not measured in the last head round', () => {
    const { run } = mergeShards(files(abShard(1, 2)), { allowPartial: true });
    const errors = run.shards!.ab!.head[1]!.errors;
    expect(errors?.map((e) => e.suite)).toEqual(SUITES.filter((s) => shardOf(s, 2) === 2));
    expect(run.shards!.ab!.head[0]!.errors).toBeUndefined();
  });

  it('a corrupt pair in a shard file is named by its JSON path', () => {
    const bad = JSON.parse(JSON.stringify(abShard(1, 2))) as { shard: { ab: { head: Array<{ benchmarks: Array<{ stats: unknown }> }> } } };
    bad.shard.ab.head[1]!.benchmarks[0]!.stats = 'fast';
    expect(() => validateRun(bad, 'shard-1.json')).toThrow(/shard-1\.json.*\$\.shard\.ab\.head\[1\]\.benchmarks\[0\]\.stats/);
    const noBase = JSON.parse(JSON.stringify(abShard(1, 2))) as { shard: { ab: { baseCommit?: string } } };
    delete noBase.shard.ab.baseCommit;
    expect(() => validateRun(noBase, 'shard-1.json')).toThrow(/\$\.shard\.ab\.baseCommit/);
  });
});
