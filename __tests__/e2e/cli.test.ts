import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-process.js';
import { hasGit, tempRepo } from '../helpers/git-repo.js';
import { hasHyperfine } from '../helpers/sleepy.js';

const HYPERFINE_TWO = resolve(import.meta.dirname, '../fixtures/hyperfine/two.json');

if (!hasHyperfine) console.warn('skipping live hyperfine CLI tests: install hyperfine (apt-get install hyperfine)');

describe('the built CLI (dist/cli.js)', () => {
  it('compares hyperfine exports and names benchmarks as hyperfine did', async () => {
    const run = await cli(['compare', '--baseline', HYPERFINE_TWO, '--current', HYPERFINE_TWO, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.verdict).toBe('pass');
    expect(report.benchmarks.map((b: { name: string }) => b.name)).toEqual(['sleep 0.01', 'sleep 0.02']);
    for (const b of report.benchmarks) {
      expect(['unchanged', 'inconclusive']).toContain(b.verdict);
      expect(b.change).toBe(0);
      expect(b.ci).toHaveLength(2);
      expect(b.ci[0]).toBeLessThanOrEqual(0);
      expect(b.ci[1]).toBeGreaterThanOrEqual(0);
    }
  });

  it.skipIf(!hasGit)('runs an A/B of a tinybench suite with both copies in one worker of the bundle, and writes both sides', async () => {
    const { repo, commit } = tempRepo();
    const suite = (n: number) =>
      `export default (suite) => { suite.add('loop | @here', () => { let x = 0; for (let i = 0; i < ${n}; i++) x += i; return x; }); };\n`;
    commit(
      {
        'performance-tracker.json': JSON.stringify({
          suites: [{ name: 'js', tinybench: 'bench/loop.bench.mjs', time: 40, warmupTime: 5 }],
        }),
        'bench/loop.bench.mjs': suite(1000),
      },
      'base',
    );
    commit({ 'bench/loop.bench.mjs': suite(3000) }, 'head');
    const run = await cli(['ab', '--base', 'HEAD~1', '--rounds', '2', '--json', '--out', '.out'], repo);
    expect(run.code, run.stderr).toBeLessThan(2);
    expect(run.stderr).toMatch(/\[base [0-9a-f]{7}\] "loop \| @here": \d+ samples/);
    const report = JSON.parse(run.stdout);
    expect(report.design).toBe('paired');
    expect(report.baseline.runs).toBe(2);
    expect(report.benchmarks.map((b: { id: string }) => b.id)).toEqual(['js/loop | @here']);
    expect(report.benchmarks[0].change).toBeGreaterThan(0);
    // The head's run file: measured beside the base copy in one process, so no heapUsed of its own.
    const head = JSON.parse(readFileSync(join(repo, '.out', 'run.json'), 'utf8'));
    expect(head.benchmarks[0].samples.length).toBeGreaterThan(0);
    expect(head.benchmarks[0].metrics?.heapUsed).toBeUndefined();
  });

  it('keeps baselines in a local directory store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-cli-store-'));
    const saved = await cli(['baseline', 'save', HYPERFINE_TWO, '--dir', 'store', '--branch', 'main'], dir);
    expect(saved.code, saved.stderr).toBe(0);
    const shown = await cli(['baseline', 'show', '--dir', 'store', '--branch', 'main', '--json'], dir);
    expect(shown.code).toBe(0);
    const runs = JSON.parse(shown.stdout);
    expect(runs).toHaveLength(1);
    expect(runs[0].benchmarks.map((b: { name: string }) => b.name)).toEqual(['sleep 0.01', 'sleep 0.02']);
    expect(JSON.parse(readFileSync(join(dir, 'store', 'main.json'), 'utf8')).schemaVersion).toBeGreaterThan(0);
  });

  it('prints what it imports from a foreign file as a run file', async () => {
    const run = await cli(['import', HYPERFINE_TWO]);
    expect(run.code).toBe(0);
    const file = JSON.parse(run.stdout);
    expect(file.tool).toBe('track-performance');
    expect(file.benchmarks[1]).toMatchObject({ name: 'sleep 0.02', unit: 'ns', direction: 'smaller' });
    expect(file.benchmarks[1].samples).toHaveLength(5);
  });

  it('exits 2 with a message naming the problem on bad usage or bad input', async () => {
    const missing = await cli(['compare', '--baseline', 'nope.json', '--current', HYPERFINE_TWO]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot read the file \(ENOENT\)/);

    const garbage = join(mkdtempSync(join(tmpdir(), 'tp-cli-bad-')), 'garbage.json');
    writeFileSync(garbage, '{"results": [ {"command": "x", "mean": ');
    const bad = await cli(['compare', '--baseline', garbage, '--current', HYPERFINE_TWO]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('garbage.json');

    const unknown = await cli(['compare', '--frob']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--frob'");

    const verb = await cli(['bench']);
    expect(verb.code).toBe(2);
  });

  it('exits by --fail-on as the action does: never, regression (the default), or warning too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-cli-failon-'));
    // hyperfine exports written by hand: three baselines near 100 ms, a current run at 200 ms.
    const hf = (file: string, center: number) => {
      const times = [0.98, 1, 1.01, 0.99, 1.02].map((k, i) => center * k * (1 + i * 1e-3));
      writeFileSync(join(dir, file), JSON.stringify({ results: [{ command: 'nap', mean: center, stddev: 0.001, median: center, times }] }));
      return file;
    };
    const base = [hf('a.json', 0.1), hf('b.json', 0.101), hf('c.json', 0.099)];
    hf('slow.json', 0.2);
    const args = (...more: string[]) => ['compare', '--baseline', ...base, '--current', 'slow.json', ...more];
    expect((await cli(args(), dir)).code).toBe(1);
    expect((await cli(args('--fail-on', 'never'), dir)).code).toBe(0);
    expect((await cli(['report', '--baseline', ...base, '--current', 'slow.json', '--fail-on', 'never'], dir)).code).toBe(0);
    // A missed target is a warning: it fails only at --fail-on warning.
    writeFileSync(
      join(dir, 'cfg.json'),
      JSON.stringify({ suites: [{ name: 'x', command: 'true' }], thresholds: [{ benchmark: '*', target: '<= 150ms' }] }),
    );
    const same = (...more: string[]) => [
      'compare',
      '--baseline',
      'a.json',
      'b.json',
      '--current',
      'c.json',
      '--config',
      'cfg.json',
      ...more,
    ];
    const warned = await cli(same('--json'), dir);
    expect(JSON.parse(warned.stdout).verdict, warned.stdout).toBe('pass');
    writeFileSync(
      join(dir, 'cfg.json'),
      JSON.stringify({ suites: [{ name: 'x', command: 'true' }], thresholds: [{ benchmark: '*', target: '<= 50ms' }] }),
    );
    const missed = await cli(same('--json'), dir);
    expect(JSON.parse(missed.stdout).verdict, missed.stdout).toBe('warn');
    expect(missed.code).toBe(0);
    expect((await cli(same('--fail-on', 'warning'), dir)).code).toBe(1);
    const bad = await cli(args('--fail-on', 'sometimes'), dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--fail-on must be one of regression, warning, never; found 'sometimes'.");
  });

  it.each(['benchmark', 'compare', 'ab', 'baseline', 'report', 'import'])('%s --help prints its usage', async (verb) => {
    const run = await cli([verb, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: track-performance ${verb}`));
  });
});
