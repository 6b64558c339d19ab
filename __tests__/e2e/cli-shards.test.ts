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
});
