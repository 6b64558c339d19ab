import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchError } from '../../model/errors.js';
import { gitIn } from '../../store/git.js';

/** Runs git in `cwd` (the store's one git runner) and returns trimmed stdout; a BenchError on failure. */
async function git(cwd: string, args: string[]): Promise<string> {
  const r = await gitIn(cwd)
    .run(args)
    .catch((e: Error) => {
      throw new BenchError(`git ${args.join(' ')} failed in ${cwd}: ${e.message}`);
    });
  if (r.code !== 0) throw new BenchError(`git ${args.join(' ')} failed in ${cwd}: ${r.stderr.trim() || `exit code ${r.code}`}`);
  return r.stdout.trim();
}

/**
 * Checks `ref` out into a new detached worktree beside the user's checkout (which stays
 * untouched), runs `fn` with its path, and always removes it, also when `fn` throws.
 */
export async function withWorktree<T>(repoDir: string, ref: string, fn: (dir: string, sha: string) => Promise<T>): Promise<T> {
  const sha = await git(repoDir, ['rev-parse', '--verify', `${ref}^{commit}`]).catch(async () => {
    // A shallow clone (actions/checkout's default) may not have the base commit yet.
    await git(repoDir, ['fetch', '--no-tags', '--depth=1', 'origin', ref]);
    return git(repoDir, ['rev-parse', '--verify', 'FETCH_HEAD^{commit}']);
  });
  const parent = await mkdtemp(join(tmpdir(), 'track-performance-base-'));
  const dir = join(parent, 'tree');
  await git(repoDir, ['worktree', 'add', '--detach', dir, sha]);
  try {
    return await fn(dir, sha);
  } finally {
    await git(repoDir, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
    await rm(parent, { recursive: true, force: true });
    await git(repoDir, ['worktree', 'prune']).catch(() => undefined);
  }
}
