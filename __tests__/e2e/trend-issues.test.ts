/**
 * The built action (dist/index.js) on pushes to main, as a process against the loopback GitHub
 * API: one issue per regression change point of the stored history, found again by its marker
 * (updated, never duplicated), closed when a later change reverses it; a read-only token or
 * disabled issues is one warning and the push still succeeds. The history is seeded in the
 * directory store the action reads (exact values: a deterministic metric, so a step is certain).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pushEvent, runBuiltAction, type ActionRun } from '../helpers/action-process.js';
import { ACTIONS_BOT, startGitHubServer, TOKENS, type GitHubServer } from '../helpers/github-server.js';
import { createStore } from '../../src/store/index.js';
import type { RunFile } from '../../src/model/index.js';

const OWNER = 'octo-org';
const REPO = 'octo-repo';
const STORE = 'perf-baseline';
/** A name that must stay inert in the issue. */
const NAME = 'parse <b>@octocat</b>';
/** Commit `i`: its short form is `000iaaa`. */
const sha = (i: number) => `${String(i).padStart(4, '0')}${'a'.repeat(36)}`;

let server: GitHubServer;
let disabled: GitHubServer;
beforeAll(async () => {
  server = await startGitHubServer();
  disabled = await startGitHubServer({ issuesDisabled: [`${OWNER}/${REPO}`] });
});
afterAll(async () => {
  await server.close();
  await disabled.close();
});
afterEach(() => {
  expect(server.invalid).toEqual([]);
  expect(disabled.invalid).toEqual([]);
});

const names = new Map<string, string>();

/**
 * A workspace importing `results.json` (custom format), with a history of `ms` values already
 * stored for main. Each test names its benchmark apart, so that its change point is its own issue.
 */
async function workspace(history: number[], name = NAME): Promise<string> {
  const ws = mkdtempSync(join(tmpdir(), 'tp-trend-issue-'));
  writeFileSync(
    join(ws, 'performance-tracker.json'),
    JSON.stringify({ suites: [{ name: 'app', import: 'results.json', format: 'custom' }], trend: { alerts: { assignees: ['octocat'] } } }),
  );
  const store = createStore({ kind: 'directory', dir: join(ws, STORE) });
  const start = Date.now() - history.length * 36e5;
  for (const [i, ms] of history.entries()) await store.save(storedRun(name, i + 1, ms, new Date(start + i * 36e5).toISOString()), 'main');
  names.set(ws, name);
  return ws;
}

function storedRun(name: string, i: number, ms: number, timestamp: string): RunFile {
  const ns = ms * 1e6;
  return {
    schemaVersion: 1,
    tool: 'track-performance',
    commit: sha(i),
    ref: 'refs/heads/main',
    timestamp,
    benchmarks: [
      {
        id: `app/${name}`,
        suite: 'app',
        name,
        unit: 'ns',
        direction: 'smaller',
        value: ns,
        samples: [ns, ns, ns],
        stats: { n: 3, mean: ns, median: ns, min: ns, max: ns, stdev: 0 },
      },
    ],
  };
}

/** The action on a push of commit `i`, whose benchmark takes exactly `ms`. */
function push(ws: string, i: number, ms: number, o: { token?: string; api?: GitHubServer; config?: object } = {}): Promise<ActionRun> {
  writeFileSync(
    join(ws, 'results.json'),
    JSON.stringify({ benchmarks: [{ name: names.get(ws), unit: 'ms', direction: 'smaller', samples: [ms, ms, ms] }] }),
  );
  if (o.config) writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify(o.config));
  return runBuiltAction({
    workspace: ws,
    eventName: 'push',
    event: pushEvent(),
    sha: sha(i),
    inputs: { baseline: STORE, token: o.token ?? TOKENS.actions },
    env: { GITHUB_API_URL: (o.api ?? server).url },
  });
}

function expectPushed(r: ActionRun): void {
  if (r.code !== 0) console.error(r.stdout, r.stderr);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Mode: baseline');
}

const issues = (api = server) => api.issues(OWNER, REPO);
const operations = (id: string, api = server) => api.requests.filter((r) => r.operationId === id).length;

