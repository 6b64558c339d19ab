import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent, runBuiltAction } from '../helpers/action-process.js';

/**
 * A sweep whose curve we set: each run reports, through $TRACK_PERFORMANCE_METRICS, the work an
 * Amdahl curve with contention $SIGMA does in one second at concurrency N (λ = 10), with ±1%
 * random noise, and an accuracy of 0.99 that falls to 0.9 from N = $DROP_AT. The throughput comes
 * from the report, not the wall clock, so load cannot move it.
 */
const WORKLOAD = `import { writeFileSync } from 'node:fs';
const n = Number(process.argv[2]);
const sigma = Number(process.env.SIGMA);
const units = ((10 * n) / (1 + sigma * (n - 1))) * (1 + (Math.random() - 0.5) * 0.02);
const accuracy = n >= Number(process.env.DROP_AT ?? Infinity) ? 0.9 : 0.99;
writeFileSync(process.env.TRACK_PERFORMANCE_METRICS, JSON.stringify({ units, seconds: 1, accuracy }));
`;

function project(): string {
  const ws = mkdtempSync(join(tmpdir(), 'tp-ws-scaling-'));
  writeFileSync(join(ws, 'scale.mjs'), WORKLOAD);
  return ws;
}

function writeConfig(ws: string, sigma: number, min: number, extra: object = {}): void {
  const config = {
    suites: [{ name: 'noop', command: 'true', runs: 2 }],
    scaling: [
      {
        name: 'crawl',
        command: 'node scale.mjs {N}',
        levels: [1, 2, 4, 8, 16],
        repeats: 3,
        warmup: 0,
        unit: 'pages',
        env: { SIGMA: String(sigma) },
        targets: { speedup: { at: 16, min } },
        ...extra,
      },
    ],
  };
  writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify(config));
}

const inputs = { baseline: 'perf-baseline', 'fail-on': 'regression', comment: 'false' };
const pr = (ws: string) =>
  runBuiltAction({ workspace: ws, eventName: 'pull_request', event: pullRequestEvent(7), inputs, ref: 'refs/pull/7/merge' });

describe('the built action runs scaling suites on a pull request', () => {
  it('fails when the speedup at N falls under the target min, and passes when it meets it', async () => {
    const ws = project();
    // σ = 0.02: the speedup at N = 16 is 16 / 1.3 ≈ 12.3.
    writeConfig(ws, 0.02, 14);
    const under = await pr(ws);
    expect(under.code, under.stdout).toBe(1);
    expect(under.outputs.verdict).toBe('fail');
    expect(under.stdout).toMatch(/::error::Performance check failed: 1 alert crossed/);
    expect(under.summary).toContain('#### Scaling: crawl');
    expect(under.summary).toMatch(/\| *16 *\|/);
    expect(under.summary).toMatch(/USL: λ = /);
    // The targets table (names escaped for GitHub: `:` and `=` as entities).
    expect(under.summary).toMatch(/\| crawl&#58; speedup at N &#61; 16 \| ❌ alert \| 12\.\d x/);
    const report = JSON.parse(readFileSync(under.outputs.report!, 'utf8'));
    const target = report.targets.find((t: { kind: string }) => t.kind === 'scaling');
    expect(target).toMatchObject({ name: 'crawl: speedup at N = 16', status: 'failure' });
    expect(target.value).toBeGreaterThan(11.5);
    expect(target.value).toBeLessThan(13.1);
    expect(report.scaling[0].analysis.fit.amdahl.params.sigma).toBeCloseTo(0.02, 2);

    writeConfig(ws, 0.02, 10);
    const meets = await pr(ws);
    expect(meets.code, meets.stdout).toBe(0);
    expect(meets.outputs.verdict).toBe('pass');
    expect(meets.summary).toContain('#### Scaling: crawl');
  });

  it('fails when quality drops at some N, and shows where', async () => {
    const ws = project();
    writeConfig(ws, 0.02, 1, { env: { SIGMA: '0.02', DROP_AT: '8' }, quality: [{ metric: 'accuracy', alert: '< 0.95' }] });
    const run = await pr(ws);
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/::error::Performance check failed: 1 alert crossed/);
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(report.targets.find((t: { name: string }) => t.name === 'crawl: accuracy at every N')).toMatchObject({
      status: 'failure',
      message: 'accuracy crosses the alert < 0.95 from N = 8: 0.9 at N = 8, 0.9 at N = 16 (it holds 0.99 at N = 1).',
    });
    // The sweep's table has an accuracy column.
    expect(run.summary).toMatch(/\|\s+8 \|.*\|\s+0\.9 \|/);
  });

  it('stores the fit with the baseline on push, and flags a worse scaling curve on a PR as a regression', async () => {
    const ws = project();
    writeConfig(ws, 0.02, 1);
    const push = await runBuiltAction({ workspace: ws, eventName: 'push', event: pushEvent(), inputs });
    expect(push.code, push.stdout).toBe(0);
    const dir = join(ws, 'perf-baseline');
    const stored = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const history = JSON.parse(stored.split('\n').find((l) => l.includes('"scaling"'))!);
    const sweep = history.entries[0].scaling[0];
    expect(sweep.levels).toHaveLength(5);
    expect(sweep.levels[4].throughputs).toHaveLength(3);
    expect(sweep.fit.sigma.value).toBeCloseTo(0.02, 2);
    expect(sweep.fit.speedup.at).toBe(16);

    // Same N = 1 throughput, contention 0.02 → 0.1: the speedup at 16 falls from 12.3 to 6.4.
    writeConfig(ws, 0.1, 1);
    const worse = await pr(ws);
    expect(worse.code, worse.stdout).toBe(1);
    const report = JSON.parse(readFileSync(worse.outputs.report!, 'utf8'));
    const by = Object.fromEntries(report.benchmarks.map((b: { name: string; verdict: string }) => [b.name, b.verdict]));
    expect(by['speedup at N = 16']).toBe('regression');
    expect(by['contention σ']).toBe('regression');
    expect(worse.stdout).toMatch(/::error::Performance check failed: 2 regressions/);

    writeConfig(ws, 0.02, 1);
    const same = await pr(ws);
    expect(same.code, same.stdout).toBe(0);
    const again = JSON.parse(readFileSync(same.outputs.report!, 'utf8'));
    expect(again.benchmarks.filter((b: { verdict: string }) => b.verdict === 'regression')).toEqual([]);
  });
});
