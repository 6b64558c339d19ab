import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-process.js';

// Its verdict depends on measured wall time, so it runs with the timing tests, after the rest and alone.

/** A project whose one command suite sleeps `delay` seconds per run. */
function project(dir: string, delay: number): void {
  writeFileSync(
    join(dir, 'performance-tracker.json'),
    JSON.stringify({ suites: [{ name: 'sleepy', command: { nap: `sleep ${delay}` }, runs: 5, warmup: 1 }] }),
  );
}

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
});
