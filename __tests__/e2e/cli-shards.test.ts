/** The CLI's `benchmark --shard` and `merge`, as processes of the built dist/cli.js. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-process.js';
import type { RunFile } from '../../src/model/index.js';

const CI = { GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '1' };
const read = (ws: string, f: string): RunFile => JSON.parse(readFileSync(join(ws, f), 'utf8')) as RunFile;

describe('track-performance benchmark --shard and merge', () => {
  it('splits a command suite over two shards and merges them back, every id once, in config order', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'tp-cli-shards-'));
    const commands = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`c${i}`, 'true']));
    writeFileSync(
      join(ws, 'performance-tracker.json'),
      JSON.stringify({ suites: [{ name: 'many', command: commands, runs: 2, warmup: 0, split: true }] }),
    );
    for (const i of [1, 2]) {
      const r = await cli(
        ['benchmark', '--shard', `${i}/2`, '--variant', 'linux node', '--commit', 'f'.repeat(40), '--out', `s${i}.json`],
        ws,
        CI,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(read(ws, `s${i}.json`).shard).toMatchObject({ index: i, count: 2, runId: '77', attempt: 1, variant: 'linux-node' });
    }
    const shares = [1, 2].map((i) => read(ws, `s${i}.json`).benchmarks.map((b) => b.id));
    for (const s of shares) expect(s.length).toBeGreaterThan(0);

    const merged = await cli(['merge', 's2.json', 's1.json', '--out', 'run.json'], ws);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toContain('Merged 2 shard run file(s)');
    expect(read(ws, 'run.json').benchmarks.map((b) => b.id)).toEqual(Object.keys(commands).map((c) => `many/${c} [linux-node]`));

    const missing = await cli(['merge', 's1.json', '--out', 'part.json'], ws);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Error: Shard 2 of 2 of variant linux-node is missing \(found shard 1 \(.*s1\.json\)\)/);
    const partial = await cli(['merge', 's1.json', '--out', 'part.json', '--allow-partial'], ws);
    expect(partial.code).toBe(0);
    expect(partial.stderr).toMatch(/warning: Merged without shard 2 of 2 of variant linux-node \(allow-partial\)/);
    expect(read(ws, 'part.json').errors).toEqual([
      { suite: 'many', message: 'Not measured: shard 2 of 2 of variant linux-node was not merged (allow-partial).' },
    ]);

    const other = await cli(['merge', 's1.json', 's2.json', '--commit', 'e'.repeat(40), '--out', 'x.json'], ws);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/s1\.json: measured commit ffffffffffff, but this merge is of commit eeeeeeeeeeee/);
    const bad = await cli(['benchmark', '--shard', '3/2'], ws);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Option --shard must be "i/n"');
  });

  it('balances the shards by the measuring times of a run (--balance-from), prints the plan, and merges back', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'tp-cli-balance-'));
    // Six import suites whose samples add up to 8, 4, 2, 1, 1 and 1 seconds of measuring.
    const seconds = { heavy: 8, large: 4, mid: 2, t1: 1, t2: 1, t3: 1 };
    for (const [name, s] of Object.entries(seconds))
      writeFileSync(
        join(ws, `${name}.json`),
        JSON.stringify({ benchmarks: [{ name: 'x', unit: 'ms', direction: 'smaller', samples: [s * 250, s * 250, s * 250, s * 250] }] }),
      );
    const suites = Object.keys(seconds).map((name) => ({ name, import: `${name}.json`, format: 'custom' }));
    writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify({ suites }));
    expect((await cli(['benchmark', '--commit', 'a'.repeat(40), '--out', 'base.json'], ws)).code).toBe(0);
    const plans: string[] = [];
    for (const i of [1, 2, 3]) {
      const r = await cli(
        ['benchmark', '--shard', `${i}/3`, '--balance-from', 'base.json', '--commit', 'f'.repeat(40), '--out', `s${i}.json`],
        ws,
        CI,
      );
      expect(r.code, r.stderr).toBe(0);
      plans.push(/Shard plan .*/.exec(r.stderr)![0]);
      expect(read(ws, `s${i}.json`).shard!.balanced).toMatchObject({ from: expect.stringMatching(/^a{40}@/) });
    }
    // Longest first to the least loaded: 8 | 4 + 1 | 2 + 1 + 1 — every job prints the same plan.
    expect(new Set(plans).size).toBe(1);
    expect(plans[0]).toMatch(
      /^Shard plan \(weighted by the measuring times of the run a{40}@[^)]+\): shard 1: 1 part\(s\), ~8\.0 s measured last time; shard 2: 2 part\(s\), ~5\.0 s measured last time; shard 3: 3 part\(s\), ~4\.0 s measured last time\.$/,
    );
    expect(read(ws, 's1.json').benchmarks.map((b) => b.id)).toEqual(['heavy/x']);
    const merged = await cli(['merge', 's1.json', 's2.json', 's3.json', '--out', 'run.json'], ws);
    expect(merged.code, merged.stderr).toBe(0);
    expect(read(ws, 'run.json').benchmarks.map((b) => b.id)).toEqual(Object.keys(seconds).map((n) => `${n}/x`));
  });
});
