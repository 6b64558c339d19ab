import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';

export const hasGit = (() => {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

/**
 * A fresh git repository on branch main with a committer set, a git runner bound to it, and
 * `commit`, which writes the given files (path → content, folders made as needed) and commits everything.
 */
export function tempRepo(): {
  repo: string;
  git: (...args: string[]) => string;
  commit: (files: Record<string, string>, message: string) => void;
} {
  const repo = mkdtempSync(join(tmpdir(), 'tp-ab-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 't@example.com');
  git('config', 'user.name', 'test');
  const commit = (files: Record<string, string>, message: string) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
  };
  return { repo, git, commit };
}

/** A writable stream that keeps what is written, for runCli's stdout and stderr. */
export function sink(): Writable & { text: () => string } {
  let buf = '';
  const w = new Writable({ write: (c, _e, cb) => ((buf += c.toString()), cb()) }) as Writable & { text: () => string };
  w.text = () => buf;
  return w;
}
