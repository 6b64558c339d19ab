/**
 * The options that name baseline runs, shared by the verbs that read them (compare, report, and
 * a future trend): `--baseline FILE|DIR...`, `--baseline-dir DIR [--branch B]`, `--history N`.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_HISTORY, readBaselineFile, readStoreDir } from '../flows/baseline-file.js';
import type { RunFile } from '../model/index.js';
import { UsageError } from '../model/errors.js';

export const baselineOptions = {
  baseline: { type: 'string', multiple: true },
  'baseline-dir': { type: 'string' },
  branch: { type: 'string' },
  history: { type: 'string' },
} as const;

/** The lines of a verb's help that describe baselineOptions. */
export const baselineOptionsHelp = `  --baseline FILE...  baseline runs: run files, foreign outputs or history files (oldest first; a
                      directory is read as a store); repeat the flag or list several files
  --baseline-dir DIR  a directory store (what 'baseline save' and the action's directory baseline write)
  --branch NAME       the store's branch (default: its only branch, else main)
  --history N         newest runs read from a store or history file (default ${DEFAULT_HISTORY})`;

export interface BaselineArgs {
  baseline?: string[];
  'baseline-dir'?: string;
  branch?: string;
  history?: string;
}

/** True when the arguments name any baseline. */
export const hasBaseline = (v: BaselineArgs): boolean => Boolean(v.baseline?.length || v['baseline-dir']);

/** The baseline runs the arguments name, oldest first: the store's runs, then each --baseline in order. */
export async function readBaselines(v: BaselineArgs, cwd: string): Promise<RunFile[]> {
  const limit = v.history === undefined ? DEFAULT_HISTORY : Number(v.history);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--history must be a whole number ≥ 1; found '${v.history}'.`);
  const files = (v.baseline ?? []).map((p) => resolve(cwd, p));
  const isDir = await Promise.all(files.map(isDirectory));
  const dirs = [...(v['baseline-dir'] ? [resolve(cwd, v['baseline-dir'])] : []), ...files.filter((_, i) => isDir[i])];
  if (v.branch !== undefined && !dirs.length)
    throw new UsageError('--branch names a branch of a store: give the store with --baseline-dir DIR.');
  const runs: RunFile[] = [];
  for (const dir of dirs) runs.push(...(await readStoreDir(dir, v.branch, limit)).runs);
  for (const [i, file] of files.entries()) if (!isDir[i]) runs.push(...(await readBaselineFile(file, limit)));
  return runs;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
