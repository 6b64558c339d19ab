import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent, runBuiltAction } from '../helpers/action-process.js';
import { optimize } from './optimize-cli.js';
import { AMDAHL_SUITE, tinybenchProject } from './optimize-tinybench-cli.js';

const sweep = (targets: object = {}) => ({ name: 'locked', tinybench: 'locked.mjs', env: { SERIAL: '0.2' }, targets });

describe('a tinybench scaling task (suite.scaling) with a known serial share', () => {
  it('optimize sweeps it in one worker, fits σ near the set share and calls it contention-bound', async () => {
    const dir = tinybenchProject([sweep()], { 'locked.mjs': AMDAHL_SUITE });
    const run = await optimize(['--json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const [result] = JSON.parse(run.stdout);
    expect(result.command).toBe('tinybench locked.mjs › locked jobs');
    expect(result.unit).toBe('jobs');
    // The task's own levels (and none added: Amdahl has no peak), interleaved (every other round reversed).
    expect(result.levels.map((l: { n: number }) => l.n)).toEqual([1, 2, 3, 4, 6, 8]);
    expect(result.order.slice(0, 12)).toEqual([1, 2, 3, 4, 6, 8, 8, 6, 4, 3, 2, 1]);
    const fit = result.analysis.fit;
    // Amdahl by construction, but the timers' overshoot grows a little with N (the latest of n
    // timers), a κ of about 4e-4 that AICc prefers now and then by 2–3 points: either way the
    // peak is far beyond the range and the advice is the same.
    expect(fit.chosen === 'amdahl' || fit.usl.params.kappa < 0.002, `${fit.chosen}, κ ${fit.usl.params.kappa}`).toBe(true);
    // σ = 0.2 by construction, plus the timers' overshoot (about 1 ms of a 40 ms serial part).
    expect(fit.amdahl.params.sigma).toBeGreaterThan(0.18);
    expect(fit.amdahl.params.sigma).toBeLessThan(0.25);
    expect(result.analysis.advice).toMatch(/^Contention-bound \(σ = 0\.2\d?\): at most [45]\.\d+× whatever the pool/);
  });

  it('the built action checks its speedup target on a pull request: fails under min, passes over it', async () => {
    // Amdahl with s = 0.2: speedup at N = 8 is 1 / (0.2 + 0.8 / 8) ≈ 3.3.
    const inputs = { baseline: 'perf-baseline', 'fail-on': 'regression', comment: 'false' };
    const pr = (ws: string) =>
      runBuiltAction({ workspace: ws, eventName: 'pull_request', event: pullRequestEvent(7), inputs, ref: 'refs/pull/7/merge' });
    const under = await pr(tinybenchProject([sweep({ speedup: { at: 8, min: 4 } })], { 'locked.mjs': AMDAHL_SUITE }));
    expect(under.code, under.stdout).toBe(1);
    expect(under.stdout).toMatch(/::error::Performance check failed: 1 alert crossed/);
    expect(under.summary).toContain('#### Scaling: locked');
    const report = JSON.parse(readFileSync(under.outputs.report!, 'utf8'));
    const target = report.targets.find((t: { kind: string }) => t.kind === 'scaling');
    expect(target).toMatchObject({ name: 'locked: speedup at N = 8', status: 'failure' });
    expect(target.value).toBeGreaterThan(2.8);
    expect(target.value).toBeLessThan(3.6);
    const meets = await pr(tinybenchProject([sweep({ speedup: { at: 8, min: 2.5 } })], { 'locked.mjs': AMDAHL_SUITE }));
    expect(meets.code, meets.stdout).toBe(0);
    expect(meets.outputs.verdict).toBe('pass');
  });
});
