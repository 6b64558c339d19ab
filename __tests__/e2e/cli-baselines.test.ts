import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { RUN_SCHEMA_VERSION, type RunFile } from '../../src/model/index.js';
import { DIST_CLI, pullRequestEvent, runBuiltAction } from '../helpers/action-process.js';
import { cli } from '../helpers/cli-process.js';

const HYPERFINE_TWO = resolve(import.meta.dirname, '../fixtures/hyperfine/two.json');

/** A run of one benchmark `sleepy/nap` around `ms` milliseconds, five samples. */
function run(ms: number, day: number): RunFile {
  const samples = [0.99, 1, 1.01, 1, 1.005].map((f) => f * ms * 1e6);
  const mean = samples.reduce((a, b) => a + b) / samples.length;
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    tool: 'track-performance',
    commit: `${day}`.padStart(40, '0'),
    timestamp: new Date(Date.UTC(2026, 10, day)).toISOString(),
    benchmarks: [
      {
        id: 'sleepy/nap',
        suite: 'sleepy',
        name: 'nap',
        unit: 'ns',
        direction: 'smaller',
        value: mean,
        samples,
        stats: { n: 5, mean, median: ms * 1e6, min: samples[0]!, max: samples[2]!, stdev: 0.007 * mean },
      },
    ],
  };
}

/** A directory store with `n` runs of `branch`, written by the store the action uses. */
async function store(dir: string, branch: string, n: number, ms = 10): Promise<void> {
  const s = createStore({ kind: 'directory', dir });
  for (let i = 1; i <= n; i++) await s.save(run(ms * (1 + 0.02 * (i % 2)), i), branch);
}

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `tp-${name}-`));

describe('the CLI reads its own store', () => {
  it('takes what baseline save wrote as a history file, a directory, or --baseline-dir', async () => {
    const dir = tmp('cli-own-store');
    for (let i = 0; i < 2; i++) expect((await cli(['baseline', 'save', HYPERFINE_TWO, '--dir', 'store'], dir)).code).toBe(0);
    for (const args of [
      ['--baseline', 'store/main.json'],
      ['--baseline', 'store'],
      ['--baseline-dir', 'store'],
      ['--baseline-dir', 'store', '--branch', 'main'],
    ]) {
      const compared = await cli(['compare', ...args, '--current', HYPERFINE_TWO, '--json'], dir);
      expect(compared.code, `${args.join(' ')}: ${compared.stderr}`).toBe(0);
      const report = JSON.parse(compared.stdout);
      expect(report).toMatchObject({ design: 'history', baseline: { runs: 2 } });
      expect(report.benchmarks.map((b: { name: string }) => b.name)).toEqual(['sleep 0.01', 'sleep 0.02']);
    }
    const md = await cli(['report', '--baseline-dir', 'store', '--current', HYPERFINE_TWO], dir);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('<!-- track-performance:');
  });

  it('reads the newest --history runs of a store and finds a regression against them', async () => {
    const dir = tmp('cli-history');
    await store(join(dir, 'store'), 'main', 12);
    writeFileSync(join(dir, 'slow.json'), JSON.stringify(run(20, 30)));
    const compared = await cli(['compare', '--baseline-dir', 'store', '--current', 'slow.json', '--json'], dir);
    expect(compared.code).toBe(1);
    const report = JSON.parse(compared.stdout);
    expect(report.baseline.runs).toBe(10); // the default, as in the action
    expect(report.benchmarks[0]).toMatchObject({ id: 'sleepy/nap', verdict: 'regression' });
    const three = await cli(['compare', '--baseline', 'store/main.json', '--history', '3', '--current', 'slow.json', '--json'], dir);
    expect(JSON.parse(three.stdout).baseline.runs).toBe(3);
  });

  it('picks the only branch, and otherwise asks for one by listing them', async () => {
    const dir = tmp('cli-branches');
    await store(join(dir, 'one'), 'feature/x', 3);
    writeFileSync(join(dir, 'cur.json'), JSON.stringify(run(10, 30)));
    const only = await cli(['compare', '--baseline-dir', 'one', '--current', 'cur.json', '--json'], dir);
    expect(only.code, only.stderr).toBe(0);
    expect(JSON.parse(only.stdout).baseline.runs).toBe(3);

    await store(join(dir, 'one'), 'dev', 2);
    const ambiguous = await cli(['compare', '--baseline-dir', 'one', '--current', 'cur.json'], dir);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/several branches and none is "main": name one with --branch \(it holds "dev", "feature\/x"\)/);
    expect(ambiguous.stderr).not.toMatch(/\n\s+at /);
    const dev = await cli(['compare', '--baseline-dir', 'one', '--branch', 'dev', '--current', 'cur.json', '--json'], dir);
    expect(JSON.parse(dev.stdout).baseline.runs).toBe(2);

    const missing = await cli(['compare', '--baseline-dir', 'one', '--branch', 'main', '--current', 'cur.json'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No baseline of branch "main" in directory');
    const empty = await cli(['compare', '--baseline-dir', 'nowhere', '--current', 'cur.json'], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('it holds no history files');
    const stray = await cli(['compare', '--baseline', 'cur.json', '--branch', 'dev', '--current', 'cur.json'], dir);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--branch names a branch of a store');
  });

  it('names the file and what was expected for a damaged history file', async () => {
    const dir = tmp('cli-bad-history');
    writeFileSync(join(dir, 'h.json'), JSON.stringify({ tool: 'track-performance', kind: 'history', schemaVersion: 2, branch: 'main' }));
    const bad = await cli(['compare', '--baseline', 'h.json', '--current', HYPERFINE_TWO], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/History file .*h\.json has no "entries" array/);
  });
});

describe('--baseline A B C', () => {
  it('takes every file after one flag, mixed with repeated flags', async () => {
    const dir = tmp('cli-lists');
    for (const d of [1, 2, 3]) writeFileSync(join(dir, `b${d}.json`), JSON.stringify(run(10 + d / 10, d)));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(run(10, 9)));
    const listed = await cli(['compare', '--baseline', 'b1.json', 'b2.json', 'b3.json', '--current', 'c.json', 'c.json', '--json'], dir);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).baseline.runs).toBe(3);
    const mixed = await cli(['compare', '--baseline', 'b1.json', '--current', 'c.json', '--baseline', 'b2.json', 'b3.json', '--json'], dir);
    expect(JSON.parse(mixed.stdout).baseline.runs).toBe(3);

    const stray = await cli(['compare', '--baseline', 'b1.json', '--paired', 'b2.json', '--current', 'c.json'], dir);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain("unexpected argument 'b2.json'");
  });
});

