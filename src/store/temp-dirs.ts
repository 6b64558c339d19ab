/**
 * The gh-pages store's temporary repositories: named for their process, removed on exit and on
 * SIGINT/SIGTERM, and those of processes that died anyway (SIGKILL, a crash) swept at the next start.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidIsDead } from './holder.js';

const PREFIX = 'track-performance-pages-';
/** `track-performance-pages-<pid>-XXXXXX`. */
const NAME = new RegExp(`^${PREFIX}(\\d+)-`);
const live = new Set<string>();
let hooked = false;
let swept: Promise<void> | undefined;

/** A new temporary directory, removed by `removeTempDir` or, at the latest, when the process ends. */
export async function makeTempDir(): Promise<string> {
  swept ??= sweepStale();
  await swept;
  hookExit();
  const dir = await mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`));
  live.add(dir);
  return dir;
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  live.delete(dir);
}

/** Removes the directories of processes that no longer run on this host (the temp dir is this host's). */
async function sweepStale(): Promise<void> {
  const root = tmpdir();
  const names = await readdir(root).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => {
        const pid = NAME.exec(n)?.[1];
        return pid !== undefined && Number(pid) !== process.pid && pidIsDead(Number(pid));
      })
      .map((n) => rm(join(root, n), { recursive: true, force: true }).catch(() => undefined)),
  );
}

function removeLive(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

/** On exit, and on SIGINT/SIGTERM (then the signal's default action: the process ends by it). */
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', removeLive);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = () => {
      removeLive();
      process.removeListener(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
