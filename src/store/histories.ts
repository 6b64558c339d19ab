/**
 * Every branch's history in a store, for what is derived from all of them (the dashboard).
 * A history file is `<branch token>.json` (layout.ts); the document names its branch.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { StoreError } from '../model/errors.js';
import { parseHistory } from './codec.js';
import { readIfExists } from './directory.js';
import type { HistoryDoc } from './history.js';

/** Whether a file name in a store's folder is a history file (not a lock, not a temporary file). */
export function isHistoryFileName(name: string): boolean {
  return name.endsWith('.json') && !name.startsWith('.');
}

/** The histories of files given as text; a damaged one throws StoreError naming it. */
export function parseHistories(files: ReadonlyArray<{ path: string; text: string }>, note?: (m: string) => void): HistoryDoc[] {
  return files.map((f) => parseHistory(f.text, f.path, note));
}

/** Every history in the directory store at `dir` (none when it does not exist). */
export async function directoryHistories(dir: string, note?: (m: string) => void): Promise<HistoryDoc[]> {
  const root = resolve(dir);
  let names: string[];
  try {
    names = (await readdir(root)).filter(isHistoryFileName).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new StoreError(`Cannot list the store directory ${root}: ${(e as Error).message}`, root);
  }
  const files: Array<{ path: string; text: string }> = [];
  for (const n of names) {
    const path = join(root, n);
    const text = await readIfExists(path);
    if (text !== undefined) files.push({ path, text });
  }
  return parseHistories(files, note);
}
