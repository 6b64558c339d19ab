/** `track-performance dashboard` through the built CLI (dist/cli.js) on a directory store of two branches, and on run files. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DIST_CLI } from '../helpers/action-process.js';
import { createStore } from '../../src/store/index.js';
import { DATA_FILES, type Manifest } from '../../src/report/dashboard-types.js';
import { HOSTILE_NAME, makeRuns } from '../helpers/dashboard-history.js';

async function cli(cwd: string, args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [DIST_CLI, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_REPOSITORY: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** The data a data script hands to the page. */
function dataOf<T>(file: string): T {
  const text = readFileSync(file, 'utf8');
  const prefix = `${DATA_FILES.callback}(`;
  expect(text.startsWith(prefix)).toBe(true);
  const [name, data] = JSON.parse(`[${text.slice(prefix.length, text.lastIndexOf(')'))}]`) as [string, T];
  expect(file.endsWith(name)).toBe(true);
  return data;
}

describe('track-performance dashboard', () => {
  it('builds the site from every branch of a directory store, replacing only its data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dash-cli-'));
    const store = createStore({ kind: 'directory', dir: join(dir, 'store') });
    for (const r of makeRuns({ benchmarks: 4, runs: 6 })) await store.save(r, 'main');
    for (const r of makeRuns({ benchmarks: 2, runs: 2, branch: 'feat/a' })) await store.save(r, 'feat/a');
    const out = join(dir, 'site');
    const first = await cli(dir, ['dashboard', '--dir', 'store', '--out', 'site', '--repository', 'o/r']);
    expect(first.stderr).toBe('');
    expect(first.stdout.trim()).toBe(`Dashboard of 4 benchmark(s) on 2 branch(es) written to ${join(out, 'index.html')} (9 files).`);
    for (const f of ['index.html', 'app.js', 'app.css', 'data/manifest.js', 'data/runs.js']) expect(existsSync(join(out, f)), f).toBe(true);
    const m = dataOf<Manifest>(join(out, 'data', DATA_FILES.manifest));
    expect(m.branches.map((b) => [b.name, b.runs])).toEqual([
      ['main', 6],
      ['feat/a', 2],
    ]);
    expect(m.commitUrl).toBe('https://github.com/o/r/commit/');
    expect(m.benchmarks.map((b) => b.name)).toContain(HOSTILE_NAME);
    expect(readdirSync(join(out, 'data', 'b'))).toHaveLength(4);
    expect(m.overview.checks).toBeUndefined(); // no config here: the history alone keeps no target outcomes

    // The config beside the store: its thresholds are checked on the newest run.
    const config = { suites: [{ name: 'x', command: 'true' }], thresholds: [{ benchmark: 'suite-2/*', target: '<= 1us' }] };
    writeFileSync(join(dir, 'performance-tracker.json'), JSON.stringify(config));
    expect((await cli(dir, ['dashboard', '--dir', 'store', '--out', 'site'])).code).toBe(0);
    const checked = dataOf<Manifest>(join(out, 'data', DATA_FILES.manifest)).overview.checks!;
    expect(checked.counts).toEqual({ met: 0, warning: 1, failure: 0, inconclusive: 0 });
    expect(checked.missed[0]!.message).toMatch(/^median [\d.]+ µs misses the target <= 1us\.$/);

    // A rebuild from fewer benchmarks leaves no stale shard; a file of the user's own stays.
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const one = join(dir, 'one.json');
    writeFileSync(one, JSON.stringify({ ...makeRuns({ benchmarks: 1, runs: 1 })[0] }));
    const again = await cli(dir, ['dashboard', '--baseline', 'one.json', '--out', 'site']);
    expect(again.code).toBe(0);
    expect(readdirSync(join(out, 'data', 'b'))).toHaveLength(1);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses bad usage with the help, and a damaged history with its file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dash-cli-'));
    const both = await cli(dir, ['dashboard', '--dir', 'x', '--baseline', 'y.json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^Error: give either --dir or --baseline, not both\.\n\nUsage: track-performance dashboard/);
    const repo = await cli(dir, ['dashboard', '--repository', 'not a repo']);
    expect(repo.code).toBe(2);
    expect(repo.stderr).toMatch(/--repository must be OWNER\/REPO; found 'not a repo'/);
    writeFileSync(join(dir, 'main.json'), '{"tool":"track-performance","kind":"history","schemaVersion":2,');
    const bad = await cli(dir, ['dashboard', '--dir', '.']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`^Error: History file ${join(dir, 'main.json')} is not valid JSON`));
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
