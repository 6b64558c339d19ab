/** A history directory on the local disk (CLI, tests): one file per branch, atomic writes. */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { StoreError } from '../model/errors.js';
import type { RunFile } from '../model/index.js';
import { withLock } from './file-lock.js';
import { historyFileName } from './layout.js';
import { isTooLong, mib, tooLongError } from './limits.js';
import { HistoryText } from './record.js';
import type { Retention } from './retention.js';
import { refuseOnPullRequest } from './guard.js';
import { stderrWarn, type Store, type Warn } from './types.js';

/** A store in `dir` (created on the first save). */
export function directoryStore(dir: string, retention?: Retention, warn: Warn = stderrWarn): Store {
  const root = resolve(dir);
  const fileOf = (branch: string) => join(root, historyFileName(branch));
  const history = new HistoryText((m) => void warn(m));
  return {
    describe: () => `directory ${root}`,
    async load(branch, limit) {
      const file = fileOf(branch);
      const text = await readIfExists(file);
      return text === undefined ? undefined : history.newestRuns(text, file, limit);
    },
    async save(run: RunFile, branch: string) {
      refuseOnPullRequest(`directory ${root}`);
      const file = fileOf(branch);
      await mkdir(root, { recursive: true });
      return withLock(`${file}.lock`, async () => {
        const next = history.appendRun(await readIfExists(file), file, run, branch, retention);
        await writeAtomic(file, next.text);
        return next.doc;
      });
    },
  };
}

/** The file's text, or undefined when it does not exist. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (isTooLong(e)) throw tooLongError(`History file ${file}`, mib((await stat(file)).size), file);
    throw new StoreError(`Cannot read history file ${file}: ${(e as Error).message}`, file);
  }
}

/** The shared atomic write, with a StoreError that names the history file. */
async function writeAtomic(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (e) {
    throw new StoreError(`Cannot write history file ${file}: ${(e as Error).message}`, file);
  }
}
