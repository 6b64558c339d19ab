/**
 * History in the GitHub Actions cache. Entries are immutable and a restore returns one entry, so
 * each save goes under a new key (`cacheKey`) holding the whole history, and a reader merges:
 * it lists the branch's entries through the REST API (`actions: read`), restores the newest, then
 * every listed entry whose own run the merge still lacks, and takes the union. Concurrent pushes
 * thus lose no run: each entry holds at least its own, and the next reader merges them all.
 * Without the listing only the newest entry is read, with a warning saying what that loses.
 * A save whose restores failed is refused: it would store a history shorter than the cache holds.
 */
import { tmpdir } from 'node:os';
// Static and named: a dynamic import would count every export of @actions/core as used, and the
// bundle would then keep its OIDC client and the HTTP client under it (scripts/build.mjs).
import { info as coreInfo, warning as coreWarning } from '@actions/core';
import { StoreError } from '../model/errors.js';
import { listEntryKeys, cacheFlavour, cacheKey, entryPrefix, runOfKey, cacheKeyPrefix } from './cache-entries.js';
import { restoreEntry, restoreLegacy, saveEntry } from './cache-io.js';
import { parseHistory, serializeHistory } from './codec.js';
import { emptyHistory, insertRun, mergeHistory, toRuns, type HistoryDoc } from './history.js';
import { refuseOnPullRequest } from './guard.js';
import { applyRetention } from './retention.js';
import { CACHE_KEEP, type CacheOptions, type Store } from './types.js';

export { cacheKey, cacheKeyPrefix } from './cache-entries.js';

interface Gathered {
  doc: HistoryDoc | undefined;
  /** Entries that exist but could not be read: a save now would drop their runs. */
  failed: string[];
}

/** A store in the Actions cache. */
export function cacheStore(o: CacheOptions = {}): Store {
  const prefix = o.keyPrefix ?? 'track-performance';
  const keep = o.keep ?? CACHE_KEEP;
  const root = o.dir ?? (process.env.RUNNER_TEMP || tmpdir());
  const warn = o.warn ?? (async (m: string) => coreWarning(m));
  const info = o.info ?? (async (m: string) => coreInfo(m));
  const note = (m: string) => void warn(m);
  let flavour: string | undefined;
  let lastKey: string | undefined;
  const flavourOf = () => (flavour ??= o.flavour ?? cacheFlavour());
  const prefixOf = (branch: string) => entryPrefix(prefix, branch, flavourOf());
  const parse = (text: string, key: string) => parseHistory(text, `history.json of cache entry ${key}`, note);

  /** Every listed entry's runs, merged; the newest entry alone when the entries cannot be listed. */
  async function gather(branch: string): Promise<Gathered> {
    const keyPrefix = prefixOf(branch);
    lastKey = `${keyPrefix}…`;
    const listing = await listEntryKeys(keyPrefix, keep, o);
    if ('error' in listing) {
      await warn(
        `Cannot list the Actions cache entries ${keyPrefix}… (${listing.error}): reading only the newest one. Runs that concurrent pushes saved ` +
          'in other entries are missing from this history, and a save now leaves them out of the newest entry. Give the job `permissions: actions: read` ' +
          '(with the `token` input) so that every entry is merged.',
      );
      const got = await restoreEntry(root, keyPrefix, false);
      if (got && 'failed' in got) return { doc: undefined, failed: [`${keyPrefix}… (${got.failed})`] };
      return { doc: got ? parse(got.text, got.key) : await legacy(branch), failed: [] };
    }
    let doc: HistoryDoc | undefined;
    const failed: string[] = [];
    for (const key of listing.keys) {
      const r = runOfKey(key, keyPrefix);
      if (doc && r && doc.entries.some((e) => e.commit === r.commit && Date.parse(e.timestamp) === r.time)) continue;
      const got = await restoreEntry(root, key, true);
      if (!got || 'failed' in got) {
        failed.push(got ? `${key}: ${got.failed}` : key);
        break; // the service is failing: asking for the older entries would only repeat it
      } else doc = doc ? mergeHistory(doc, parse(got.text, key)) : parse(got.text, key);
    }
    return { doc: doc ?? (listing.keys.length ? undefined : await legacy(branch)), failed };
  }

  /** A 0.1.0 entry, read once when no entry of this layout exists; the next save carries it over. */
  async function legacy(branch: string): Promise<HistoryDoc | undefined> {
    const got = await restoreLegacy(cacheKeyPrefix(prefix, branch));
    return got && parse(got.text, got.key);
  }

  return {
    describe: () => `Actions cache, keys ${lastKey ?? `${prefix}-<branch>:…`}`,
    async load(branch, limit) {
      const { doc, failed } = await gather(branch);
      if (failed.length)
        await warn(
          `${failed.length} Actions cache entr${failed.length === 1 ? 'y' : 'ies'} could not be restored, so the baseline lacks their runs: ${failed.join('; ')}.`,
        );
      const n = doc?.entries.length ?? 0;
      const from = limit === undefined ? 0 : Math.max(0, n - Math.max(0, limit));
      if (!doc || from >= n) {
        if (!doc && !failed.length)
          await info(
            `No Actions cache entry ${prefixOf(branch)}… found. Entries are bound to the archived path and compression: ` +
              "runners without zstd, or on another OS, do not see each other's entries; a push to the branch records one.",
          );
        return undefined;
      }
      return toRuns(
        doc,
        Array.from({ length: n - from }, (_, i) => from + i),
      );
    },
    async save(run, branch) {
      // A PR's entries are visible only to that PR, and a baseline must come from the branch
      // itself. The flows never ask; this is the last guard.
      refuseOnPullRequest('the Actions cache');
      const { doc, failed } = await gather(branch);
      if (failed.length)
        throw new StoreError(
          `Not saving to the Actions cache: ${failed.length} existing entr${failed.length === 1 ? 'y' : 'ies'} of ${branch} could not be restored (${failed.join('; ')}), ` +
            'and a new entry without their runs would shorten the history. Nothing was saved; re-run the job when the cache service answers.',
        );
      const next = applyRetention(insertRun(doc ?? emptyHistory(branch), run), { raw: keep, recent: keep, dailyDays: 0, weeklyWeeks: 0 });
      const text = serializeHistory(next);
      const key = cacheKey(prefix, branch, flavourOf(), run);
      lastKey = key;
      try {
        const id = await saveEntry(root, key, text);
        if (id === -1) await warn(`The Actions cache did not save ${key} (the key exists already, or the service refused it).`);
      } catch (e) {
        await warn(`Saving the baseline to the Actions cache failed: ${(e as Error).message}`);
      }
      return next;
    },
  };
}
