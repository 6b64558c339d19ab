import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Report, RunFile } from '../types.js';

/** Writes JSON atomically (temp file, then rename) so a reader never sees half a file. */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(value, null, 2) + '\n');
  await rename(tmp, path);
}

/** Writes the report and the current run beside each other; returns their paths. */
export async function writeOutputs(dir: string, report: Report, run?: RunFile): Promise<{ report: string; run?: string }> {
  const reportPath = join(dir, 'report.json');
  await writeJson(reportPath, report);
  if (!run) return { report: reportPath };
  const runPath = join(dir, 'run.json');
  await writeJson(runPath, run);
  return { report: reportPath, run: runPath };
}
