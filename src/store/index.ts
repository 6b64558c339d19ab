/**
 * Baselines and history: one interface, three backends (Actions cache, a gh-pages branch, a local
 * directory), all keeping the same versioned history layout with the same retention.
 */
import { cacheStore } from './cache.js';
import { directoryStore } from './directory.js';
import { ghPagesStore } from './gh-pages.js';
import type { Store, StoreOptions } from './types.js';

export type { CacheOptions, DirectoryOptions, GhPagesOptions, SiteOption, Store, StoreOptions, Warn } from './types.js';
export type { Retention } from './retention.js';
export { DEFAULT_RETENTION, applyRetention, keptIndexes, maxEntries } from './retention.js';
export { HISTORY_SCHEMA_VERSION, type HistoryDoc } from './history.js';
export { parseHistory, serializeHistory } from './codec.js';
export { historyFileName } from './layout.js';
export { isPullRequestEvent } from './guard.js';
export { CACHE_KEEP } from './types.js';
export { HistoryText } from './record.js';

/** The store `options` describe. Nothing is read or written until `load` or `save`. */
export function createStore(options: StoreOptions): Store {
  switch (options.kind) {
    case 'directory':
      return directoryStore(options.dir, options.retention, options.warn);
    case 'cache':
      return cacheStore(options);
    case 'gh-pages':
      return ghPagesStore(options);
  }
}
export { directoryHistories, isHistoryFileName, parseHistories } from './histories.js';
export { emptyHistory, insertRun } from './history.js';
