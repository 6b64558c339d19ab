/** What the store flow tests share: git for setup, a bare origin with its checkout, runs of the built action. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { pullRequestEvent, pushEvent, runBuiltAction, type ActionRun } from './action-process.js';

export const CONFIG = { suites: [{ name: 'tiny', command: { noop: 'node -e 0' }, runs: 3, warmup: 0 }] };
export const sha = (i: number) => String(i).padStart(40, '0');

/** An empty HOME: like a GitHub runner, git has no user identity configured. */
export const bareHome = () => mkdtempSync(join(tmpdir(), 'tp-home-'));

/** git for the test's own setup and checks (with an identity of its own, never the action's env). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
  }).trim();
}

/** A bare `origin` and the user's checkout of it (the workspace) with `config` committed on main. */
export function repoWithConfig(config: object = CONFIG): { bare: string; ws: string } {
  const root = mkdtempSync(join(tmpdir(), 'tp-flow-'));
  const bare = join(root, 'origin.git');
  const ws = join(root, 'work');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  git(root, 'clone', '--quiet', bare, ws);
  writeConfig(ws, config);
  git(ws, 'add', 'performance-tracker.json');
  git(ws, 'commit', '--quiet', '-m', 'config');
  git(ws, 'push', '--quiet', 'origin', 'HEAD:main');
  return { bare, ws };
}

/** A workspace without git, holding `config`. */
export function workspaceWith(config: object = CONFIG): string {
  const ws = mkdtempSync(join(tmpdir(), 'tp-ws-'));
  writeConfig(ws, config);
  return ws;
}

export function writeConfig(ws: string, config: object): void {
  writeFileSync(join(ws, 'performance-tracker.json'), JSON.stringify(config));
}

export function expectOk(run: ActionRun): void {
  if (run.code !== 0) console.error(run.stdout, run.stderr);
  expect(run.stdout).not.toMatch(/::error::/);
  expect(run.code).toBe(0);
}

export const push = (ws: string, i: number, inputs: Record<string, string>, env: Record<string, string>) =>
  runBuiltAction({ workspace: ws, eventName: 'push', event: pushEvent(), inputs, env, sha: sha(i) });

// The PR run's timings of `node -e 0` are noise on a loaded machine (a history of 3 close runs can
// call it a regression): these tests check where the baseline comes from, not a verdict.
export const pr = (ws: string, inputs: Record<string, string>, env: Record<string, string>, eventName = 'pull_request') =>
  runBuiltAction({
    workspace: ws,
    eventName,
    event: pullRequestEvent(7),
    inputs: { 'fail-on': 'never', ...inputs },
    env,
    ref: 'refs/pull/7/merge',
    sha: 'b'.repeat(40),
  });

export const report = (run: ActionRun) => JSON.parse(readFileSync(run.outputs.report!, 'utf8')) as Report;

/** What a user could notice in their checkout. */
export function checkoutState(ws: string) {
  return {
    status: git(ws, 'status', '--porcelain'),
    head: git(ws, 'rev-parse', 'HEAD'),
    worktrees: git(ws, 'worktree', 'list', '--porcelain'),
    branches: git(ws, 'branch', '--list', '--all'),
  };
}
