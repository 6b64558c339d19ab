/** The two steps every backend shares, on file text: read the newest runs, append one run. */
import type { RunFile } from '../types.js';
import { parseHistory, serializeHistory } from './codec.js';
import { emptyHistory, insertRun, toRuns } from './history.js';
import { applyRetention, type Retention } from './retention.js';

/** The newest `limit` runs (all when absent) of a history file's text, oldest first; undefined when it holds none. */
export function newestRuns(text: string, file: string, limit?: number): RunFile[] | undefined {
  const doc = parseHistory(text, file);
  const n = doc.entries.length;
  const from = limit === undefined ? 0 : Math.max(0, n - Math.max(0, limit));
  if (from >= n) return undefined;
  return toRuns(
    doc,
    Array.from({ length: n - from }, (_, i) => from + i),
  );
}

/**
 * The text of a history file with `run` added: `text` is the current file (undefined when there
 * is none yet). Throws StoreError, before anything is written, when `text` cannot be read.
 */
export function appendRun(text: string | undefined, file: string, run: RunFile, branch: string, retention?: Retention): string {
  const doc = text === undefined ? emptyHistory(branch) : parseHistory(text, file);
  return serializeHistory(applyRetention(insertRun(doc, run), retention));
}
