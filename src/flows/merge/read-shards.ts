import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { validateRun } from '../../importers/index.js';
import { InputError, ImportError } from '../../model/errors.js';
import type { ShardFile } from './merge-shards.js';

/**
 * The shard run files at `paths`: each a file, or a directory searched to any depth for `*.json`
 * (what `download-artifact` leaves, with or without `merge-multiple`). A file that is not valid
 * JSON or not a valid run file is an ImportError naming it; finding none is an InputError.
 */
export async function readShardFiles(paths: readonly string[], what: string): Promise<ShardFile[]> {
  const files: string[] = [];
  for (const p of paths) files.push(...(await jsonFiles(p, what)));
  if (files.length === 0)
    throw new InputError(`${what}: no shard run files (*.json) in ${paths.join(', ')}. Download the shard jobs' artifacts there first.`);
  return Promise.all(files.map(readShard));
}

async function jsonFiles(path: string, what: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new InputError(`${what}: ${path} does not exist. Download the shard jobs' artifacts there first.`);
  if (info.isFile()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function readShard(file: string): Promise<ShardFile> {
  const text = await readFile(file, 'utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ImportError(
      `${file}: not valid JSON (${(e as Error).message}); a shard run file is the JSON a shard job writes.`,
      file,
      'track-performance',
    );
  }
  return { file, run: validateRun(doc, file) };
}
