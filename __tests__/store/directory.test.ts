import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/model/errors.js';
import { createStore } from '../../src/store/index.js';
import { at, bench, HOSTILE, makeRun } from './make-run.js';
import { runWriter } from './run-writer.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'tp-dir-store-'));

describe('directory store', () => {
  it('has no baseline before the first save (a normal state, not an error)', async () => {
    const store = createStore({ kind: 'directory', dir: join(await tempDir(), 'not-yet') });
    expect(await store.load('main')).toBeUndefined();
  });

  it('saves runs per branch and loads the newest ones, oldest first', async () => {
    const dir = await tempDir();
    const store = createStore({ kind: 'directory', dir });
    for (let i = 0; i < 5; i++) await store.save(makeRun(`c${i}`, at(i)), 'main');
    await store.save(makeRun('f1', at(9)), 'feature/x');
    expect((await store.load('main'))!.map((r) => r.commit)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect((await store.load('main', 2))!.map((r) => r.commit)).toEqual(['c3', 'c4']);
    expect((await store.load('feature/x'))!.map((r) => r.commit)).toEqual(['f1']);
    expect((await store.load('main'))![0]!.benchmarks.some((b) => b.name === HOSTILE)).toBe(true);
    // Only the history files remain: no temporary or lock files.
    expect((await readdir(dir)).sort()).toEqual(['feature%2Fx.json', 'main.json']);
    expect(store.describe()).toBe(`directory ${dir}`);
  });

  it('applies the configured retention on save', async () => {
    const dir = await tempDir();
    const store = createStore({ kind: 'directory', dir, retention: { raw: 1, recent: 3, dailyDays: 0, weeklyWeeks: 0 } });
    for (let i = 0; i < 6; i++) await store.save(makeRun(`c${i}`, at(i), [bench('a', i + 1)]), 'main');
    const runs = (await store.load('main'))!;
    expect(runs.map((r) => r.commit)).toEqual(['c3', 'c4', 'c5']);
    expect(runs.map((r) => r.benchmarks[0]!.samples !== undefined)).toEqual([false, false, true]);
    expect(runs[0]!.benchmarks[0]!.stats.median).toBe(4);
  });

  it('stops on a corrupt file with an error naming it, and leaves it byte-for-byte unchanged', async () => {
    const dir = await tempDir();
    const store = createStore({ kind: 'directory', dir });
    await store.save(makeRun('c0', at(0)), 'main');
    const file = join(dir, 'main.json');
    const truncated = (await readFile(file)).subarray(0, 100);
    await writeFile(file, truncated);
    const err = await store.save(makeRun('c1', at(1)), 'main').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toContain(file);
    await expect(store.load('main')).rejects.toThrow(/not valid JSON/);
    expect(Buffer.compare(await readFile(file), truncated)).toBe(0);
    expect(await readdir(dir)).toEqual(['main.json']);
  });

  it('re-reads a file another store changed between its load and its save', async () => {
    const dir = await tempDir();
    const a = createStore({ kind: 'directory', dir });
    await a.save(makeRun('c1', at(0)), 'main');
    await a.load('main');
    await createStore({ kind: 'directory', dir }).save(makeRun('c2', at(1)), 'main');
    await a.save(makeRun('c3', at(2)), 'main');
    expect((await createStore({ kind: 'directory', dir }).load('main'))!.map((r) => r.commit)).toEqual(['c1', 'c2', 'c3']);
  });

  it('never saves from a PR-triggered event, and creates nothing', async () => {
    const dir = join(await tempDir(), 'store');
    process.env.GITHUB_EVENT_NAME = 'pull_request';
    try {
      await expect(createStore({ kind: 'directory', dir }).save(makeRun('c1', at(0)), 'refs/pull/1/merge')).rejects.toThrow(
        /Not saving a baseline to directory .*pull_request event.*never writes the baseline/,
      );
    } finally {
      delete process.env.GITHUB_EVENT_NAME;
    }
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
  });

  it('loses no run when 10 processes save at once', async () => {
    const dir = await tempDir();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => runWriter(['directory', dir, String(i)])));
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const runs = (await createStore({ kind: 'directory', dir }).load('main'))!;
    expect(runs.map((r) => r.commit).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `writer-${i}`).sort());
  });

  it('loses no finished save and stays readable when writers are killed with SIGKILL mid-save', { timeout: 240_000 }, async () => {
    const dir = await tempDir();
    const finished: string[] = [];
    // Rounds of 4 writers at once, 3 of them killed at spread moments (start-up, load, lock, write).
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(
        [0, 1, 2, 3].map((k) => {
          const i = round * 4 + k;
          return runWriter(['directory', dir, String(i)], k === 0 ? {} : { killAfterMs: 150 * k + 90 * round }).then((r) => ({ i, ...r }));
        }),
      );
      for (const r of results) if (r.code === 0) finished.push(`writer-${r.i}`);
      expect(results[0]!.code, results[0]!.stderr).toBe(0); // the survivor is not blocked by a dead holder's lock
      const runs = (await createStore({ kind: 'directory', dir }).load('main'))!;
      // Everything that finished is there; a killed writer left either its whole run or nothing.
      expect(runs.map((r) => r.commit)).toEqual(expect.arrayContaining(finished));
    }
    // A dead holder's lock does not block the next save for long: it is reclaimed.
    const last = await runWriter(['directory', dir, '99']);
    expect(last.code, last.stderr).toBe(0);
    expect((await createStore({ kind: 'directory', dir }).load('main'))!.map((r) => r.commit)).toEqual(
      expect.arrayContaining([...finished, 'writer-99']),
    );
  });
});
