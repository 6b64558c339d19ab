/**
 * Reading what a user names as a baseline: a history file (what every store writes), a run file
 * or a foreign tool's output, or a directory store and one of its branches.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseImport, importFile } from '../importers/index.js';
import { StoreError } from '../model/errors.js';
import { createStore, historyFileName, HistoryText } from '../store/index.js';
import type { RunFile } from '../model/index.js';

/** Baseline runs of history the comparison uses when nothing says otherwise (the action's `history` input). */
export const DEFAULT_HISTORY = 10;

/** A history file's signature at its top level; parseHistory then validates the whole document. */
const HISTORY = /"kind"\s*:\s*"history"/;

/**
 * The runs of a baseline file, oldest first: the newest `limit` runs of a history file (all when
 * absent), else the one run of a run file or of a foreign tool's output.
 * Throws StoreError (history) or ImportError naming the file and what was expected.
 */
export async function readBaselineFile(file: string, limit?: number): Promise<RunFile[]> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return [(await importFile(file)).run]; // its error names the file and the reason
  if (/^\s*\{/.test(text) && HISTORY.test(text)) return new HistoryText().newestRuns(text, file, limit) ?? [];
  return [parseImport(text, file).run];
}

/** The branches a directory store holds, sorted. A missing directory holds none. */
export async function storeBranches(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new StoreError(`Cannot list the store directory ${dir}: ${(e as Error).message}`, dir);
  }
  const branches = await Promise.all(names.map((n) => branchOfFile(dir, n)));
  return branches.filter((b): b is string => b !== undefined).sort();
}

/** The branch a history file belongs to: decoded from its name, or read from the file when the name was cut and hashed. */
async function branchOfFile(dir: string, name: string): Promise<string | undefined> {
  try {
    const branch = decodeURIComponent(name.slice(0, -'.json'.length));
    if (branch && historyFileName(branch) === name) return branch;
  } catch {
    // not an encoded branch name: read the file below
  }
  try {
    const doc: unknown = JSON.parse(await readFile(join(dir, name), 'utf8'));
    const b = (doc as { kind?: unknown; branch?: unknown } | null)?.branch;
    return (doc as { kind?: unknown }).kind === 'history' && typeof b === 'string' ? b : undefined;
  } catch {
    return undefined; // not a history file: not a branch of this store
  }
}

/**
 * The baseline runs of `branch` in the directory store `dir`, oldest first, at most `limit`.
 * Without `branch`: the store's only branch, else `main`. Throws StoreError naming the store and
 * the branches it holds when there is nothing to read.
 */
export async function readStoreDir(
  dir: string,
  branch: string | undefined,
  limit?: number,
): Promise<{ runs: RunFile[]; branch: string; from: string }> {
  const branches = await storeBranches(dir);
  const store = createStore({ kind: 'directory', dir });
  const held = branches.length ? `it holds ${branches.map((b) => JSON.stringify(b)).join(', ')}` : 'it holds no history files';
  const chosen = branch ?? (branches.length === 1 ? branches[0]! : !branches.length || branches.includes('main') ? 'main' : undefined);
  if (chosen === undefined)
    throw new StoreError(`The store ${store.describe()} has several branches and none is "main": name one with --branch (${held}).`, dir);
  const runs = await store.load(chosen, limit);
  if (!runs?.length) throw new StoreError(`No baseline of branch ${JSON.stringify(chosen)} in ${store.describe()}: ${held}.`, dir);
  return { runs, branch: chosen, from: `${store.describe()}, branch ${chosen}` };
}
