import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSetup, setupExcerpt } from '../../../src/flows/ab/setup.js';
import { withWorktree } from '../../../src/flows/ab/worktree.js';
import { hasGit, tempRepo } from '../../helpers/git-repo.js';

describe('runSetup', () => {
  afterEach(() => {
    delete process.env.INPUT_TOKEN;
    delete process.env.ACTIONS_RUNTIME_TOKEN;
  });

  it("runs the PR's setup command without the action's token or runtime credentials", async () => {
    process.env.INPUT_TOKEN = 'ghs_must_not_leak';
    process.env.ACTIONS_RUNTIME_TOKEN = 'runtime_must_not_leak';
    const repo = mkdtempSync(join(tmpdir(), 'tp-setup-'));
    const r = await runSetup('env > seen.txt', repo);
    expect(r).toEqual({ ok: true });
    const seen = readFileSync(join(repo, 'seen.txt'), 'utf8');
    expect(seen).not.toContain('must_not_leak');
    expect(seen).toContain('PATH=');
  });

  it('names the command, how it ended and where, with the end of its stderr', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'tp-setup-'));
    const r = await runSetup('echo "npm ERR! missing script: build" >&2; exit 3', repo);
    expect(r.ok).toBe(false);
    const message = (r as { message: string }).message;
    expect(message).toContain('exited with code 3');
    expect(message).toContain(repo);
    expect(message).toContain('npm ERR! missing script: build');
  });
});

describe('setupExcerpt', () => {
  it('shows the first lines naming an error, skipping bare prefixes, then what was left out and the last line', () => {
    const help = Array.from({ length: 40 }, (_, i) => `npm error   --option-${i}`);
    const text = [
      'npm error code EUSAGE',
      'npm error',
      'npm error The `npm ci` command can only install with an existing package-lock.json',
      ...help,
      'npm error A complete log is in /tmp/x.log',
    ].join('\n');
    const lines = setupExcerpt(text, text).split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'npm error code EUSAGE',
      'npm error The `npm ci` command can only install with an existing package-lock.json',
    ]);
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('… (37 more lines of stderr; the last: npm error A complete log is in /tmp/x.log)');
  });

  it('takes the first lines when none names an error, and all of a short output', () => {
    expect(setupExcerpt('sh: 1: make: not found\n', '')).toBe('sh: 1: make: not found');
    const many = Array.from({ length: 10 }, (_, i) => `step ${i}`).join('\n');
    expect(setupExcerpt(many, many).split('\n').slice(0, 2)).toEqual(['step 0', 'step 1']);
    expect(setupExcerpt('', '')).toBe('(it wrote nothing to stderr)');
  });
});

describe.skipIf(!hasGit)('withWorktree', () => {
  it('checks the ref out beside the checkout, leaves the checkout alone, and removes the tree and its temporary parent', async () => {
    const { repo, git, commit } = tempRepo();
    commit({ 'version.txt': 'base\n' }, 'base');
    commit({ 'version.txt': 'head\n' }, 'head');
    let seenDir = '';
    const content = await withWorktree(repo, 'HEAD~1', async (dir, sha) => {
      seenDir = dir;
      expect(sha).toBe(git('rev-parse', 'HEAD~1'));
      return readFileSync(join(dir, 'version.txt'), 'utf8');
    });
    expect(content).toBe('base\n');
    expect(readFileSync(join(repo, 'version.txt'), 'utf8')).toBe('head\n');
    expect(existsSync(seenDir)).toBe(false);
    expect(existsSync(dirname(seenDir))).toBe(false);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('removes them when the work throws too', async () => {
    const { repo, git, commit } = tempRepo();
    commit({}, 'only');
    let seenDir = '';
    await expect(
      withWorktree(repo, 'HEAD', async (dir) => {
        seenDir = dir;
        throw new Error('suite crashed');
      }),
    ).rejects.toThrow('suite crashed');
    expect(existsSync(dirname(seenDir))).toBe(false);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('names a ref that does not exist', async () => {
    const { repo, commit } = tempRepo();
    commit({}, 'only');
    await expect(withWorktree(repo, 'no-such-branch', async () => 1)).rejects.toThrow(/git .*no-such-branch.*failed in/);
  });
});
