import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/model/errors.js';
import { createStore, parseHistory } from '../../src/store/index.js';
import { at, HOSTILE, makeRun } from './make-run.js';
import { runWriter } from './run-writer.js';
import { hasHttpBackend, startGitHttpServer } from './git-http-server.js';
import { git, setup } from './pages-origin.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
if (!hasGit) console.warn('SKIP gh-pages store tests: the `git` CLI is missing (Debian package: git).');

const TOKEN = 'ghs_secretTokenValue123';

/** Snapshot of what the user could notice in the checkout. */
async function checkoutState(checkout: string) {
  return {
    status: git(checkout, 'status', '--porcelain', '--ignored'),
    head: git(checkout, 'rev-parse', 'HEAD'),
    refs: git(checkout, 'for-each-ref'),
    config: await readFile(join(checkout, '.git', 'config'), 'utf8'),
  };
}

describe.skipIf(!hasGit)('gh-pages store (needs git)', () => {
  let origin: string;
  let checkout: string;
  beforeEach(async () => ({ origin, checkout } = await setup()));

  it('finds no baseline while the branch does not exist', async () => {
    expect(await createStore({ kind: 'gh-pages', repoDir: checkout }).load('main')).toBeUndefined();
  });

  it('creates the branch as an orphan, adds one commit per save, and leaves the checkout untouched', async () => {
    const before = await checkoutState(checkout);
    const store = createStore({ kind: 'gh-pages', repoDir: checkout, token: TOKEN });
    await store.save(makeRun('c1', at(0)), 'main');
    await store.save(makeRun('c2', at(1)), 'main');
    expect(git(origin, 'rev-list', '--count', 'gh-pages')).toBe('2');
    expect(git(origin, 'rev-list', '--max-parents=0', 'gh-pages')).not.toBe(git(origin, 'rev-parse', 'main'));
    expect(git(origin, 'ls-tree', '-r', '--name-only', 'gh-pages')).toBe('benchmarks/main.json');
    const doc = parseHistory(git(origin, 'show', 'gh-pages:benchmarks/main.json'), 'f');
    expect(doc.entries.map((e) => e.commit)).toEqual(['c1', 'c2']);
    expect(Object.values(doc.benchmarks).map((s) => s.name)).toContain(HOSTILE);
    expect((await store.load('main', 1))!.map((r) => r.commit)).toEqual(['c2']);
    const after = await checkoutState(checkout);
    expect(after).toEqual(before);
    expect(after.config).not.toContain(TOKEN);
    expect(store.describe()).toBe('gh-pages branch gh-pages, dir benchmarks/');
  });

  it('uses the configured branch and directory', async () => {
    const store = createStore({ kind: 'gh-pages', repoDir: checkout, branch: 'perf-data', dataDir: 'data/perf/' });
    await store.save(makeRun('c1', at(0)), 'release/1.x');
    expect(git(origin, 'ls-tree', '-r', '--name-only', 'perf-data')).toBe('data/perf/release%2F1.x.json');
  });

  it('refuses a data directory outside the branch tree', () => {
    for (const dataDir of ['../up', 'a/../../b', 'x/.git'])
      expect(() => createStore({ kind: 'gh-pages', repoDir: checkout, dataDir })).toThrow(/must be a relative path inside the branch/);
  });

  it('stops on a corrupt data file, naming it, and pushes nothing', async () => {
    const store = createStore({ kind: 'gh-pages', repoDir: checkout });
    await store.save(makeRun('c1', at(0)), 'main');
    git(checkout, 'fetch', '--quiet', 'origin', 'gh-pages');
    git(checkout, 'worktree', 'add', '--quiet', '../pages', 'FETCH_HEAD');
    const pages = join(checkout, '..', 'pages');
    git(pages, 'cat-file', 'blob', 'HEAD:benchmarks/main.json');
    execFileSync('sh', ['-c', 'head -c 120 benchmarks/main.json > t && mv t benchmarks/main.json'], { cwd: pages });
    git(pages, 'commit', '--quiet', '-am', 'damage');
    git(pages, 'push', '--quiet', 'origin', 'HEAD:gh-pages');
    const tip = git(origin, 'rev-parse', 'gh-pages');
    const bytes = git(origin, 'cat-file', 'blob', 'gh-pages:benchmarks/main.json');
    const err = await store.save(makeRun('c2', at(1)), 'main').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toContain('benchmarks/main.json on branch gh-pages is not valid JSON');
    expect(git(origin, 'rev-parse', 'gh-pages')).toBe(tip);
    expect(git(origin, 'cat-file', 'blob', 'gh-pages:benchmarks/main.json')).toBe(bytes);
  });

  it('never pushes from a PR-triggered event', async () => {
    process.env.GITHUB_EVENT_NAME = 'pull_request';
    try {
      await expect(createStore({ kind: 'gh-pages', repoDir: checkout }).save(makeRun('c1', at(0)), 'main')).rejects.toThrow(
        /Not saving a baseline to gh-pages branch gh-pages: .*pull_request event/,
      );
    } finally {
      delete process.env.GITHUB_EVENT_NAME;
    }
    expect(git(origin, 'branch', '--list')).not.toContain('gh-pages');
  });

  it('never shows the token, even in a failure', async () => {
    git(checkout, 'remote', 'set-url', 'origin', join(checkout, 'no-such-repo.git'));
    const err = await createStore({ kind: 'gh-pages', repoDir: checkout, token: TOKEN })
      .save(makeRun('c1', at(0)), 'main')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    const base64 = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    expect((err as Error).message).not.toContain(TOKEN);
    expect((err as Error).message).not.toContain(base64);
    expect(await readFile(join(checkout, '.git', 'config'), 'utf8')).not.toContain(base64);
  });

  it('loses no run when 10 processes push at once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => runWriter(['gh-pages', checkout, String(i)])));
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const runs = (await createStore({ kind: 'gh-pages', repoDir: checkout }).load('main'))!;
    expect(runs.map((r) => r.commit).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `writer-${i}`).sort());
    expect(Number(git(origin, 'rev-list', '--count', 'gh-pages'))).toBe(10);
  });

  it('loses no run when 30 processes push at once (retries with backoff; history read back)', { timeout: 300_000 }, async () => {
    const n = 30;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => runWriter(['gh-pages', checkout, String(i)])));
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const runs = (await createStore({ kind: 'gh-pages', repoDir: checkout }).load('main'))!;
    expect(runs.map((r) => r.commit).sort()).toEqual(Array.from({ length: n }, (_, i) => `writer-${i}`).sort());
    expect(Number(git(origin, 'rev-list', '--count', 'gh-pages'))).toBe(n);
  });

  it('does not retry a permanent refusal (protected branch) and quotes the remote', async () => {
    const attempts = join(origin, 'attempts');
    const hook = join(origin, 'hooks', 'pre-receive');
    await writeFile(
      hook,
      `#!/bin/sh\necho x >> '${attempts}'\necho 'GH006: Protected branch update failed for refs/heads/gh-pages.' >&2\nexit 1\n`,
    );
    await chmod(hook, 0o755);
    const err = await createStore({ kind: 'gh-pages', repoDir: checkout })
      .save(makeRun('c1', at(0)), 'main')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/refused the push to branch gh-pages .*not retried/);
    expect((err as Error).message).toContain('GH006: Protected branch update failed for refs/heads/gh-pages.');
    expect((await readFile(attempts, 'utf8')).trim().split('\n')).toHaveLength(1);
    expect(git(origin, 'branch', '--list')).not.toContain('gh-pages');
  });

  it.skipIf(!hasHttpBackend)('sends the token as the basic authorization header over HTTP (git-http-backend)', async () => {
    const server = await startGitHttpServer(join(origin, '..'), TOKEN);
    try {
      git(checkout, 'remote', 'set-url', 'origin', `${server.url}origin.git`);
      const store = createStore({ kind: 'gh-pages', repoDir: checkout, token: TOKEN });
      await store.save(makeRun('c1', at(0)), 'main');
      expect((await store.load('main'))!.map((r) => r.commit)).toEqual(['c1']);
      expect(git(origin, 'rev-list', '--count', 'gh-pages')).toBe('1');
      expect(server.authorizations.length).toBeGreaterThan(0);
      expect(new Set(server.authorizations)).toEqual(new Set([`basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`]));
      // Without the token the server refuses, and the error names no secret.
      const err = await createStore({ kind: 'gh-pages', repoDir: checkout, token: 'wrong' })
        .load('main')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).not.toContain('wrong');
    } finally {
      await server.close();
    }
  });
});
