/**
 * A lock file between processes sharing a directory store, so concurrent saves never lose a run.
 * The file names its holder (pid, host, start time): a holder on this host that has died is
 * replaced at once; a lock from another host (a shared disk) is taken only once it is stale.
 */
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { StoreError } from '../model/errors.js';
import { holderIsDead, parseHolder, thisHolder } from './holder.js';

export interface LockTimes {
  /** A lock older than this, of a holder we cannot check, is taken to be left by a crash (default 30 s). */
  staleMs?: number;
  /** Give up waiting after this long (default 60 s). */
  waitMs?: number;
}

/** Runs `fn` while holding `lockFile` (created exclusively, removed afterwards). */
export async function withLock<T>(lockFile: string, fn: () => Promise<T>, times: LockTimes = {}): Promise<T> {
  const { staleMs = 30_000, waitMs = 60_000 } = times;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${JSON.stringify(thisHolder())}\n`);
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const seen = await readLock(lockFile);
      if (seen === undefined) continue; // vanished meanwhile: retry at once
      if (holderIsDead(parseHolder(seen.text)) || Date.now() - seen.mtimeMs > staleMs) await reclaim(lockFile, seen.text);
      else if (Date.now() > deadline)
        throw new StoreError(
          `Lock file ${lockFile} is held by another process (${seen.text.trim() || 'no holder named'}); remove it if no save is running.`,
          lockFile,
        );
      else await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockFile, { force: true });
  }
}

async function readLock(lockFile: string): Promise<{ text: string; mtimeMs: number } | undefined> {
  try {
    const [text, s] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    return { text, mtimeMs: s.mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Removes the abandoned lock whose text was `deadText`. Moved aside first (atomic) and checked, so
 * that of two processes reclaiming at once, neither deletes a lock the other has just taken.
 */
async function reclaim(lockFile: string, deadText: string): Promise<void> {
  const aside = `${lockFile}.${process.pid}.${Math.random().toString(36).slice(2)}.stale`;
  try {
    await rename(lockFile, aside);
  } catch {
    return; // someone else moved it: retry
  }
  if ((await readFile(aside, 'utf8').catch(() => deadText)) !== deadText) await link(aside, lockFile).catch(() => undefined); // a live lock: put it back
  await rm(aside, { force: true });
}
