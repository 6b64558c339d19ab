/** `track-performance trend` through the built CLI (dist/cli.js) on a directory store made by `baseline save`. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST_CLI } from '../helpers/action-process.js';
import type { RunFile } from '../../src/model/index.js';
import { noisy } from './series.js';

const HOSTILE = '<img src=x onerror=alert(1)> | @octocat';
const RUNS = 16;
const dir = mkdtempSync(join(tmpdir(), 'trend-cli-'));
const store = join(dir, 'store');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [DIST_CLI, ...args], { cwd: dir, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

function runFile(i: number): string {
  const parse = noisy(RUNS, 0.01, 1, [[8, 0.15]]);
  const hostile = noisy(RUNS, 0.01, 2, []);
  const bench = (name: string, value: number) => ({
    id: `cli/${name}`,
    suite: 'cli',
    name,
    unit: 'ns',
    direction: 'smaller',
    value,
    samples: [value * 0.99, value, value * 1.01],
    stats: { n: 3, mean: value, median: value, min: value * 0.99, max: value * 1.01, stdev: value * 0.01 },
  });
  const run: RunFile = {
    schemaVersion: 1,
    tool: 'track-performance',
    commit: `${String(i).padStart(2, '0')}${'a'.repeat(38)}`,
    timestamp: new Date(Date.UTC(2026, 5, 1) + i * 864e5).toISOString(),
    benchmarks: [bench('parse', 2e6 * Math.exp(parse[i]!)), bench(HOSTILE, 5e5 * Math.exp(hostile[i]!))] as RunFile['benchmarks'],
  };
  const file = join(dir, `run-${i}.json`);
  writeFileSync(file, JSON.stringify(run));
  return file;
}

describe('track-performance trend (built CLI)', () => {
  const files: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < RUNS; i++) files.push(runFile(i));
    for (const f of files) expect((await cli(['baseline', 'save', f, '--dir', store])).code).toBe(0);
  }, 240_000); // one CLI process per save: slow on a loaded 2-core runner

  it('names the change point of a stored history in JSON, and none for the flat benchmark', async () => {
    const run = await cli(['trend', '--dir', store, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.runs).toBe(RUNS);
    const parse = report.series.find((s: { id: string }) => s.id === 'cli/parse');
    expect(parse.changePoints).toHaveLength(1);
    const c = parse.changePoints[0];
    expect(c.before.commit.slice(0, 2)).toBe('07');
    expect(c.after.commit.slice(0, 2)).toBe('08');
    expect(c.verdict).toBe('regression');
    expect(c.change).toBeGreaterThan(0.1);
    expect(report.series.find((s: { name: string }) => s.name === HOSTILE).changePoints).toEqual([]);
  });

  it('renders markdown with the hostile name escaped, and text for the terminal', async () => {
    const md = await cli(['trend', '--dir', store, '--markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## Performance trends of main');
    expect(md.stdout).not.toContain('<img');
    expect(md.stdout).toMatch(/cli\/parse: \+1\d\.\d% \(regression\) in 07aaaaa\.\.08aaaaa/);
    const text = await cli(['trend', '--dir', store]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('# Performance trends of main');
    expect(text.stdout).toContain(HOSTILE);
  });

  it('reads run files with --baseline and keeps only runs --since a date', async () => {
    const run = await cli(['trend', '--json', '--since', '2026-06-10T00:00:00Z', ...files.flatMap((f) => ['--baseline', f])]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.runs).toBe(RUNS - 9);
    expect(report.first.commit.slice(0, 2)).toBe('09');
  });

  it('says so when nothing is stored, and rejects bad options with exit 2', async () => {
    const empty = await cli(['trend', '--dir', join(dir, 'nothing'), '--branch', 'dev']);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toMatch(/No history stored for dev/);
    const bad = await cli(['trend', '--dir', store, '--since', 'last tuesday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--since must be an age such as 30d/);
    expect((await cli(['trend', '--dir', store, '--baseline', files[0]!])).code).toBe(2);
  });

  it("takes the runner's level out of 6 timed benchmarks, and reads them as they are with --no-runner-level", async () => {
    // 60 runs: a 10% runner level shared by every benchmark of a run, 2% of each one's own, and
    // +8% in app/b3 from run 30 — under the runner's noise, found only with it taken out.
    const runner = noisy(60, 0.1, 51, []);
    const own = Array.from({ length: 6 }, (_, k) => noisy(60, 0.02, 60 + k, k === 3 ? [[30, 0.08]] : []));
    const runFiles = runner.map((r, i) => {
      const file = join(dir, `runner-${i}.json`);
      const benchmarks = own.map((z, k) => {
        const value = 1e6 * Math.exp(r + z[i]!);
        return {
          id: `app/b${k}`,
          suite: 'app',
          name: `b${k}`,
          unit: 'ns',
          direction: 'smaller',
          value,
          stats: { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 },
        };
      });
      const run = {
        schemaVersion: 1,
        tool: 'track-performance',
        commit: `r${String(i).padStart(2, '0')}`,
        timestamp: new Date(Date.UTC(2026, 6, 1) + i * 36e5).toISOString(),
        benchmarks,
      };
      writeFileSync(file, JSON.stringify(run));
      return file;
    });
    const args = ['trend', '--json', ...runFiles.flatMap((f) => ['--baseline', f])];
    const on = JSON.parse((await cli(args)).stdout);
    const steps = (report: { series: Array<{ id: string; changePoints: Array<{ after: { commit: string } }> }> }) =>
      Object.fromEntries(report.series.map((s) => [s.id, s.changePoints.map((c) => c.after.commit)]));
    expect(steps(on)['app/b3']).toHaveLength(1);
    expect(['r29', 'r30', 'r31']).toContain(steps(on)['app/b3']![0]);
    for (const k of [0, 1, 2, 4, 5]) expect(steps(on)[`app/b${k}`]).toEqual([]);
    expect(on.runnerLevel.id).toBe('(runner level)');
    expect(on.series[0].runnerFactor).toBeGreaterThan(0.8);
    const off = await cli([...args, '--no-runner-level']);
    expect(off.code).toBe(0);
    const raw = JSON.parse(off.stdout);
    expect(raw.runnerLevel).toBeUndefined();
    expect(steps(raw)['app/b3']).toEqual([]);
    expect(raw.options.runnerLevel).toBe(false);
  });
});
