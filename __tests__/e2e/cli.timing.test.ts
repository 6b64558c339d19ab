import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-process.js';
import { hasHyperfine, writeSleepyConfig as project } from '../helpers/sleepy.js';

if (!hasHyperfine) console.warn('skipping live hyperfine CLI tests: install hyperfine (apt-get install hyperfine)');

// Their verdicts depend on measured wall time, so they run with the timing tests, after the rest and alone.

describe('the built CLI (dist/cli.js), timed', () => {
  it('benchmarks into run files, compares a history with them, and exits 1 on a regression', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-cli-'));
    // Five baseline runs and a tenfold slowdown, so that one baseline run slowed by a loaded
    // machine cannot widen the history's spread past the change (as it did with 3 runs and 5x).
    project(dir, 0.05);
    const files: string[] = [];
    for (let i = 0; i < 5; i++) {
      const out = join(dir, `base-${i}.json`);
      const b = await cli(['benchmark', '--out', out], dir);
      expect(b.code, b.stderr).toBe(0);
      expect(b.stdout + b.stderr).toContain('sleepy/nap');
      files.push('--baseline', out);
    }
    project(dir, 0.5);
    const slow = await cli(['benchmark', '--out', join(dir, 'slow.json')], dir);
    expect(slow.code).toBe(0);

    const compared = await cli(['compare', ...files, '--current', join(dir, 'slow.json'), '--json'], dir);
    expect(compared.code, compared.stdout + compared.stderr).toBe(1);
    const report = JSON.parse(compared.stdout);
    expect(report).toMatchObject({ verdict: 'fail', design: 'history' });
    expect(report.benchmarks[0]).toMatchObject({ name: 'nap', verdict: 'regression' });
    expect(report.benchmarks[0].change).toBeGreaterThan(4);

    // The console table and the markdown report say the same.
    const table = await cli(['compare', ...files, '--current', join(dir, 'slow.json')], dir);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/nap.*regression/);
    const md = await cli(['report', ...files, '--current', join(dir, 'slow.json')], dir);
    // report answers as compare does (one gate): it used to exit 0 on the same regression.
    expect(md.code).toBe(1);
    expect(md.stdout).toContain('<!-- track-performance:');
    expect(md.stdout).toContain('🔴 regression');
  });

  it.skipIf(!hasHyperfine)('reads live hyperfine exports on either side, with -n names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-cli-hf-'));
    const hf = (file: string, cmd: string) =>
      execFileSync('hyperfine', ['-N', '--runs', '5', '--warmup', '1', '-n', 'nap | @here', '--export-json', join(dir, file), cmd], {
        stdio: 'ignore',
      });
    hf('a.json', 'sleep 0.02');
    hf('b.json', 'sleep 0.02');
    hf('c.json', 'sleep 0.02');
    hf('slow.json', 'sleep 0.2');
    const run = await cli(
      ['compare', '--baseline', 'a.json', '--baseline', 'b.json', '--baseline', 'c.json', '--current', 'slow.json', '--json'],
      dir,
    );
    expect(run.code).toBe(1);
    const b = JSON.parse(run.stdout).benchmarks[0];
    expect(b).toMatchObject({ name: 'nap | @here', verdict: 'regression' });
  });
});
