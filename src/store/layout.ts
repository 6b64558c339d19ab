/**
 * Names derived from a branch: the history file `<dir>/<branch>.json` and the cache key part.
 * The branch is URI-encoded (`feature/x` → `feature%2Fx`) so every branch gets one flat, distinct
 * name; a very long one is cut and suffixed with a hash, to fit file-name and cache-key limits.
 */
import { nodeCrypto } from '../model/node-lazy.js';

const MAX = 180;

/** The branch as one file-name-safe, distinct token (at most ~200 characters). */
export function branchToken(branch: string): string {
  if (!branch) throw new RangeError('branchToken: empty branch name');
  const enc = encodeURIComponent(branch);
  if (enc.length <= MAX) return enc;
  // Cut at a whole escape (never inside `%xx`), then add a hash of the full name.
  const cut = enc.slice(0, MAX).replace(/%[0-9A-F]?$/, '');
  return `${cut}~${nodeCrypto().createHash('sha256').update(branch).digest('hex').slice(0, 16)}`;
}

/** File name (no directory) of the history of `branch`. */
export function historyFileName(branch: string): string {
  return `${branchToken(branch)}.json`;
}
