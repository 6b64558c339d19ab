import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/model/errors.js';
import { cacheKey, cacheKeyPrefix } from '../../src/store/cache.js';
import { saveEntry } from '../../src/store/cache-io.js';
import { emptyHistory, insertRun } from '../../src/store/history.js';
import { createStore, serializeHistory } from '../../src/store/index.js';
import { startFakeCacheServer, type FakeCacheServer } from '../helpers/fake-cache-server.js';
import { startGitHubServer, TOKENS, type GitHubServer } from '../helpers/github-server.js';
import { at, bench, makeRun } from './make-run.js';

const hasTar = spawnSync('tar', ['--version']).status === 0;
if (!hasTar) console.warn('SKIP Actions cache store tests: `tar` is missing (Debian package: tar).');

const VARS = [
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'RUNNER_TEMP',
  'GITHUB_SERVER_URL',
  'GITHUB_EVENT_NAME',
];

describe.skipIf(!hasTar)('Actions cache store, real @actions/cache client against the fake service and REST API (needs tar)', () => {
  let fake: FakeCacheServer;
  let gh: GitHubServer;
  const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));

  beforeAll(async () => {
    fake = await startFakeCacheServer();
    gh = await startGitHubServer({ caches: () => fake.listed() });
    delete process.env.GITHUB_SERVER_URL;
    delete process.env.GITHUB_EVENT_NAME;
    Object.assign(process.env, fake.env, { RUNNER_TEMP: await mkdtemp(join(tmpdir(), 'tp-runner-temp-')) });
  });
  afterEach(() => fake.fault(undefined));
  afterAll(async () => {
    await fake.close();
    await gh.close();
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });

  const keys = (prefix: string) =>
    fake
      .entries()
      .map((e) => e.key)
      .filter((k) => k.startsWith(`${prefix}-`));

  /** A cache store with its own key prefix (tests share the fake) that collects its warnings. */
  function store(keyPrefix: string, opts: { keep?: number; token?: string } = {}) {
    const warnings: string[] = [];
    const s = createStore({
      kind: 'cache',
      keyPrefix,
      keep: opts.keep,
      token: opts.token ?? TOKENS.actions,
      repository: 'octo-org/octo-repo',
      apiUrl: gh.url,
      flavour: 'zstd',
      warn: (m) => void warnings.push(m),
      info: () => undefined,
    });
    return { s, warnings };
  }

  /** An entry as a push that raced with others saved it: a history holding only `runs`. */
  const racedEntry = (prefix: string, ...runs: ReturnType<typeof makeRun>[]) =>
    saveEntry(
      process.env.RUNNER_TEMP!,
      cacheKey(prefix, 'main', 'zstd', runs.at(-1)!),
      serializeHistory(runs.reduce((d, r) => insertRun(d, r), emptyHistory('main'))),
    );

  it('finds no baseline before the first save', async () => {
    const { s, warnings } = store('empty');
    expect(await s.load('main')).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('saves under a unique key per run and restores the history, naming the real keys', async () => {
    const { s, warnings } = store('tp');
    await s.save(makeRun('c1', at(0)), 'main');
    expect(s.describe()).toBe(`Actions cache, keys ${cacheKey('tp', 'main', 'zstd', makeRun('c1', at(0)))}`);
    await s.save(makeRun('c2', at(1)), 'main');
    expect(keys('tp')).toHaveLength(2);
    expect(keys('tp').every((k) => k.startsWith(`${cacheKeyPrefix('tp', 'main')}zstd-`))).toBe(true);
    expect((await s.load('main'))!.map((r) => r.commit)).toEqual(['c1', 'c2']);
    expect((await s.load('main', 1))!.map((r) => r.commit)).toEqual(['c2']);
    expect(s.describe()).toBe('Actions cache, keys tp-main:zstd-…');
    expect(warnings).toEqual([]);
    expect(gh.invalid).toEqual([]);
  });

  it('merges the entries of pushes that raced: every run is read, and the next save keeps them all', async () => {
    const { s, warnings } = store('race');
    await s.save(makeRun('c1', at(0)), 'main');
    // c2 and c3 both restored {c1}, then saved: the newest entry lacks c2.
    await racedEntry('race', makeRun('c1', at(0)), makeRun('c2', at(1)));
    await racedEntry('race', makeRun('c1', at(0)), makeRun('c3', at(2)));
    expect((await s.load('main'))!.map((r) => r.commit)).toEqual(['c1', 'c2', 'c3']);
    await s.save(makeRun('c4', at(3)), 'main');
    // Without the listing, only the newest entry is read: it now holds all four.
    const { s: plain, warnings: plainWarnings } = store('race', { token: TOKENS.noActionsRead });
    expect((await plain.load('main'))!.map((r) => r.commit)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(warnings).toEqual([]);
    expect(plainWarnings).toEqual([
      expect.stringMatching(
        /Cannot list the Actions cache entries race-main:zstd-… \(HTTP 403.*reading only the newest one.*permissions: actions: read/,
      ),
    ]);
  });

  it('without actions: read, reads the newest entry only, and says what that loses', async () => {
    await racedEntry('noread', makeRun('c1', at(0)), makeRun('c2', at(1)));
    await racedEntry('noread', makeRun('c1', at(0)), makeRun('c3', at(2)));
    for (const token of [TOKENS.noActionsRead, '']) {
      const { s, warnings } = store('noread', { token });
      expect((await s.load('main'))!.map((r) => r.commit)).toEqual(['c1', 'c3']);
      expect(warnings).toEqual([expect.stringMatching(token ? /HTTP 403/ : /no token was given/)]);
    }
  });

  it('keeps branches and prefixes apart (a later `main-2` or PR entry never shadows `main`)', async () => {
    const { s } = store('iso');
    await s.save(makeRun('m1', at(0)), 'main');
    await s.save(makeRun('x1', at(1)), 'main-2');
    await store('iso-pr').s.save(makeRun('pr1', at(2)), 'main');
    expect((await s.load('main'))!.map((r) => r.commit)).toEqual(['m1']);
    expect((await s.load('main-2'))!.map((r) => r.commit)).toEqual(['x1']);
  });

  it('warns, without failing, on a second save of an existing key', async () => {
    const { s, warnings } = store('dup');
    const run = makeRun('c1', at(0));
    await s.save(run, 'main');
    await s.save(run, 'main');
    expect(keys('dup')).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/did not save dup-main:zstd-c1-/)]);
    expect((await s.load('main'))!.map((r) => r.commit)).toEqual(['c1']);
  });

  it('keeps the last K runs with their samples', async () => {
    const { s } = store('bounded', { keep: 3 });
    for (let i = 0; i < 5; i++) await s.save(makeRun(`c${i}`, at(i), [bench('a', i + 1)]), 'main');
    const runs = (await s.load('main'))!;
    expect(runs.map((r) => r.commit)).toEqual(['c2', 'c3', 'c4']);
    expect(runs.every((r) => r.benchmarks[0]!.samples?.length === 3)).toBe(true);
  });

  it('never saves from a PR-triggered event, saying why', async () => {
    const { s } = store('pr-guard');
    for (const event of ['pull_request', 'pull_request_target', 'merge_group']) {
      process.env.GITHUB_EVENT_NAME = event;
      try {
        await expect(s.save(makeRun('c1', at(0)), 'main')).rejects.toThrow(
          `Not saving a baseline to the Actions cache: this run was triggered by a ${event} event`,
        );
      } finally {
        delete process.env.GITHUB_EVENT_NAME;
      }
    }
    expect(keys('pr-guard')).toEqual([]);
  });

  for (const fault of ['lookup-error', 'download-500', 'garbage-archive'] as const)
    it(`refuses to save a shorter history when a restore fails (${fault}), and saves nothing`, async () => {
      const prefix = `fault-${fault}`;
      const { s, warnings } = store(prefix);
      for (let i = 0; i < 3; i++) await s.save(makeRun(`c${i}`, at(i)), 'main');
      const before = keys(prefix);
      fake.fault(fault);
      const err = await s.save(makeRun('c9', at(9)), 'main').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toMatch(
        /Not saving to the Actions cache: 1 existing entry of main could not be restored .*would shorten the history/,
      );
      expect(keys(prefix)).toEqual(before);
      // A PR's load in the same state warns and finds no baseline rather than a wrong one.
      expect(await s.load('main')).toBeUndefined();
      expect(warnings.at(-1)).toMatch(/1 Actions cache entry could not be restored, so the baseline lacks their runs/);
      fake.fault(undefined);
      expect((await s.load('main'))!.map((r) => r.commit)).toEqual(['c0', 'c1', 'c2']);
    });

  it('turns an unreachable service into warnings on save: no baseline, no failure', async () => {
    const { s, warnings } = store('down');
    process.env.ACTIONS_RESULTS_URL = 'http://127.0.0.1:9/';
    try {
      expect(await s.load('main')).toBeUndefined();
      await s.save(makeRun('c1', at(0)), 'main');
    } finally {
      process.env.ACTIONS_RESULTS_URL = fake.url;
    }
    // The client itself logs why (core.warning); the store adds that the run was not saved.
    expect(warnings).toEqual([expect.stringMatching(/did not save down-main:zstd-c1-/)]);
  });
});
