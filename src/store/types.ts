/** The store interface every backend implements, and the options that pick one. */
import type { RunFile } from '../model/index.js';
import type { Retention } from './retention.js';
import type { HistoryDoc } from './history.js';

export interface Store {
  /** Baseline runs of `branch`, oldest first, at most `limit` (newest ones); undefined when none stored. */
  load(branch: string, limit?: number): Promise<RunFile[] | undefined>;
  /** Record `run` as the newest baseline and history entry of `branch`; returns the history as saved (the trends read it). Never called on a PR. */
  save(run: RunFile, branch: string): Promise<HistoryDoc>;
  /** Human-readable location, for logs ("gh-pages branch gh-pages, dir benchmarks/"). */
  describe(): string;
}

/** Where service failures that must not fail the job are reported (the cache store's way). */
export type Warn = (message: string) => void | Promise<void>;

/** The warning channel of a store used without one (the CLI, a library user): stderr. */
export const stderrWarn: Warn = (m) => void process.stderr.write(`warning: ${m}\n`);

export interface DirectoryOptions {
  dir: string;
  retention?: Retention;
  /** Notes on what a read repaired (default: stderr). */
  warn?: Warn;
}

/** Runs the cache store keeps by default: enough for the history design and a trend's window. */
export const CACHE_KEEP = 20;

export interface CacheOptions {
  /** Key prefix (default `track-performance`). */
  keyPrefix?: string;
  /** Runs the cached history keeps, all with raw samples (default {@link CACHE_KEEP}); not the runs a comparison loads. */
  keep?: number;
  /** Where the short-lived work directories go (default RUNNER_TEMP); entries do not depend on it. */
  dir?: string;
  /** Lists the entries to merge (needs `actions: read`); without it only the newest entry is read. */
  token?: string;
  /** `owner/repo` (default GITHUB_REPOSITORY). */
  repository?: string;
  /** REST API base (default GITHUB_API_URL). */
  apiUrl?: string;
  /** Part of the key naming the cache version's compression (default: detected as the toolkit does). */
  flavour?: string;
  /** Default: `core.warning`. */
  warn?: Warn;
  /** Notes that are not problems (no entry yet). Default: `core.info`. */
  info?: Warn;
}

export interface GhPagesOptions {
  /** The user's checkout, whose `origin` remote is used; it is never modified. */
  repoDir: string;
  /** Default `gh-pages`. */
  branch?: string;
  /** Default `benchmarks`. */
  dataDir?: string;
  token?: string;
  retention?: Retention;
  /** Pushes retried after losing a race (default 100), within `retryBudgetMs`. */
  maxRetries?: number;
  /** Time after which no new push is tried (default 120 000 ms). */
  retryBudgetMs?: number;
  /** Notes on what a read repaired (default: stderr). */
  warn?: Warn;
  /** A site derived from every branch's history (the dashboard), committed with each save. */
  site?: SiteOption;
}

/** Files rebuilt from the histories at each save and written under `dir`, replacing what was there. */
export interface SiteOption {
  /** Folder on the branch the site owns (default `dashboard`); it may not hold or be inside the data folder. */
  dir: string;
  /** Path inside `dir` → text, from every branch's history (the saved one with its new run). */
  build: (histories: HistoryDoc[]) => Promise<Map<string, string>>;
}

export type StoreOptions =
  ({ kind: 'directory' } & DirectoryOptions) | ({ kind: 'cache' } & CacheOptions) | ({ kind: 'gh-pages' } & GhPagesOptions);
