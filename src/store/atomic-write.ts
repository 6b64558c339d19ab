import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes beside the target, then renames over it: readers see the old file or the new one,
 * never half of one. The temporary file is removed when anything fails.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
