/**
 * The action's flow, in process: runAction with a fake publisher and logger and a directory
 * store, beside the process-level tests of dist/ (__tests__/e2e). An import suite reads a real
 * hyperfine export, so no benchmark time is spent and the values are known.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInputs } from '../../src/action/inputs.js';
import { runAction, type ActionRun } from '../../src/action/run-action.js';
import type { RunnerFacts } from '../../src/github/context.js';
import type { Publisher } from '../../src/github/publish.js';
import type { Logger } from '../../src/model/logger.js';

const HYPERFINE = resolve(import.meta.dirname, '../fixtures/hyperfine/two.json');

/** A workspace whose one suite imports `current.json`, a hyperfine export with times × `factor`. */
function workspace(): { dir: string; setFactor(factor: number): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tp-run-action-'));
  writeFileSync(
    join(dir, 'performance-tracker.json'),
    JSON.stringify({ suites: [{ name: 'cli', import: 'current.json', format: 'hyperfine' }] }),
  );
  const setFactor = (factor: number) => {
    const doc = JSON.parse(readFileSync(HYPERFINE, 'utf8')) as { results: Array<Record<string, unknown>> };
    for (const r of doc.results) {
      for (const k of ['mean', 'stddev', 'median', 'min', 'max'] as const) r[k] = (r[k] as number) * factor;
      r.times = (r.times as number[]).map((t) => t * factor);
    }
    writeFileSync(join(dir, 'current.json'), JSON.stringify(doc));
  };
  setFactor(1);
  return { dir, setFactor };
}

function fakeLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    startGroup: (m) => lines.push(`group: ${m}`),
    endGroup: () => undefined,
  };
}

function fakePublisher(): Publisher & { posts: Array<{ prNumber: number; body: string; markerId: string }> } {
  const posts: Array<{ prNumber: number; body: string; markerId: string }> = [];
  return {
    posts,
    upsert: async (prNumber, body, markerId) => (
      posts.push({ prNumber, body, markerId }),
      { action: 'created', url: `https://example.test/pr/${prNumber}` }
    ),
    findPullRequest: async () => 7,
  };
}

const base = { owner: 'o', repo: 'r', defaultBranch: 'main', runUrl: 'https://example.test/run/1' };
const push = (i: number): RunnerFacts => ({ ...base, eventName: 'push', ref: 'refs/heads/main', sha: String(i).padStart(40, '0') });
const pullRequest = (eventName = 'pull_request'): RunnerFacts => ({
  ...base,
  eventName,
  ref: 'refs/pull/7/merge',
  sha: 'f'.repeat(40),
  prNumber: 7,
  baseRef: 'main',
  baseSha: '1'.repeat(40),
});

function request(
  dir: string,
  facts: RunnerFacts,
  inputs: Record<string, string> = {},
): ActionRun & { log: ReturnType<typeof fakeLog>; publisher: ReturnType<typeof fakePublisher> } {
  const all: Record<string, string> = { baseline: 'perf', token: 't', ...inputs };
  return {
    inputs: parseInputs((n) => all[n] ?? ''),
    facts,
    env: { workspace: dir, outputDir: join(dir, 'out') },
    log: fakeLog(),
    publisher: fakePublisher(),
  };
}

