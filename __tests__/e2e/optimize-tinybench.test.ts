import { describe, expect, it } from 'vitest';
import { optimize } from './optimize-cli.js';
import { tinybenchProject } from './optimize-tinybench-cli.js';

const quick = { time: 5, iterations: 1, repeats: 2, warmup: 0 };

// What the sweep does with the task's numbers and its failures; the fit on measured time is in the timing file.
describe('optimize on tinybench scaling tasks (dist/cli.js)', () => {
  it('takes the units and other numbers a call returns, the config over the task options, and the metric per level', async () => {
    const file = `export default (suite) => {
  suite.add('plain', () => 1);
  suite.scaling('weak', async (n) => ({ units: 3 * n, accuracy: n >= 4 ? 0.5 : 1 }), { levels: [1, 2, 3, 4, 5, 6, 7], unit: 'items' });
};`;
    const dir = tinybenchProject([{ name: 'w', tinybench: 'w.mjs', levels: [1, 2, 4], unit: 'docs', ...quick }], { 'w.mjs': file });
    const run = await optimize(['--json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const [r] = JSON.parse(run.stdout);
    expect(r.unit).toBe('docs');
    expect(r.levels.map((l: { n: number }) => l.n)).toEqual([1, 2, 4]);
    // Every call returned 3n units; a step of k calls reports 3nk of them.
    for (const l of r.levels) for (const u of l.units) expect(u % (3 * l.n)).toBe(0);
    expect(r.levels.map((l: { metrics: { accuracy: number[] } }) => l.metrics.accuracy)).toEqual([
      [1, 1],
      [1, 1],
      [0.5, 0.5],
    ]);
    expect(r.quality.accuracy.map((v: { value: number }) => v.value)).toEqual([1, 1, 0.5]);
  });

  it('stops a level whose call throws, naming the task and N, and goes on with the others', async () => {
    const file = `export default (suite) => suite.scaling('flaky', async (n) => { if (n === 3) throw new Error('no pool of ' + n); });`;
    const dir = tinybenchProject([{ name: 'f', tinybench: 'f.mjs', levels: [1, 2, 3, 4], ...quick }], { 'f.mjs': file });
    const run = await optimize(['--json'], dir);
    expect(run.code).toBe(1);
    const [r] = JSON.parse(run.stdout);
    expect(r.levels.find((l: { n: number }) => l.n === 3).error).toMatch(
      /^Suite "f": suite file "f\.mjs": task "flaky" at N = 3: threw Error: no pool of 3/,
    );
    expect(r.levels.filter((l: { throughputs: number[] }) => l.throughputs.length === 2).map((l: { n: number }) => l.n)).toEqual([1, 2, 4]);
    expect(r.analysis.reason).toMatch(/^level N = 3 failed/);
  });

  it('says which task to name when a file registers several, and what a file lacks, without a stack trace', async () => {
    const two = `export default (suite) => { suite.scaling('a', async () => {}); suite.scaling('b', async () => {}); };`;
    const dir = tinybenchProject(
      [
        { name: 'two', tinybench: 'two.mjs', ...quick },
        { name: 'named', tinybench: 'two.mjs', task: 'c', ...quick },
        { name: 'none', tinybench: 'plain.mjs', ...quick },
        { name: 'missing', tinybench: 'nope.mjs', ...quick },
      ],
      { 'two.mjs': two, 'plain.mjs': `export default (suite) => suite.add('x', () => 1);` },
    );
    const run = await optimize([], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Suite "two": suite file "two.mjs" could not be used: it registers several scaling tasks ("a", "b"): name one with "task" in the config',
    );
    expect(run.stderr).toContain(
      'Suite "named": suite file "two.mjs" could not be used: it registers no scaling task named "c"; its scaling tasks are "a", "b"',
    );
    expect(run.stderr).toContain(
      'Suite "none": suite file "plain.mjs" could not be used: it registered no scaling task (call suite.scaling(name, (n) => …)',
    );
    expect(run.stderr).toMatch(/Suite "missing": tinybench file "nope\.mjs" not found at .*nope\.mjs/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a config entry with both a command and a tinybench file, or tinybench keys on a command', async () => {
    const both = await optimize([], tinybenchProject([{ name: 'b', command: 'x {N}', tinybench: 'b.mjs' }], {}));
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('$.scaling[0]: expected exactly one of "command" (with {N}) or "tinybench"');
    const keys = await optimize([], tinybenchProject([{ name: 'k', command: 'x {N}', task: 't' }], {}));
    expect(keys.code).toBe(2);
    expect(keys.stderr).toContain('$.scaling[0].task: expected no "task" in a command sweep');
  });
});
