/**
 * The Actions cache client, used from a fresh work directory. The cache's version hashes the
 * paths given to it, so they are relative (`track-performance-history`, the same string on every
 * runner whatever its RUNNER_TEMP) and resolved from the work directory, which the client takes
 * from GITHUB_WORKSPACE or the current directory: both point at it for the length of the call.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readIfExists } from './directory.js';
import { actionsCache as toolkit } from '../model/side-bundle.js';

const DIR = 'track-performance-history';
const FILE = 'history.json';

export type Restored = { text: string; key: string } | { failed: string } | undefined;

/** The working directory is the process's: calls take turns. */
let turn: Promise<unknown> = Promise.resolve();

/** Runs `fn` with the client's working directory set to a fresh directory under `root`, removed afterwards. */
function inWorkDir<T>(root: string, fn: (work: string) => Promise<T>): Promise<T> {
  const mine = turn.then(() => inWorkDirNow(root, fn));
  turn = mine.catch(() => undefined);
  return mine;
}

async function inWorkDirNow<T>(root: string, fn: (work: string) => Promise<T>): Promise<T> {
  await mkdir(root, { recursive: true });
  const work = await mkdtemp(join(root, 'track-performance-cache-'));
  const cwd = process.cwd();
  const workspace = process.env.GITHUB_WORKSPACE;
  process.chdir(work);
  process.env.GITHUB_WORKSPACE = work;
  try {
    return await fn(work);
  } finally {
    process.chdir(cwd);
    if (workspace === undefined) delete process.env.GITHUB_WORKSPACE;
    else process.env.GITHUB_WORKSPACE = workspace;
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Restores the entry `key` names (exactly when `exact`, else the newest whose key starts with it).
 * Undefined when there is none; `failed` when the client threw or an exact entry came back
 * without its file. (The client turns service failures into a warning and "no entry".)
 */
export function restoreEntry(root: string, key: string, exact: boolean): Promise<Restored> {
  return inWorkDir(root, async (work) => {
    let matched: string | undefined;
    try {
      matched = await (await toolkit()).restoreCache([DIR], key);
    } catch (e) {
      return { failed: (e as Error).message };
    }
    if (matched === undefined || (exact && matched !== key))
      return exact ? { failed: 'listed, but the restore failed (see the warning above)' } : undefined;
    const text = await readIfExists(join(work, DIR, FILE));
    return text === undefined ? { failed: `entry ${matched} holds no ${FILE}` } : { text, key: matched };
  });
}

/** The history 0.1.0 saved under the absolute path `<RUNNER_TEMP>/track-performance-cache` (another cache version). */
export async function restoreLegacy(keyPrefix: string): Promise<{ text: string; key: string } | undefined> {
  const dir = join(process.env.RUNNER_TEMP || tmpdir(), 'track-performance-cache');
  await mkdir(dir, { recursive: true });
  await rm(join(dir, 'history.json'), { force: true });
  try {
    const key = await (await toolkit()).restoreCache([dir], keyPrefix);
    const text = key === undefined ? undefined : await readIfExists(join(dir, 'history.json'));
    return key === undefined || text === undefined ? undefined : { text, key };
  } catch {
    return undefined;
  } finally {
    await rm(join(dir, 'history.json'), { force: true });
  }
}

/** Saves `text` as the history file of a new entry `key`; the client's entry id (-1 when it refused). */
export function saveEntry(root: string, key: string, text: string): Promise<number> {
  return inWorkDir(root, async (work) => {
    await mkdir(join(work, DIR));
    await writeFile(join(work, DIR, FILE), text);
    return (await toolkit()).saveCache([DIR], key);
  });
}