describe('runAction (fake publisher and logger, directory store)', () => {
  it('records pushes without commenting, then fails a PR that is twice as slow, with one comment', async () => {
    const ws = workspace();
    for (let i = 1; i <= 3; i++) {
      const run = request(ws.dir, push(i));
      const outcome = await runAction(run);
      expect(outcome.mode).toBe('baseline');
      expect(outcome.failed).toBe(false);
      expect(run.publisher.posts).toEqual([]);
    }
    expect(readdirSync(join(ws.dir, 'perf'))).toEqual(['main.json']);

    ws.setFactor(2);
    const run = request(ws.dir, pullRequest());
    const outcome = await runAction(run);
    expect(outcome.mode).toBe('pr');
    expect(outcome.report.design).toBe('history');
    expect(outcome.report.counts.regression).toBe(2);
    expect(outcome.failed).toBe(true);
    expect(outcome.gate.verdict).toBe('fail');
    expect(outcome.gate.reason).toMatch(/2 regressions/);
    expect(run.publisher.posts).toHaveLength(1);
    expect(run.publisher.posts[0]).toMatchObject({ prNumber: 7, markerId: 'track-performance' });
    expect(run.publisher.posts[0]!.body).toContain('<!-- track-performance:track-performance -->');
    expect(run.publisher.posts[0]!.body).not.toContain('#bench='); // no dashboard published from a directory store
    // A PR never writes the baseline: still three runs.
    const history = JSON.parse(readFileSync(join(ws.dir, 'perf', 'main.json'), 'utf8')) as { entries: unknown[] };
    expect(history.entries).toHaveLength(3);
    // The report it wrote is the one it gated on.
    expect(JSON.parse(readFileSync(outcome.reportPath, 'utf8'))).toMatchObject({ verdict: 'fail', counts: { regression: 2 } });
  });

  it('links each regression of the comment to its chart on the dashboard the dashboard-url input names', async () => {
    const ws = workspace();
    for (let i = 1; i <= 2; i++) await runAction(request(ws.dir, push(i)));
    ws.setFactor(2);
    const run = request(ws.dir, pullRequest(), { 'dashboard-url': 'https://perf.example.org/d/' });
    const outcome = await runAction(run);
    const body = run.publisher.posts[0]!.body;
    const regressions = outcome.report.benchmarks.filter((b) => b.verdict === 'regression').map((b) => b.id);
    const links = [...body.matchAll(/\]\((https:\/\/perf\.example\.org\/d\/#bench=[^)\s]+)\)/g)].map((m) => new URL(m[1]!).hash);
    expect(links).toEqual(regressions.map((id) => `#${new URLSearchParams({ bench: id }).toString()}`));
    expect(body).toContain('[dashboard](https://perf.example.org/d/)');
  });

  it('does not fail at fail-on: never, and posts nothing with comment: false', async () => {
    const ws = workspace();
    for (let i = 1; i <= 2; i++) await runAction(request(ws.dir, push(i)));
    ws.setFactor(2);
    const run = request(ws.dir, pullRequest(), { 'fail-on': 'never', comment: 'false' });
    const outcome = await runAction(run);
    expect(outcome.gate.verdict).toBe('fail');
    expect(outcome.failed).toBe(false);
    expect(run.publisher.posts).toEqual([]);
  });

  it('refuses pull_request_target and a PR in mode baseline before anything runs or is written', async () => {
    const ws = workspace();
    await expect(runAction(request(ws.dir, pullRequest('pull_request_target')))).rejects.toThrow(/pull_request_target/);
    await expect(runAction(request(ws.dir, pullRequest(), { mode: 'baseline' }))).rejects.toThrow(/pull/i);
    expect(readdirSync(ws.dir).sort()).toEqual(['current.json', 'performance-tracker.json']);
  });

  it('mode comment posts a report made elsewhere, on the PR it finds, and runs no suite', async () => {
    const ws = workspace();
    for (let i = 1; i <= 2; i++) await runAction(request(ws.dir, push(i)));
    const pr = await runAction(request(ws.dir, pullRequest()));
    const facts: RunnerFacts = {
      ...base,
      eventName: 'workflow_run',
      ref: 'refs/heads/main',
      sha: 'a'.repeat(40),
      workflowRun: { headSha: 'f'.repeat(40), prNumbers: [], id: 9 },
    };
    const run = request(ws.dir, facts, { mode: 'comment', 'report-file': pr.reportPath, config: 'missing.json' });
    const outcome = await runAction(run);
    expect(outcome.mode).toBe('comment');
    expect(outcome.failed).toBe(false);
    expect(run.publisher.posts).toHaveLength(1);
    expect(run.publisher.posts[0]!.prNumber).toBe(7);
    expect(run.log.lines.some((l) => l.startsWith('group:'))).toBe(false); // no suite ran
  });
});
