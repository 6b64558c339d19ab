import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-write.js';
import type { Report, RunFile } from '../model/index.js';
import type { Redact } from '../model/redact.js';

/**
 * Writes JSON atomically, creating its directory, so a reader never sees half a file; with
 * `redact`, every string in it, keys too, passes it on the way out (the document is not copied).
 */
export async function writeJson(path: string, value: unknown, redact?: Redact): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Serialized as it is first (a replacer takes JSON.stringify off its fast path): only a text
  // in which a secret shows (as it is or JSON-escaped: the redactor knows both) is serialized
  // again with each string and key redacted, which keeps the JSON valid.
  const text = JSON.stringify(value, null, 2);
  await writeFileAtomic(path, (redact && redact(text) !== text ? JSON.stringify(value, redacting(redact), 2) : text) + '\n');
}

/** A JSON.stringify replacer applying `redact` to each string, and to the keys of an object when one of them holds a secret. */
function redacting(redact: Redact): (key: string, value: unknown) => unknown {
  return (_, v) => {
    if (typeof v === 'string') return redact(v);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    // Secrets hold no NUL (they come from environment values), so none spans two joined keys.
    const keys = Object.keys(v).join('\0');
    return redact(keys) === keys ? v : Object.fromEntries(Object.entries(v).map(([k, x]) => [redact(k), x]));
  };
}

/**
 * Writes the report and the current run beside each other; returns their paths. Both are
 * redacted: a fork PR's report is uploaded as an artifact and posted by another job, whose
 * redaction does not know this job's secrets (a suite's error message may hold one).
 */
export async function writeOutputs(dir: string, report: Report, run?: RunFile, redact?: Redact): Promise<{ report: string; run?: string }> {
  const reportPath = join(dir, 'report.json');
  await writeJson(reportPath, report, redact);
  if (!run) return { report: reportPath };
  const runPath = join(dir, 'run.json');
  await writeJson(runPath, run, redact);
  return { report: reportPath, run: runPath };
}
