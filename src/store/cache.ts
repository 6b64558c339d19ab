/**
 * History in the GitHub Actions cache. Entries are immutable, so every save goes under a new
 * key `<prefix>-<branch>:<commit>-<time>` and a load restores the newest entry whose key starts
 * with `<prefix>-<branch>:`. Each entry holds the last `history` runs, so the history comes from
 * the cache alone. A failed restore or save is a warning, never a failure (the toolkit's way).
 * Saves run on pushes only; pull requests read, and anything they would keep belongs under
 * another prefix so it can never shadow the baseline.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunFile } from '../types.js';
import { readIfExists } from './directory.js';
import { branchToken } from './layout.js';
import { HistoryText } from './record.js';
import { refuseOnPullRequest } from './guard.js';
import type { CacheOptions, Store } from './types.js';

const FILE = 'history.json';

/** The cache client, loaded on first use: importing it costs seconds that no other store should pay. */
function toolkit(): Promise<typeof import('@actions/cache')> {
  // "eager": ncc (webpack) keeps it inside the one bundle file instead of a separate chunk.
  return import(/* webpackMode: "eager" */ '@actions/cache');
}

/** The key prefix that every entry of `branch` starts with (the branch token has no `:`, so the `:` ends it). */
export function cacheKeyPrefix(prefix: string, branch: string): string {
  return `${prefix}-${branchToken(branch)}:`;
}

/** A unique key for `run` on `branch`. */
export function cacheKey(prefix: string, branch: string, run: RunFile): string {
  const time = Date.parse(run.timestamp);
  return `${cacheKeyPrefix(prefix, branch)}${run.commit ?? 'nocommit'}-${(Number.isNaN(time) ? Date.now() : time).toString(36)}`;
}

/** A store in the Actions cache. */
export function cacheStore(o: CacheOptions = {}): Store {
  const prefix = o.keyPrefix ?? 'track-performance';
  const keep = o.history ?? 20;
  // The cache version hashes the paths: the same directory must be used by every job.
  const dir = o.dir ?? join(process.env.RUNNER_TEMP || tmpdir(), 'track-performance-cache');
  const warn = o.warn ?? (async (m: string) => (await import(/* webpackMode: "eager" */ '@actions/core')).warning(m));
  const file = join(dir, FILE);
  const history = new HistoryText((m) => void warn(m));

  /** Restores the newest entry of `branch` into `dir`; the file's text, or undefined when none. */
  async function restore(branch: string): Promise<{ text: string; key: string } | undefined> {
    await mkdir(dir, { recursive: true });
    await rm(file, { force: true }); // never the directory: it may be the user's

    let key: string | undefined;
    try {
      key = await (await toolkit()).restoreCache([dir], cacheKeyPrefix(prefix, branch));
    } catch (e) {
      await warn(`Restoring the baseline from the Actions cache failed: ${(e as Error).message}`);
      return undefined;
    }
    const text = key === undefined ? undefined : await readIfExists(file);
    return key === undefined || text === undefined ? undefined : { text, key };
  }

  return {
    describe: () => `Actions cache, keys ${prefix}-<branch>:`,
    async load(branch, limit) {
      const got = await restore(branch);
      return got && history.newestRuns(got.text, `${FILE} of cache entry ${got.key}`, limit);
    },
    async save(run, branch) {
      // A PR's entries are visible only to that PR, and a baseline must come from the branch
      // itself. The flows never ask; this is the last guard.
      refuseOnPullRequest('the Actions cache');
      const got = await restore(branch);
      const text = history.appendRun(got?.text, `${FILE} of cache entry ${got?.key}`, run, branch, {
        raw: keep,
        recent: keep,
        dailyDays: 0,
        weeklyWeeks: 0,
      });
      await writeFile(file, text);
      const key = cacheKey(prefix, branch, run);
      try {
        const id = await (await toolkit()).saveCache([dir], key);
        if (id === -1) await warn(`The Actions cache did not save ${key} (the key exists already, or the service refused it).`);
      } catch (e) {
        await warn(`Saving the baseline to the Actions cache failed: ${(e as Error).message}`);
      }
    },
  };
}
