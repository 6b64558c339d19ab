/**
 * Which cache entries a branch has: keys, their runs, and the REST listing that names them all.
 * A restore by prefix returns only the newest entry, so concurrent pushes would each save a
 * history without the others' runs; listing the entries (`GET /repos/{owner}/{repo}/actions/caches`,
 * permission `actions: read`) lets a reader restore each entry whose run it lacks and merge them.
 */
import { nodeChildProcess } from '../model/node-lazy.js';
import type { RunFile } from '../model/index.js';
import { branchToken } from './layout.js';
import { actionsGithub } from '../model/side-bundle.js';

/**
 * The cache's version hashes the archived path and the compression method (zstd when the runner
 * has it, else gzip; Windows apart): entries of another flavour are invisible to this runner, so
 * the flavour is part of the key and the listing asks only for this runner's own.
 */
export function cacheFlavour(): string {
  const zstd = nodeChildProcess().spawnSync('zstd', ['--quiet', '--version'], { encoding: 'utf8' });
  const hasZstd = zstd.error === undefined && `${zstd.stdout ?? ''}${zstd.stderr ?? ''}`.trim() !== '';
  return `${process.platform === 'win32' ? 'win-' : ''}${hasZstd ? 'zstd' : 'gzip'}`;
}

/** The key prefix that every entry of `branch` starts with (the branch token has no `:`, so the `:` ends it). */
export function cacheKeyPrefix(prefix: string, branch: string): string {
  return `${prefix}-${branchToken(branch)}:`;
}

/** The prefix of this runner flavour's entries of `branch`. */
export function entryPrefix(prefix: string, branch: string, flavour: string): string {
  return `${cacheKeyPrefix(prefix, branch)}${flavour}-`;
}

/** A unique key for `run`: `<prefix>-<branch>:<flavour>-<commit>-<time in base 36>`. */
export function cacheKey(prefix: string, branch: string, flavour: string, run: RunFile): string {
  const time = Date.parse(run.timestamp);
  return `${entryPrefix(prefix, branch, flavour)}${run.commit ?? 'nocommit'}-${(Number.isNaN(time) ? Date.now() : time).toString(36)}`;
}

/** The run a key was saved for (commit, time in ms), or undefined for a key of another shape. */
export function runOfKey(key: string, keyPrefix: string): { commit: string | undefined; time: number } | undefined {
  if (!key.startsWith(keyPrefix)) return undefined;
  const m = /^(.+)-([0-9a-z]+)$/.exec(key.slice(keyPrefix.length));
  if (!m) return undefined;
  const time = parseInt(m[2]!, 36);
  return Number.isFinite(time) ? { commit: m[1] === 'nocommit' ? undefined : m[1], time } : undefined;
}

/** Where the REST API is and who asks: from the runner's environment unless given. */
export interface ListingAccess {
  token?: string;
  /** `owner/repo` (default GITHUB_REPOSITORY). */
  repository?: string;
  /** Default GITHUB_API_URL, else https://api.github.com. */
  apiUrl?: string;
}

export type Listing = { keys: string[] } | { error: string };

/**
 * Keys of the entries whose key starts with `keyPrefix`, newest first (at most `max`), or why
 * they could not be listed (no token, no repository, HTTP 403 without `actions: read`, …).
 */
export async function listEntryKeys(keyPrefix: string, max: number, access: ListingAccess): Promise<Listing> {
  const repository = access.repository ?? process.env.GITHUB_REPOSITORY;
  const [owner, repo] = (repository ?? '').split('/');
  if (!access.token) return { error: 'no token was given (input `token`)' };
  if (!owner || !repo) return { error: 'GITHUB_REPOSITORY is not set' };
  const octokit = (await actionsGithub()).getOctokit(access.token, {
    baseUrl: access.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
  });
  try {
    const r = await octokit.rest.actions.getActionsCacheList({
      owner,
      repo,
      key: keyPrefix,
      sort: 'created_at',
      direction: 'desc',
      per_page: Math.min(100, Math.max(1, max)),
    });
    return { keys: r.data.actions_caches.map((c) => c.key).filter((k): k is string => !!k?.startsWith(keyPrefix)) };
  } catch (e) {
    const status = (e as { status?: number }).status;
    return { error: status ? `HTTP ${status}: ${(e as Error).message}` : (e as Error).message };
  }
}
