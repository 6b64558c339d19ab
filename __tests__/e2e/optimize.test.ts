import { describe, expect, it } from 'vitest';
import { optimize, scalingProject, WORKLOAD } from './optimize-cli.js';

// Verdicts that do not depend on measured time; the serial-share test is optimize.timing.test.ts.
describe('track-performance optimize (dist/cli.js)', () => {
  it('states why there is no fit when a level fails, names the level, escapes names in markdown and exits 1', async () => {
    const dir = scalingProject([
      {
        name: 'fails <b>at</b> 3',
        command: 'test {N} -ne 3 || { echo "boom at {N}" >&2; exit 7; }',
        levels: [1, 2, 3, 4, 5],
        repeats: 2,
        warmup: 0,
      },
    ]);
    const run = await optimize(['--markdown'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('### Scaling: fails &lt;b&gt;at&lt;/b&gt; 3\n');
    expect(run.stdout).not.toContain('<b>');
    expect(run.stdout).toContain('- No fit: level N &#61; 3 failed &#40;see its error&#41;');
    expect(run.stdout).toMatch(/- Level N = 3 failed: Suite .*exited with code 7\. Its stderr ended with&#58; +boom at 3\n/);
    expect(run.stdout).toMatch(/\| +3 \| +failed \|/);
    expect(run.stderr).toContain('exited with code 7');
  });

  it('says there are too few levels for a fit, and runs the --levels given, interleaved', async () => {
    const dir = scalingProject([
      { name: 'two', command: `node ${WORKLOAD} --workers {N} --jobs 2 --job-ms 5 --serial 0.1`, repeats: 2, warmup: 0 },
    ]);
    const run = await optimize(['--levels', '1,2,4', '--json'], dir);
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout);
    expect(result.analysis.reason).toBe('too few levels for a fit: measured 3, need 4');
    expect(result.analysis.advice).toMatch(/^No fit: too few levels for a fit: measured 3, need 4\./);
    // Round-robin, every other round reversed.
    expect(result.order).toEqual([1, 2, 4, 4, 2, 1]);
    // The workload's own clock and work count (written to $TRACK_PERFORMANCE_METRICS) set the throughput.
    for (const l of result.levels) expect(l.units).toEqual([2, 2]);
  });

  it('rejects bad usage and configs without scaling suites with a message, not a stack trace', async () => {
    const dir = scalingProject([{ name: 'x', command: 'true {N}' }]);
    const bad = await optimize(['--levels', '1,two'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--levels: "two" is not a whole number ≥ 1');
    const unknown = await optimize(['--suite', 'nope'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no scaling suite named "nope"; its scaling suites are "x"/);
    const none = scalingProject([]);
    const empty = await optimize([], none);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no "scaling" suites to run/);
    const noN = scalingProject([{ name: 'y', command: 'true' }]);
    const missing = await optimize([], noN);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/scaling\[0\]\.command|\/scaling\/0\/command/);
    expect(`${bad.stderr}${unknown.stderr}${empty.stderr}${missing.stderr}`).not.toMatch(/\n\s+at /);
  });
});

describe('track-performance optimize targets', () => {
  it('exits 1 when a speedup target misses its min, and prints the target', async () => {
    // Four levels of a sleep that does not shrink with N: speedup ≈ 1 everywhere, so a flat curve and no fit,
    // but the speedup at a measured N is still checked.
    const dir = scalingProject([
      { name: 'sleepy', command: 'sleep 0.05 # {N}', levels: [1, 2, 3, 4], repeats: 2, warmup: 0, targets: { speedup: { at: 4, min: 3 } } },
    ]);
    const run = await optimize([], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /Target FAILED: sleepy: speedup at N = 4: Speedup 0?\.\d+x|Target FAILED: sleepy: speedup at N = 4: Speedup 1\.\d+x/,
    );
    expect(run.stdout).toContain('is below the minimum (min 3.00x)');
  });
});
