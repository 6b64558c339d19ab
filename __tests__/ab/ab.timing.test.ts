import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';

const hasGit = (() => {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
})();
if (!hasGit) console.warn('skipping A/B tests: install git (apt-get install git)');

/**
 * A fixed amount of CPU work per named workload; `scale` makes one of them slower. Workload a
 * runs ~0.3 s so process start-up (~50 ms, noisy) does not drown the change.
 */
const work = (scaleA: number) => `
const n = { a: ${Math.round(3e7 * scaleA)}, b: 10000000 }[process.argv[2]];
let x = 0; for (let i = 0; i < n; i++) x = (x * 31 + i) % 1000003;
if (x < 0) console.log(x);
`;

function sink(): Writable & { text: () => string } {
  let buf = '';
  const w = new Writable({ write: (c, _e, cb) => ((buf += c.toString()), cb()) }) as Writable & { text: () => string };
  w.text = () => buf;
  return w;
}

describe.skipIf(!hasGit)('A/B mode on a real git repository', () => {
  it('flags the function made about 20% slower (30% more work) and not the unchanged one, and removes its worktree', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'tp-ab-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 'test');
    writeFileSync(
      join(repo, 'performance-tracker.json'),
      JSON.stringify({
        suites: [{ name: 'work', command: { slowed: 'node work.js a', steady: 'node work.js b' }, runs: 3, warmup: 1 }],
      }),
    );
    writeFileSync(join(repo, 'work.js'), work(1));
    git('add', '.');
    git('commit', '-qm', 'base');
    writeFileSync(join(repo, 'work.js'), work(1.3));
    git('commit', '-qam', 'give a 30% more work (about 20% more time)');

    const stdout = sink();
    const stderr = sink();
    const code = await runCli(['ab', '--base', 'HEAD~1', '--rounds', '8', '--json', '--out', join(repo, '.out')], {
      stdout,
      stderr,
      cwd: repo,
    });
    const report = JSON.parse(stdout.text());
    const byName = Object.fromEntries(report.benchmarks.map((b: { name: string }) => [b.name, b]));
    expect(report.design).toBe('paired');
    expect(byName.slowed.verdict, byName.slowed.reason).toBe('regression');
    expect(byName.slowed.change).toBeGreaterThan(0.1);
    expect(byName.steady.verdict).not.toBe('regression');
    expect(code).toBe(1);
    expect(stderr.text()).toMatch(/A\/B round 8 of 8/);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
    expect(existsSync(join(repo, '.out', 'report.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(repo, '.out', 'report.json'), 'utf8')).verdict).toBe('fail');
  });

  it('reports benchmarks as new when the base does not build, and still removes the worktree', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'tp-ab-'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 'test');
    writeFileSync(join(repo, 'build.sh'), 'echo "base is broken" >&2; exit 1\n');
    git('add', '.');
    git('commit', '-qm', 'broken base');
    writeFileSync(join(repo, 'build.sh'), 'exit 0\n');
    writeFileSync(
      join(repo, 'performance-tracker.json'),
      JSON.stringify({ suites: [{ name: 'tiny', command: { noop: 'true' }, runs: 2, warmup: 0 }] }),
    );
    git('add', '.');
    git('commit', '-qm', 'fixed');
    const stdout = sink();
    const stderr = sink();
    const code = await runCli(['ab', '--base', 'HEAD~1', '--setup', 'sh build.sh', '--json', '--out', join(repo, '.out')], {
      stdout,
      stderr,
      cwd: repo,
    });
    const report = JSON.parse(stdout.text());
    expect(report.benchmarks.map((b: { verdict: string }) => b.verdict)).toEqual(['new']);
    expect(stderr.text()).toContain('base is broken');
    expect(code).toBe(0);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
  });
});
