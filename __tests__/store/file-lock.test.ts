import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/model/errors.js';
import { withLock } from '../../src/store/file-lock.js';
import { createStore } from '../../src/store/index.js';
import { at, makeRun } from './make-run.js';

const HOLDER = join(import.meta.dirname, 'lock-holder.ts');

/** A child process holding `lockFile`, resolved once it says it holds it. */
function holdLock(lockFile: string): Promise<ReturnType<typeof spawn>> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, lockFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && resolve(child));
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

describe('store lock', () => {
  it('names its holder: pid, host and start time', async () => {
    const lockFile = join(await mkdtemp(join(tmpdir(), 'tp-lock-')), 'x.lock');
    const text = await withLock(lockFile, () => readFile(lockFile, 'utf8'));
    const holder = JSON.parse(text) as { pid: number; host: string; started: string };
    expect(holder.pid).toBe(process.pid);
    expect(holder.host).toBe(hostname());
    expect(Math.abs(Date.now() - Date.parse(holder.started))).toBeLessThan(60_000);
  });

  it('takes at once the lock of a holder killed while saving (SIGKILL), not after the stale age', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tp-lock-'));
    const lockFile = join(dir, 'main.json.lock');
    const child = await holdLock(lockFile);
    const held = JSON.parse(await readFile(lockFile, 'utf8')) as { pid: number };
    expect(held.pid).toBe(child.pid);
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect(await readdir(dir)).toEqual(['main.json.lock']); // left behind by the killed holder
    const started = Date.now();
    await createStore({ kind: 'directory', dir }).save(makeRun('c1', at(0)), 'main'); // stale age 30 s
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await createStore({ kind: 'directory', dir }).load('main'))!.map((r) => r.commit)).toEqual(['c1']);
    expect(await readdir(dir)).toEqual(['main.json']);
  });

  it('waits for a live holder, and for a lock from another host until it is stale', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tp-lock-'));
    const lockFile = join(dir, 'x.lock');
    const child = await holdLock(lockFile);
    try {
      const err = await withLock(lockFile, async () => 1, { staleMs: 60_000, waitMs: 300 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as Error).message).toContain(`"pid":${child.pid}`);
    } finally {
      child.kill('SIGKILL');
    }
    const remote = JSON.stringify({ pid: 999_999_999, host: `not-${hostname()}`, started: new Date().toISOString() });
    await writeFile(lockFile, remote);
    await expect(withLock(lockFile, async () => 1, { staleMs: 60_000, waitMs: 300 })).rejects.toThrow(/is held by another process/);
    expect(await readFile(lockFile, 'utf8')).toBe(remote);
    expect(await withLock(lockFile, async () => 2, { staleMs: 0, waitMs: 300 })).toBe(2);
  });
});