describe('one GitHub issue per change point, on pushes to main (built action, loopback API)', () => {
  it('opens one issue for a step, updates it on the next push, and closes it when the step is reversed', async () => {
    const before = issues().length;
    // Eight runs at 10 ms, then the step: commit 9 is the first of seven at 12 ms; this push is the eighth.
    const ws = await workspace([...Array<number>(8).fill(10), ...Array<number>(7).fill(12)]);
    const first = await push(ws, 16, 12);
    expectPushed(first);
    // The change point was already in the history (no new alert), and still had no issue: now it has.
    expect(first.stdout).toMatch(/Trend issue #\d+ created/);
    const mine = issues().slice(before);
    expect(mine).toHaveLength(1);
    const issue = mine[0]!;
    expect(issue.state).toBe('open');
    expect(issue.user.login).toBe(ACTIONS_BOT.login);
    expect(issue.labels).toEqual(['performance', 'critical']);
    expect(issue.assignees).toEqual(['octocat']);
    expect(issue.title).toBe(`Performance: app/${NAME} +20.0% (regression) at 0009aaa`);
    expect(issue.body).toMatch(/<!-- track-performance:trend-[0-9a-f]{12}-0009a{36} -->/);
    expect(issue.body).toContain('10 ms ±0.0% (8 runs) → 12 ms ±0.0% (8 runs)');
    expect(issue.body).toContain(`[0008aaa..0009aaa](https://github.com/octo-org/octo-repo/compare/${sha(8)}...${sha(9)})`);
    expect(issue.body).toContain('`▁▁▁▁▁▁▁▁┊████████`');
    expect(issue.body).toContain('[this run](https://github.com/octo-org/octo-repo/actions/runs/42)');
    expect(issue.body).toContain('8 runs ago');
    // The hostile name is inert: no tag, no mention.
    expect(issue.body).not.toContain('<b>');
    expect(issue.body).not.toContain('@octocat');
    // The job summary says so (its notes are escaped text: `#` and `:` as entities).
    expect(first.summary).toMatch(
      new RegExp(`Issue &#35;\u200D${issue.number} created for a change point .*/octo-org/octo-repo/issues/${issue.number}`),
    );

    // The same change point, one run later: the same issue, updated in place.
    const creates = operations('issues/create');
    const second = await push(ws, 17, 12);
    expectPushed(second);
    expect(operations('issues/create')).toBe(creates);
    expect(issues().slice(before)).toHaveLength(1);
    expect(issue.body).toContain('9 runs ago');
    expect(issue.state).toBe('open');

    // Back to 10 ms for two runs (the first alone is a pending anomaly): reversed, closed with the reason.
    expectPushed(await push(ws, 18, 10));
    expect(issue.state).toBe('open');
    const reversed = await push(ws, 19, 10);
    expectPushed(reversed);
    expect(issue.state).toBe('closed');
    expect(issue.state_reason).toBe('completed');
    expect(issue.body).toMatch(
      /^<!-- track-performance:trend-[0-9a-f]{12}-0009a{36} -->\n\*\*Reversed\*\*: a later change point, -16\.7% in \[0017aaa\.\.0018aaa\]/,
    );
    expect(reversed.summary).toMatch(new RegExp(`Closed issue &#35;\u200D${issue.number}&#58; the change it reported was reversed`));

    // Closed stays closed: a later push neither reopens it nor opens another.
    expectPushed(await push(ws, 20, 10));
    expect(issues().slice(before)).toHaveLength(1);
    expect(issue.state).toBe('closed');
    expect(operations('issues/create')).toBe(creates);
  });

  it('with a read-only token, warns once and the push still records the run', async () => {
    const before = issues().length;
    const ws = await workspace([10, 10, 10, 10, 10, 10, 10, 10, 12], 'read-only');
    const r = await push(ws, 10, 12, { token: TOKENS.readOnly });
    expectPushed(r);
    expect(r.stdout).toContain('Recorded the run');
    const warned = r.stdout.split('\n').filter((l) => l.includes('Trend issues not updated'));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('(403): give the job `issues: write` permission');
    expect(issues().length).toBe(before);
  });

  it('where issues are disabled (410), warns once; with trend.alerts.issue false, asks GitHub nothing about issues', async () => {
    const ws = await workspace([10, 10, 10, 10, 10, 10, 10, 10, 12], 'disabled');
    const r = await push(ws, 10, 12, { api: disabled });
    expectPushed(r);
    const warned = r.stdout.split('\n').filter((l) => l.includes('Trend issues not updated'));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('Issues are disabled on octo-org/octo-repo (410)');

    const listed = operations('issues/list-for-repo', disabled);
    const off = await push(ws, 11, 12, {
      api: disabled,
      config: { suites: [{ name: 'app', import: 'results.json', format: 'custom' }], trend: { alerts: { issue: false } } },
    });
    expectPushed(off);
    expect(off.stdout).not.toContain('Trend issues not updated');
    expect(operations('issues/list-for-repo', disabled)).toBe(listed);
  });
});
