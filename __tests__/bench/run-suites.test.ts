import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSuites, selectSuites, type ProgressEvent } from '../../src/bench/index.js';
import type { Config } from '../../src/config/types.js';
import { ConfigError } from '../../src/model/errors.js';
import { RUN_SCHEMA_VERSION } from '../../src/model/index.js';

const fixtures = fileURLToPath(new URL('../fixtures/suites/', import.meta.url));
const hyperfine = fileURLToPath(new URL('../fixtures/hyperfine/two.json', import.meta.url));
const fast = { time: 20, warmupTime: 5, iterations: 10, warmupIterations: 2 };

describe.concurrent('runSuites', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'tp-run-'));
  });
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  it('assembles one run file; a crashing or missing suite is an error and the next suites still run', async () => {
    const config: Config = {
      suites: [
        { name: 'crash', tinybench: 'crash.bench.js', ...fast, passes: 1 },
        { name: 'missing', tinybench: 'nowhere.bench.js' },
        { name: 'js', tinybench: 'basic.bench.js', ...fast },
        { name: 'cmd', command: 'true', runs: 2, warmup: 0 },
      ],
    };
    const events: ProgressEvent[] = [];
    const run = await runSuites(config, { cwd: fixtures, commit: 'abc123', ref: 'refs/heads/main', onProgress: (e) => events.push(e) });
    expect(run).toMatchObject({ schemaVersion: RUN_SCHEMA_VERSION, tool: 'track-performance', commit: 'abc123', ref: 'refs/heads/main' });
    expect(Number.isNaN(Date.parse(run.timestamp))).toBe(false);
    expect(run.machine!.nodeVersion).toBe(process.version);
    expect(run.benchmarks.map((b) => b.id)).toEqual(['crash/fine', 'js/sum 1000', 'js/sort 200', 'cmd/cmd']);
    expect(run.errors!.map((e) => [e.suite, e.task])).toEqual([
      ['crash', 'fatal'],
      ['missing', undefined],
    ]);
    expect(run.errors![1]!.message).toContain('"nowhere.bench.js" not found');
    const starts = events.filter((e) => e.type === 'suite-start').map((e) => e.suite);
    const dones = events.filter((e) => e.type === 'suite-done');
    expect(starts).toEqual(['crash', 'missing', 'js', 'cmd']);
    expect(dones.map((e) => [e.suite, e.benchmarks, e.errors])).toEqual([
      ['crash', 1, 1],
      ['missing', 0, 1],
      ['js', 2, 0],
      ['cmd', 1, 0],
    ]);
    expect(events.filter((e) => e.type === 'error').map((e) => e.suite)).toEqual(['crash', 'missing']);
  });

  it('imports a file after running the suite’s run command, and logs the format', async () => {
    const config: Config = { suites: [{ name: 'hf', run: `cp '${hyperfine}' out.json`, import: 'out.json' }] };
    const events: ProgressEvent[] = [];
    const run = await runSuites(config, { cwd: tmp, onProgress: (e) => events.push(e) });
    expect(run.errors).toBeUndefined();
    expect(run.benchmarks.length).toBeGreaterThan(0);
    expect(run.benchmarks.every((b) => b.suite === 'hf' && b.samples!.length > 0)).toBe(true);
    expect(events.some((e) => e.type === 'info' && e.message.includes('hyperfine'))).toBe(true);
  });

  it('reports a failing run command with its stderr tail, and a missing import file by name', async () => {
    const config: Config = {
      suites: [
        { name: 'bad-run', run: 'echo "compiler exploded" >&2; exit 2', import: 'never.json' },
        { name: 'no-file', import: 'results/absent.json' },
      ],
    };
    const run = await runSuites(config, { cwd: tmp });
    expect(run.benchmarks).toEqual([]);
    expect(run.errors![0]!.message).toMatch(
      /run command "echo \\"compiler exploded\\" >&2; exit 2" exited with code 2\. Its stderr ended with:\n {4}compiler exploded/,
    );
    expect(run.errors![1]).toMatchObject({ suite: 'no-file' });
    expect(run.errors![1]!.message).toContain('import file "results/absent.json" not found');
  });

  it('runs only the suites asked for', async () => {
    const config: Config = {
      suites: [
        { name: 'a', command: 'true', runs: 1, warmup: 0 },
        { name: 'b', command: 'false' },
      ],
    };
    const run = await runSuites(config, { cwd: tmp, suites: ['a'] });
    expect(run.benchmarks.map((b) => b.id)).toEqual(['a/a']);
  });
});

describe('selectSuites', () => {
  const suites = [
    { name: 'a', command: 'true' },
    { name: 'b', command: 'true' },
  ];
  it('keeps config order', () => {
    expect(selectSuites(suites, ['b', 'a']).map((s) => s.name)).toEqual(['a', 'b']);
    expect(selectSuites(suites).map((s) => s.name)).toEqual(['a', 'b']);
  });
  it('names an unknown suite and lists the known ones', () => {
    expect(() => selectSuites(suites, ['c'])).toThrow(ConfigError);
    expect(() => selectSuites(suites, ['c'])).toThrow('No suite named "c" in the config; its suites are "a", "b".');
  });
});
