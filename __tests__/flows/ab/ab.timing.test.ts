import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAbJson } from '../../helpers/ab-run.js';
import { hasGit, tempRepo } from '../../helpers/git-repo.js';

if (!hasGit) console.warn('skipping A/B tests: install git (apt-get install git)');

/**
 * A fixed amount of CPU work per named workload; `scaleA` makes workload a slower. It runs
 * ~0.3 s so process start-up (~50 ms, noisy) does not drown the change. The effect is large on
 * purpose: this test checks the A/B pipeline end to end on a loaded CI machine; what A/B can
 * see of small changes is measured by `npm run bench:accuracy` (README).
 */
const work = (scaleA: number) => `
const n = { a: ${Math.round(3e7 * scaleA)}, b: 10000000 }[process.argv[2]];
let x = 0; for (let i = 0; i < n; i++) x = (x * 31 + i) % 1000003;
if (x < 0) console.log(x);
`;

describe.skipIf(!hasGit)('A/B mode on a real git repository', () => {
  it('flags the function given twice the work and not the unchanged one, and removes its worktree', async () => {
    const { repo, git, commit } = tempRepo();
    commit(
      {
        'performance-tracker.json': JSON.stringify({
          suites: [{ name: 'work', command: { slowed: 'node work.js a', steady: 'node work.js b' }, runs: 3, warmup: 1 }],
        }),
        'work.js': work(1),
      },
      'base',
    );
    commit({ 'work.js': work(2) }, 'workload a: twice the work');

    const { code, report, byName, stderr } = await runAbJson(repo, ['--rounds', '8']);
    expect(report.design).toBe('paired');
    expect(byName.slowed.verdict, byName.slowed.reason).toBe('regression');
    expect(byName.slowed.change).toBeGreaterThan(0.4);
    expect(byName.steady.verdict).not.toBe('regression');
    expect(code).toBe(1);
    expect(stderr).toMatch(/A\/B round 8 of 8/);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
    expect(existsSync(join(repo, '.out', 'report.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(repo, '.out', 'report.json'), 'utf8')).verdict).toBe('fail');
  });

  it('measures a tinybench suite of base and head in one process per round and flags a function doing 1.5x the work', async () => {
    const { repo, git, commit } = tempRepo();
    const lib = (units: number) => `export const UNITS = ${units};
export function work(n) { let x = 0; for (let i = 0; i < n * 20000; i++) x = (x * 31 + i) % 1000003; return x; }
`;
    commit(
      {
        'performance-tracker.json': JSON.stringify({
          suites: [{ name: 'lib', tinybench: 'bench/lib.bench.mjs', time: 400, warmupTime: 50 }],
        }),
        'bench/lib.bench.mjs': `import { UNITS, work } from '../lib.mjs';
export default (suite) => {
  suite.add('slowed', () => work(UNITS));
  suite.add('steady', () => work(10));
};
`,
        'lib.mjs': lib(10),
      },
      'base',
    );
    commit({ 'lib.mjs': lib(15) }, 'slowed: 1.5x the work');

    const { code, report, byName, stderr } = await runAbJson(repo, ['--rounds', '5']);
    expect(report.design).toBe('paired');
    expect(byName.slowed.verdict, byName.slowed.reason).toBe('regression');
    expect(byName.slowed.change).toBeGreaterThan(0.3);
    expect(byName.steady.verdict, byName.steady.reason).not.toBe('regression');
    expect(code).toBe(1);
    expect(stderr).toMatch(/\[base [0-9a-f]{7}\] "slowed"/);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
  });
});
