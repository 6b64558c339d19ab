import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbJson } from '../../helpers/ab-run.js';
import { hasGit, tempRepo } from '../../helpers/git-repo.js';

if (!hasGit) console.warn('skipping A/B tests: install git (apt-get install git)');

/** An import suite's producer: prints custom JSON whose value is `value` ±1% (a change we control). */
const emitter = (value: number) => `
const v = ${value} * (1 + 0.01 * Math.random());
console.log(JSON.stringify({ benchmarks: [{ name: 'score time', unit: 'ms', direction: 'smaller', samples: [v, v * 1.001, v * 0.999] }] }));
`;

describe.skipIf(!hasGit)('A/B mode on a real git repository (no timing)', () => {
  it('reports benchmarks as new when the base does not build, and still removes the worktree', async () => {
    const { repo, git, commit } = tempRepo();
    commit({ 'build.sh': 'echo "base is broken" >&2; exit 1\n' }, 'broken base');
    commit(
      {
        'build.sh': 'exit 0\n',
        'performance-tracker.json': JSON.stringify({ suites: [{ name: 'tiny', command: { noop: 'true' }, runs: 2, warmup: 0 }] }),
      },
      'fixed',
    );
    const { code, report, stderr } = await runAbJson(repo, ['--setup', 'sh build.sh']);
    expect(report.benchmarks.map((b: { verdict: string }) => b.verdict)).toEqual(['new']);
    expect(stderr).toContain('base is broken');
    expect(code).toBe(0);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it("runs an import suite's producing command in each tree and compares the pairs", async () => {
    const { repo, git, commit } = tempRepo();
    commit(
      {
        'performance-tracker.json': JSON.stringify({
          suites: [{ name: 'ext', import: 'out/result.json', format: 'custom', run: 'mkdir -p out && node emit.js > out/result.json' }],
        }),
        'emit.js': emitter(100),
        '.gitignore': 'out/\n.out/\n',
      },
      'base: 100 ms',
    );
    commit({ 'emit.js': emitter(150) }, 'head: 150 ms');
    const { code, report } = await runAbJson(repo, ['--rounds', '4']);
    expect(report.design).toBe('paired');
    expect(report.benchmarks[0]).toMatchObject({ name: 'score time', verdict: 'regression' });
    expect(report.benchmarks[0].change).toBeGreaterThan(0.4);
    expect(report.benchmarks[0].change).toBeLessThan(0.6);
    expect(code).toBe(1);
    expect(existsSync(join(repo, '.out', 'report.json'))).toBe(true);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
  });
});
