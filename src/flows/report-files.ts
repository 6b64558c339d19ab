import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-write.js';
import type { Report, RunFile } from '../model/index.js';
import { redactDeep, type Redact } from '../model/redact.js';

/** Writes JSON atomically, creating its directory, so a reader never sees half a file. */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Writes the report and the current run beside each other; returns their paths. Both are
 * redacted: a fork PR's report is uploaded as an artifact and posted by another job, whose
 * redaction does not know this job's secrets (a suite's error message may hold one).
 */
export async function writeOutputs(
  dir: string,
  report: Report,
  run?: RunFile,
  redact: Redact = (t) => t,
): Promise<{ report: string; run?: string }> {
  const reportPath = join(dir, 'report.json');
  await writeJson(reportPath, redactDeep(report, redact));
  if (!run) return { report: reportPath };
  const runPath = join(dir, 'run.json');
  await writeJson(runPath, redactDeep(run, redact));
  return { report: reportPath, run: runPath };
}
