/**
 * The built action, run as a process, records baselines on `push` in the chosen store and a later
 * `pull_request` run compares against them: the gh-pages store on a local bare `origin`, and the
 * Actions cache store against the loopback fake of the cache service.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeCacheServer, type FakeCacheServer } from '../helpers/fake-cache-server.js';
import { startGitHubServer, TOKENS, type GitHubServer } from '../helpers/github-server.js';
import {
  bareHome,
  CONFIG,
  checkoutState,
  expectOk,
  git,
  pr,
  push,
  repoWithConfig,
  report,
  sha,
  workspaceWith,
} from '../helpers/store-flow.js';
import { hasHttpBackend, startGitHttpServer } from '../store/git-http-server.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
const hasTar = spawnSync('tar', ['--version']).status === 0;
if (!hasGit) console.warn('SKIP gh-pages store flow tests: the `git` CLI is missing (Debian package: git).');
if (!hasTar) console.warn('SKIP Actions cache store flow test: `tar` is missing (Debian package: tar).');

const DATA_FILE = 'benchmarks/main.json';

describe.skipIf(!hasGit)('the built action with the gh-pages store (needs git)', () => {
  // Empty token: the store uses `origin` as it is (here a local path).
  const inputs = { baseline: 'gh-pages', comment: 'false', token: '' };

  it('records three pushes as history on the branch, and a PR compares against them without writing', async () => {
    const { bare, ws } = repoWithConfig();
    const env = { HOME: bareHome() };
    const before = checkoutState(ws);

    for (let i = 1; i <= 3; i++) {
      const run = await push(ws, i, inputs, env);
      expectOk(run);
      expect(run.stdout).toContain('Mode: baseline');
      expect(run.stdout).toContain('Recorded the run in gh-pages branch gh-pages');
    }
    const log = git(bare, 'log', '--format=%an <%ae>|%cn <%ce>|%s', 'gh-pages').split('\n');
    expect(log).toHaveLength(3);
    const bot = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';
    expect(log.every((l) => l.startsWith(`${bot}|${bot}|track-performance: record main at `))).toBe(true);
    const history = JSON.parse(git(bare, 'show', `gh-pages:${DATA_FILE}`)) as { kind: string; entries: Array<{ commit: string }> };
    expect(history.kind).toBe('history');
    expect(history.entries.map((e) => e.commit)).toEqual([sha(1), sha(2), sha(3)]);

    const tip = git(bare, 'rev-parse', 'gh-pages');
    const run = await pr(ws, inputs, env);
    expectOk(run);
    expect(run.stdout).toContain('Mode: pr');
    expect(report(run)).toMatchObject({ design: 'history', baseline: { runs: 3 } });
    // The note names the store (the summary escapes punctuation such as `:`, so match the words).
    expect(run.summary).toContain('3 runs of main from gh-pages branch gh-pages');
    expect(run.summary).toContain('Design: history of 3 baseline runs');
    expect(git(bare, 'rev-parse', 'gh-pages')).toBe(tip);

    expect(checkoutState(ws)).toEqual(before);
  });

  it.skipIf(!hasHttpBackend)(
    'pushes with the token input over HTTP, and honours the gh-pages-branch, data-dir and history inputs',
    async () => {
      const { bare, ws } = repoWithConfig();
      const token = 'ghs_flowTestToken456';
      const server = await startGitHttpServer(join(bare, '..'), token);
      try {
        // As actions/checkout leaves it: an HTTP origin that needs the token.
        git(ws, 'remote', 'set-url', 'origin', `${server.url}origin.git`);
        const custom = { ...inputs, token, 'gh-pages-branch': 'perf-data', 'data-dir': 'data/perf/', history: '1' };
        const env = { HOME: bareHome() };
        for (let i = 1; i <= 2; i++) expectOk(await push(ws, i, custom, env));
        expect(git(bare, 'rev-list', '--count', 'perf-data')).toBe('2');
        // The history, and the dashboard published beside it (on by default with gh-pages).
        const tree = git(bare, 'ls-tree', '-r', '--name-only', 'perf-data').split('\n');
        expect(tree.filter((f) => !f.startsWith('dashboard/'))).toEqual(['data/perf/main.json']);
        expect(tree).toEqual(expect.arrayContaining(['dashboard/index.html', 'dashboard/data/manifest.js']));
        expect(() => git(bare, 'rev-parse', '--verify', '--quiet', 'gh-pages')).toThrow();

        const run = await pr(ws, custom, env);
        expectOk(run);
        expect(report(run)).toMatchObject({ design: 'single', baseline: { runs: 1, commit: sha(2) } });
        expect(run.summary).toContain('1 run of main from gh-pages branch perf-data, dir data/perf/');
        // Only in the runner's mask command, which the runner consumes.
        expect((run.stdout + run.stderr + run.summary).replace(`::add-mask::${token}`, '')).not.toContain(token);
        expect(server.authorizations.every((a) => a === `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`)).toBe(true);
      } finally {
        await server.close();
      }
    },
  );

  it('fails a push on a damaged data file, naming it, and leaves the file byte for byte as it was', async () => {
    const { bare, ws } = repoWithConfig();
    const garbage = '{"tool": "track-performance", "kind": "history", "entr';
    // An orphan gh-pages commit holding only the damaged file, written straight into the bare repository.
    const index = join(mkdtempSync(join(tmpdir(), 'tp-index-')), 'index');
    const blob = execFileSync('git', ['--git-dir', bare, 'hash-object', '-w', '--stdin'], { input: garbage, encoding: 'utf8' }).trim();
    const plumb = (...args: string[]) =>
      execFileSync('git', ['--git-dir', bare, ...args], {
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_INDEX_FILE: index,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@t',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@t',
        },
      }).trim();
    plumb('update-index', '--add', '--cacheinfo', `100644,${blob},${DATA_FILE}`);
    const commit = plumb('commit-tree', plumb('write-tree'), '-m', 'damaged');
    plumb('update-ref', 'refs/heads/gh-pages', commit);

    const run = await push(ws, 1, inputs, { HOME: bareHome() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*benchmarks\/main\.json on branch gh-pages is not valid JSON/);
    expect(run.stdout).not.toContain('Recorded the run');
    expect(git(bare, 'rev-parse', 'gh-pages')).toBe(commit);
    expect(execFileSync('git', ['--git-dir', bare, 'cat-file', 'blob', `gh-pages:${DATA_FILE}`], { encoding: 'utf8' })).toBe(garbage);

    // A PR cannot compare against a file it cannot read: it fails with the same message.
    const prRun = await pr(ws, inputs, { HOME: bareHome() });
    expect(prRun.code).toBe(1);
    expect(prRun.stdout).toMatch(/::error::.*benchmarks\/main\.json on branch gh-pages is not valid JSON/);
    expect(git(bare, 'rev-parse', 'gh-pages')).toBe(commit);
    expect(execFileSync('git', ['--git-dir', bare, 'cat-file', 'blob', `gh-pages:${DATA_FILE}`], { encoding: 'utf8' })).toBe(garbage);
  });
});

describe.skipIf(!hasTar)('the built action with the Actions cache store (needs tar, fake cache service and REST API)', () => {
  let fake: FakeCacheServer;
  let gh: GitHubServer;
  // A fresh cache service and API per test: each starts with no entries.
  beforeEach(async () => {
    fake = await startFakeCacheServer();
    gh = await startGitHubServer({ caches: () => fake.listed() });
  });
  afterEach(async () => {
    await fake?.close();
    await gh?.close();
  });
  const inputs = { baseline: 'cache', comment: 'false', token: TOKENS.actions, history: '20' };
  /** A job's environment: the services, and a RUNNER_TEMP of its own (entries do not depend on its path). */
  const jobEnv = () => ({ ...fake.env, GITHUB_API_URL: gh.url, RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'tp-runner-temp-')) });

  it('saves on push, and a PR restores and compares against it without saving', async () => {
    const ws = workspaceWith();
    for (let i = 1; i <= 2; i++) {
      const run = await push(ws, i, inputs, jobEnv());
      expectOk(run);
      expect(run.stdout).not.toMatch(/::warning::/);
      expect(run.stdout).toMatch(new RegExp(`Recorded the run in Actions cache, keys track-performance-main:(zstd|gzip)-${sha(i)}-`));
    }
    expect(fake.entries().map((e) => e.key)).toEqual([
      expect.stringMatching(new RegExp(`^track-performance-main:(zstd|gzip)-${sha(1)}-`)),
      expect.stringMatching(new RegExp(`^track-performance-main:(zstd|gzip)-${sha(2)}-`)),
    ]);

    const run = await pr(ws, inputs, jobEnv());
    expectOk(run);
    expect(run.stdout).toContain('Mode: pr');
    expect(report(run)).toMatchObject({ design: 'history', baseline: { runs: 2 } });
    expect(run.summary).toContain('2 runs of main from Actions cache');
    expect(fake.entries()).toHaveLength(2);
    expect(gh.invalid).toEqual([]);
  });

  it('loses no run when 10 pushes run at once after 3 in turn, each job with its own RUNNER_TEMP', async () => {
    // The engine uses as many baseline runs as the store loads, so the report counts every run kept.
    const ws = workspaceWith({ ...CONFIG, compare: { history: 20 } });
    const these = inputs;
    const before = 0;
    for (let i = 1; i <= 3; i++) expectOk(await push(ws, i, these, jobEnv()));
    const runs = await Promise.all(Array.from({ length: 10 }, (_, i) => push(ws, 4 + i, these, jobEnv())));
    runs.forEach(expectOk);
    expect(fake.entries().length - before).toBe(13);
    const run = await pr(ws, these, jobEnv());
    expectOk(run);
    // Every run is loaded and used (the input and compare.history both allow 20).
    expect(run.summary).toContain('13 runs of main from Actions cache');
    expect(gh.invalid).toEqual([]);
  });

  it('refuses a push whose restore fails rather than save a shorter history', async () => {
    const ws = workspaceWith();
    const these = inputs;
    for (let i = 1; i <= 2; i++) expectOk(await push(ws, i, these, jobEnv()));
    const before = fake.entries().length;
    fake.fault('download-500');
    try {
      const run = await push(ws, 3, these, jobEnv());
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/::error::Not saving to the Actions cache: 1 existing entry of main could not be restored/);
    } finally {
      fake.fault(undefined);
    }
    expect(fake.entries()).toHaveLength(before);
    expect(report(await pr(ws, these, jobEnv()))).toMatchObject({ baseline: { runs: 2 } });
  });
});
