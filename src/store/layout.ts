/**
 * Where a branch's history lives inside a store: `<dir>/<branch>.json`, the branch name
 * URI-encoded (`feature/x` → `feature%2Fx.json`) so every branch gets one flat, distinct file.
 */

/** File name (no directory) of the history of `branch`. */
export function historyFileName(branch: string): string {
  if (!branch) throw new RangeError('historyFileName: empty branch name');
  return `${encodeURIComponent(branch)}.json`;
}
