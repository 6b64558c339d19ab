import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { access, chmod, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { setup } from './pages-origin.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
if (!hasGit) console.warn('SKIP gh-pages temporary repository tests: the `git` CLI is missing (Debian package: git).');

const WRITER = join(import.meta.dirname, 'store-writer.ts');

/** The store's temporary repositories in `tmp` (tsx keeps its cache there too). */
const pagesDirs = async (tmp: string) => (await readdir(tmp)).filter((n) => n.startsWith('track-performance-pages-'));

/**
 * A writer process (its own process group) saving to `checkout`'s origin with `TMPDIR=tmp`,
 * resolved once the push is inside the origin's pre-receive hook, which then sleeps.
 */
async function writerInSlowPush(tmp: string): Promise<{ child: ChildProcess; exited: Promise<NodeJS.Signals | null> }> {
  const { origin, checkout } = await setup();
  const marker = join(origin, 'in-hook');
  const hook = join(origin, 'hooks', 'pre-receive');
  await writeFile(hook, `#!/bin/sh\ntouch '${marker}'\nsleep 60\n`);
  await chmod(hook, 0o755);
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, 'gh-pages', checkout, '1'], {
    env: { ...process.env, TMPDIR: tmp },
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
  for (
    let i = 0;
    i < 600 &&
    !(await access(marker).then(
      () => true,
      () => false,
    ));
    i++
  )
    await new Promise((r) => setTimeout(r, 50));
  expect(await pagesDirs(tmp)).toEqual([expect.stringMatching(new RegExp(`^track-performance-pages-${child.pid}-`))]);
  return { child, exited };
}

/** Ends the writer's git and hook processes, left running by a kill of the writer alone. */
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

describe.skipIf(!hasGit)('gh-pages temporary repositories (needs git)', () => {
  it('sweeps, at the next start, the repository of a save killed with SIGKILL', { timeout: 90_000 }, async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'tp-sweep-'));
    const { child, exited } = await writerInSlowPush(tmp);
    killGroup(child);
    expect(await exited).toBe('SIGKILL');
    expect(await pagesDirs(tmp)).toHaveLength(1); // left behind
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const { checkout } = await setup();
      expect(await createStore({ kind: 'gh-pages', repoDir: checkout }).load('main')).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(await pagesDirs(tmp)).toEqual([]);
  });

  it('removes its repository when stopped by SIGTERM mid-save, and still ends by that signal', { timeout: 90_000 }, async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'tp-sigterm-'));
    const { child, exited } = await writerInSlowPush(tmp);
    try {
      child.kill('SIGTERM');
      expect(await exited).toBe('SIGTERM');
      expect(await pagesDirs(tmp)).toEqual([]);
    } finally {
      killGroup(child);
    }
  });
});
