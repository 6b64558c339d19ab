import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-write.js';
import type { Report, RunFile } from '../model/index.js';

/** Writes JSON atomically, creating its directory, so a reader never sees half a file. */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
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
