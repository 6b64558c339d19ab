/** A lock file between processes sharing a directory store, so concurrent saves never lose a run. */
import { open, rm, stat } from 'node:fs/promises';
import { StoreError } from '../model/errors.js';

/** A lock older than this is taken to be left by a crashed process. */
const STALE_MS = 30_000;
const WAIT_MS = 60_000;

/** Runs `fn` while holding `lockFile` (created exclusively, removed afterwards). */
export async function withLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (await isStale(lockFile)) await rm(lockFile, { force: true });
      else if (Date.now() > deadline)
        throw new StoreError(`Lock file ${lockFile} is held by another process; remove it if no save is running.`, lockFile);
      else await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockFile, { force: true });
  }
}

async function isStale(lockFile: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(lockFile)).mtimeMs > STALE_MS;
  } catch {
    return false; // vanished meanwhile: retry at once
  }
}