describe('a closed stdout', () => {
  it('ends baseline show --json | head quietly with exit 0', async () => {
    const dir = tmp('cli-epipe');
    const big = run(10, 1);
    big.benchmarks = Array.from({ length: 3000 }, (_, i) => ({ ...big.benchmarks[0]!, id: `sleepy/nap ${i}`, name: `nap ${i}` }));
    writeFileSync(join(dir, 'big.json'), JSON.stringify(big));
    expect((await cli(['baseline', 'save', 'big.json', '--dir', 'store'], dir)).code).toBe(0);
    // Read the first chunk, then close the pipe, as `head -c` does: the rest (MBs) cannot be written.
    const child = spawn(process.execPath, [DIST_CLI, 'baseline', 'show', '--json', '--dir', 'store'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('the action reads a history file named as its baseline', () => {
  it('compares a PR with the newest `history` runs of the file', async () => {
    const ws = tmp('ws-history');
    await store(join(ws, 'saved'), 'main', 4);
    writeFileSync(
      join(ws, 'performance-tracker.json'),
      JSON.stringify({ suites: [{ name: 'sleepy', command: { nap: 'sleep 0.01' }, runs: 3, warmup: 0 }] }),
    );
    const pr = await runBuiltAction({
      workspace: ws,
      eventName: 'pull_request',
      event: pullRequestEvent(3),
      inputs: { baseline: 'saved/main.json', history: '3', comment: 'false', 'fail-on': 'never' },
    });
    expect(pr.code, pr.stdout).toBe(0);
    const report = JSON.parse(readFileSync(pr.outputs.report!, 'utf8'));
    expect(report.baseline.runs).toBe(3);
    expect(report.benchmarks[0]).toMatchObject({ id: 'sleepy/nap' });
    expect(report.benchmarks[0].verdict).not.toMatch(/new|missing/);
  });
});
