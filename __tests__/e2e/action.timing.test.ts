import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent, runBuiltAction } from '../helpers/action-process.js';
import { tempWorkspace as workspace, writeSleepyConfig as writeConfig } from '../helpers/sleepy.js';

// Its verdicts depend on measured wall time, so it runs with the timing tests (vitest.timing.config.ts),
// after the rest and alone: the load of other test workers made an unchanged PR look slower.

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => `${f}:${statSync(join(dir, f)).isFile() ? readFileSync(join(dir, f), 'utf8').length : 'dir'}`)
    .sort();
}

describe('the built action, run as a process with a runner environment (timed)', () => {
  it('records baselines on push, then fails a slower PR and passes an unchanged one, never writing the baseline from a PR', async () => {
    const ws = workspace();
    const inputs = { baseline: 'perf-baseline', 'fail-on': 'regression', comment: 'false' };
    // Five baseline runs and a tenfold slowdown: with fewer runs (t with 2 df) one run slowed by
    // a loaded CI machine widens the history's spread enough to make even 5x inconclusive.
    writeConfig(ws, 0.05);
    for (let i = 0; i < 5; i++) {
      const push = await runBuiltAction({ workspace: ws, eventName: 'push', event: pushEvent(), inputs });
      expect(push.stderr + push.stdout).not.toMatch(/::error::/);
      expect(push.code).toBe(0);
      expect(push.stdout).toContain('Mode: baseline');
      expect(push.outputs.verdict).toMatch(/^(pass|warn|fail)$/);
    }
    const stored = listTree(join(ws, 'perf-baseline'));
    expect(stored.length).toBeGreaterThan(0);

    writeConfig(ws, 0.5);
    const slow = await runBuiltAction({
      workspace: ws,
      eventName: 'pull_request',
      event: pullRequestEvent(7),
      inputs,
      ref: 'refs/pull/7/merge',
    });
    expect(slow.stdout).toContain('Mode: pr');
    expect(slow.code, slow.stdout + slow.summary).toBe(1);
    expect(slow.outputs.verdict).toBe('fail');
    expect(slow.outputs.regressions).toBe('1');
    expect(slow.stdout).toMatch(/::error::Performance check failed: 1 regression/);
    expect(slow.summary).toContain('nap');
    const report = JSON.parse(readFileSync(slow.outputs.report!, 'utf8'));
    expect(report.benchmarks[0]).toMatchObject({ name: 'nap', verdict: 'regression' });
    expect(report.benchmarks[0].change).toBeGreaterThan(4);

    const never = await runBuiltAction({
      workspace: ws,
      eventName: 'pull_request',
      event: pullRequestEvent(7),
      inputs: { ...inputs, 'fail-on': 'never' },
      ref: 'refs/pull/7/merge',
    });
    expect(never.code).toBe(0);
    expect(never.outputs.verdict).toBe('fail');

    writeConfig(ws, 0.05);
    const same = await runBuiltAction({ workspace: ws, eventName: 'pull_request', event: pullRequestEvent(7), inputs });
    expect(same.code).toBe(0);
    expect(same.outputs.regressions).toBe('0');
    expect(listTree(join(ws, 'perf-baseline'))).toEqual(stored);
  });
});
