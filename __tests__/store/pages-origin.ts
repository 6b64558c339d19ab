/** A bare `origin` with a user checkout, for the gh-pages store tests. */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
  }).trim();
}

/** A bare `origin` and a user checkout of it with one commit on main. */
export async function setup(): Promise<{ origin: string; checkout: string }> {
  const root = await mkdtemp(join(tmpdir(), 'tp-pages-'));
  const origin = join(root, 'origin.git');
  const checkout = join(root, 'work');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  git(root, 'clone', '--quiet', origin, checkout);
  git(checkout, 'commit', '--quiet', '--allow-empty', '-m', 'initial');
  git(checkout, 'push', '--quiet', 'origin', 'HEAD:main');
  return { origin, checkout };
}
