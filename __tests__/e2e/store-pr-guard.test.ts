/**
 * No pull-request-triggered run writes a baseline, whatever `mode` says: the built action, run as
 * a process, refuses `pull_request_target` in every mode and `mode: baseline` on a PR event
 * before any suite runs, and every store is left as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushEvent, runBuiltAction, type ActionRun } from '../helpers/action-process.js';
import { startFakeCacheServer, type FakeCacheServer } from '../helpers/fake-cache-server.js';
import { git, pr, repoWithConfig, workspaceWith } from '../helpers/store-flow.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
const hasTar = spawnSync('tar', ['--version']).status === 0;
if (!hasGit) console.warn('SKIP gh-pages PR guard test: the `git` CLI is missing (Debian package: git).');
if (!hasTar) console.warn('SKIP Actions cache PR guard test: `tar` is missing (Debian package: tar).');

/** Refused with an error line, before the config was read or any suite ran. */
function expectRefused(run: ActionRun, why: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(why);
  expect(run.stdout).not.toMatch(/Mode: |── tiny|Recorded the run/);
}

describe('the built action on pull-request events', () => {
  it('refuses pull_request_target in every mode, and writes nothing', async () => {
    const ws = workspaceWith();
    for (const mode of ['auto', 'pr', 'baseline', 'comment', 'ab']) {
      const run = await pr(ws, { baseline: 'perf-history', comment: 'false', mode }, {}, 'pull_request_target');
      expectRefused(run, /::error::.*does not run under pull_request_target, in any mode/);
    }
    expect(existsSync(join(ws, 'perf-history'))).toBe(false);
  });

  it('refuses mode baseline on pull_request and merge_group, saying why, in a directory store', async () => {
    const ws = workspaceWith();
    for (const event of ['pull_request', 'merge_group']) {
      const run = await pr(ws, { baseline: 'perf-history', comment: 'false', mode: 'baseline' }, {}, event);
      expectRefused(
        run,
        new RegExp(
          `::error::.*mode' is 'baseline', but this run was triggered by a ${event} event: a pull request never writes the baseline`,
        ),
      );
    }
    expect(existsSync(join(ws, 'perf-history'))).toBe(false);
  });

  it.skipIf(!hasGit)('refuses mode baseline on pull_request with the gh-pages store: no branch is created', async () => {
    const { bare, ws } = repoWithConfig();
    const run = await pr(ws, { baseline: 'gh-pages', comment: 'false', token: '', mode: 'baseline' }, {});
    expectRefused(run, /::error::.*a pull request never writes the baseline/);
    expect(git(bare, 'branch', '--list')).not.toContain('gh-pages');
  });

  it.skipIf(!hasGit)('refuses gh-pages-branch set to the default branch, and an empty branch, with a clear error', async () => {
    const { bare, ws } = repoWithConfig();
    const tip = git(bare, 'rev-parse', 'main');
    const onMain = await runBuiltAction({
      workspace: ws,
      eventName: 'push',
      event: pushEvent(),
      inputs: { baseline: 'gh-pages', comment: 'false', token: '', 'gh-pages-branch': 'main' },
    });
    expect(onMain.code).toBe(1);
    expect(onMain.stdout).toMatch(/::error::Input 'gh-pages-branch' is 'main', the default branch/);
    expect(git(bare, 'rev-parse', 'main')).toBe(tip);
    const noRef = await runBuiltAction({
      workspace: ws,
      eventName: 'push',
      event: pushEvent(),
      ref: '',
      inputs: { baseline: 'perf-history', comment: 'false' },
    });
    expect(noRef.code).toBe(1);
    expect(noRef.stdout).toMatch(/::error::The run has no branch \(GITHUB_REF is empty\)/);
    expect(noRef.stdout + noRef.stderr).not.toMatch(/RangeError| {4}at /);
  });

  describe.skipIf(!hasTar)('with the Actions cache store', () => {
    let fake: FakeCacheServer;
    beforeAll(async () => (fake = await startFakeCacheServer()));
    afterAll(() => fake?.close());

    it('refuses mode baseline on pull_request: no entry is saved', async () => {
      const env = { ...fake.env, RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'tp-runner-temp-')) };
      const run = await pr(workspaceWith(), { baseline: 'cache', comment: 'false', mode: 'baseline' }, env);
      expectRefused(run, /::error::.*a pull request never writes the baseline/);
      expect(fake.entries()).toEqual([]);
    });
  });
});
