/**
 * One verdict everywhere (src/compare/gate.ts): for a crashed suite, a missed target, a crossed alert and
 * an all-inconclusive run, the built action (outputs, exit code, log, job summary) and the built
 * CLI's benchmark, compare and report verbs (exit codes, JSON verdict, headline) give the same
 * answer. Before, a crashed suite was `warn` in the report while the check failed and compare
 * exited 0.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent, runBuiltAction } from '../helpers/action-process.js';
import { cli, type CliRun } from '../helpers/cli-process.js';

/** Two fast command suites; `broken` fails when asked, `thresholds` as given. */
function config(ws: string, opts: { broken?: boolean; thresholds?: object[] } = {}): void {
  const suites = [
    { name: 'fast', command: { ok: 'true' }, runs: 3, warmup: 0 },
    { name: 'flaky', command: { step: opts.broken ? "echo 'Error: kaput' >&2; exit 3" : 'true' }, runs: 3, warmup: 0 },
  ];
  writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify({ suites, ...(opts.thresholds && { thresholds: opts.thresholds }) }));
}

/** What each face said about one situation. */
interface Faces {
  action: Awaited<ReturnType<typeof runBuiltAction>>;
  benchmark: CliRun;
  compare: CliRun;
  report: CliRun;
}

/** One push records a baseline (the single design), then the PR and the CLI verbs see `opts`. */
async function situation(opts: Parameters<typeof config>[1], failOn = 'regression'): Promise<Faces> {
  const ws = mkdtempSync(join(tmpdir(), 'tp-one-'));
  const inputs = { baseline: 'perf-baseline', 'fail-on': failOn, comment: 'false' };
  config(ws);
  const push = await runBuiltAction({ workspace: ws, eventName: 'push', event: pushEvent(), inputs });
  expect(push.code, push.stdout).toBe(0);
  const base = await cli(['benchmark', '--out', 'base.json'], ws);
  expect(base.code, base.stderr).toBe(0);
  config(ws, opts);
  const action = await runBuiltAction({
    workspace: ws,
    eventName: 'pull_request',
    event: pullRequestEvent(3),
    inputs,
    ref: 'refs/pull/3/merge',
  });
  const benchmark = await cli(['benchmark', '--out', 'cur.json'], ws);
  const compare = await cli(['compare', '--baseline', 'base.json', '--current', 'cur.json', '--json'], ws);
  const report = await cli(['report', '--baseline', 'base.json', '--current', 'cur.json'], ws);
  return { action, benchmark, compare, report };
}

// Each case runs the built action twice and the CLI four times: on a busy 2-core machine, minutes.
describe('one verdict across the action and the CLI verbs', { timeout: 180_000 }, () => {
  it('a crashed suite fails everywhere and its benchmark reads as not measured', async () => {
    const f = await situation({ broken: true });
    expect(f.action.code).toBe(1);
    expect(f.action.outputs.verdict).toBe('fail');
    // The healthy suite is timed for real: under heavy load its one-run comparison may also come
    // out a regression, which the reason then names first. The suite error must fail either way.
    const reason = /(\d+ regressions?, )?1 suite error/;
    expect(f.action.stdout).toMatch(new RegExp(`::error::Performance check failed: ${reason.source}`));
    expect(f.action.summary).toMatch(new RegExp(`### ❌ Performance: fail — ${reason.source}`));
    expect(f.action.summary).toContain('| flaky › step | ❌ not measured |');
    expect(f.action.summary).not.toContain('➖ missing');
    // The job summary has the command's stderr in a fenced block.
    expect(f.action.summary).toMatch(/ {2}`{3,}text\n {2}Error: kaput\n {2}`{3,}/);
    expect(JSON.parse(readFileSync(f.action.outputs.report!, 'utf8')).verdict).toBe('fail');
    // …and the log too: the warning is the first line, the stderr a fenced block after it.
    expect(f.action.stdout).toMatch(
      /::warning::"flaky" \/ "step": Suite "flaky": command .* exited with code 3\. Its stderr ended with:\n/,
    );
    expect(f.action.stdout).toContain('```\nError: kaput\n```');

    expect(f.benchmark.code).toBe(1);
    expect(f.benchmark.stderr).toContain('Verdict: fail (1 suite error).'); // no baseline: no regression possible
    expect(f.compare.code).toBe(1);
    expect(JSON.parse(f.compare.stdout)).toMatchObject({ verdict: 'fail', counts: { error: 1 } });
    expect(f.report.code).toBe(1);
    expect(f.report.stdout).toMatch(new RegExp(`### ❌ Performance: fail — ${reason.source}`));
  });

  const slowerThan1ns = [{ name: 'fast enough', benchmark: 'fast/ok', target: '<= 1ns' }];

  it('a missed target warns everywhere, and does not fail at fail-on: regression', async () => {
    const f = await situation({ thresholds: slowerThan1ns });
    expect(f.action.code, f.action.stdout).toBe(0);
    expect(f.action.outputs.verdict).toBe('warn');
    expect(f.action.stdout).toContain('Verdict: warn (1 target missed (fail-on: regression)).');
    expect(f.action.summary).toContain('### ⚠️ Performance: warn — 1 target missed');
    expect(f.benchmark.code).toBe(0);
    expect(f.benchmark.stderr).toContain('target missed: fast enough');
    expect(f.compare.code).toBe(0);
    expect(JSON.parse(f.compare.stdout).verdict).toBe('warn');
    expect(f.report.code).toBe(0);
    expect(f.report.stdout).toContain('### ⚠️ Performance: warn — 1 target missed');
  });

  it('a missed target fails the check at fail-on: warning', async () => {
    const strict = await situation({ thresholds: slowerThan1ns }, 'warning');
    expect(strict.action.code).toBe(1);
    expect(strict.action.stdout).toMatch(/::error::Performance check failed: 1 target missed/);
  });

  it('a crossed alert fails everywhere', async () => {
    const f = await situation({ thresholds: [{ name: 'too slow', benchmark: 'fast/ok', alert: '> 1ns' }] });
    expect(f.action.code).toBe(1);
    expect(f.action.outputs.verdict).toBe('fail');
    expect(f.action.stdout).toMatch(/::error::Performance check failed: 1 alert crossed/);
    expect(f.benchmark.code).toBe(1);
    expect(f.benchmark.stderr).toContain('Verdict: fail (1 alert crossed).');
    expect(f.compare.code).toBe(1);
    expect(JSON.parse(f.compare.stdout).verdict).toBe('fail');
    expect(f.report.code).toBe(1);
    expect(f.report.stdout).toContain('### ❌ Performance: fail — 1 alert crossed');
  });

  it('an all-inconclusive run passes everywhere and says what it could not see', async () => {
    const f = await situation({});
    expect(f.action.code).toBe(0);
    expect(f.action.outputs.verdict).toBe('pass');
    expect(f.action.stdout).toMatch(/Verdict: pass \(no regression detected; 2 inconclusive \(could see changes ≥ \d+%, median \d+%\)\)\./);
    expect(f.action.summary).toMatch(
      /### ✅ Performance: pass — no regression detected\n\n\*\*2 inconclusive\*\* — this run could see changes ≥ \d+% \(median \d+%\); use A\/B mode or instruction counts to see smaller ones\./,
    );
    expect(f.compare.code).toBe(0);
    expect(JSON.parse(f.compare.stdout)).toMatchObject({ verdict: 'pass', counts: { inconclusive: 2 } });
    expect(f.report.code).toBe(0);
    expect(f.report.stdout).toContain('**2 inconclusive** — this run could see changes ≥');
    expect(f.benchmark.code).toBe(0);
  });
});
