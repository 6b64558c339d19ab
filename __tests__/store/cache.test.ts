import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKeyPrefix } from '../../src/store/cache.js';
import { createStore } from '../../src/store/index.js';
import { at, bench, makeRun } from './make-run.js';

const hasTar = spawnSync('tar', ['--version']).status === 0;
if (!hasTar) console.warn('SKIP Actions cache store tests: `tar` is missing (Debian package: tar).');

const FAKE = join(import.meta.dirname, '..', 'helpers', 'fake-cache-server.ts');
const VARS = ['ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'RUNNER_TEMP', 'GITHUB_SERVER_URL', 'GITHUB_EVENT_NAME'];

describe.skipIf(!hasTar)('Actions cache store, real @actions/cache client against the fake service (needs tar)', () => {
  let fake: ChildProcess;
  let url: string;
  const saved = Object.fromEntries(VARS.map((v) => [v, process.env[v]]));

  beforeAll(async () => {
    // The fake runs as its own process, as it will beside a built action blocked in spawnSync.
    fake = spawn(process.execPath, ['--import', 'tsx', FAKE], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = await createInterface({ input: fake.stdout! })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
    url = line!;
    delete process.env.GITHUB_SERVER_URL;
    delete process.env.GITHUB_EVENT_NAME;
    Object.assign(process.env, {
      ACTIONS_CACHE_SERVICE_V2: '1',
      ACTIONS_RESULTS_URL: url,
      ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token',
      RUNNER_TEMP: await mkdtemp(join(tmpdir(), 'tp-runner-temp-')),
    });
  });

  afterAll(() => {
    fake.kill();
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  });

  const entries = async () => ((await (await fetch(`${url}_fake/entries`)).json()) as Array<{ key: string }>).map((e) => e.key);

  /** A cache store with its own key prefix (tests share the fake) that collects its warnings. */
  function store(keyPrefix: string, history?: number) {
    const warnings: string[] = [];
    const s = createStore({ kind: 'cache', keyPrefix, history, warn: (m) => void warnings.push(m) });
    return { s, warnings };
  }

  it('finds no baseline before the first save', async () => {
    const { s, warnings } = store('empty');
    expect(await s.load('main')).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('saves under a unique key per commit and restores the newest entry by prefix, with the history in it', async () => {
    const { s, warnings } = store('tp');
    await s.save(makeRun('c1', at(0)), 'main');
    await s.save(makeRun('c2', at(1)), 'main');
    const keys = (await entries()).filter((k) => k.startsWith('tp-'));
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => k.startsWith(cacheKeyPrefix('tp', 'main')))).toBe(true);
    expect(keys[1]).toContain(':c2-');
    // Only the newest entry holds both runs.
    expect((await s.load('main'))!.map((r) => r.commit)).toEqual(['c1', 'c2']);
    expect((await s.load('main', 1))!.map((r) => r.commit)).toEqual(['c2']);
    expect(warnings).toEqual([]);
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
    const before = await entries();
    await s.save(run, 'main');
    expect(await entries()).toEqual(before);
    expect(warnings).toEqual([expect.stringMatching(/did not save dup-main:c1-/)]);
    expect((await s.load('main'))!.map((r) => r.commit)).toEqual(['c1']);
  });

  it('keeps the last K runs with their samples', async () => {
    const { s } = store('bounded', 3);
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
        await expect(s.save(makeRun('c1', at(0)), 'main')).rejects.toThrow(`Not saving a baseline to the Actions cache: this run was triggered by a ${event} event`);
      } finally {
        delete process.env.GITHUB_EVENT_NAME;
      }
    }
    expect((await entries()).filter((k) => k.startsWith('pr-guard'))).toEqual([]);
  });

  it('turns an unreachable service into warnings: no baseline, no failure', async () => {
    const { s, warnings } = store('down');
    process.env.ACTIONS_RESULTS_URL = 'http://127.0.0.1:9/';
    try {
      expect(await s.load('main')).toBeUndefined();
      await s.save(makeRun('c1', at(0)), 'main');
    } finally {
      process.env.ACTIONS_RESULTS_URL = url;
    }
    // The client itself logs why (core.warning); the store adds that the run was not saved.
    expect(warnings).toEqual([expect.stringMatching(/did not save down-main:c1-/)]);
  });
});
