import { InputError } from '../model/errors.js';
import type { Report } from '../model/index.js';

/**
 * Parses a report JSON made by another job (the fork PR's run). It is untrusted: check its
 * shape before rendering; names are escaped by the renderer.
 */
export function readReport(text: string, file: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not JSON (${(e as Error).message}); expected the report.json a track-performance run wrote.`, file);
  }
  const r = data as Partial<Report>;
  if (!r || typeof r !== 'object' || r.schemaVersion !== 1)
    throw new InputError(`${file}: expected a track-performance report with schemaVersion 1.`, file);
  if (!Array.isArray(r.benchmarks) || !Array.isArray(r.targets) || !['pass', 'warn', 'fail'].includes(String(r.verdict)))
    throw new InputError(`${file}: expected 'verdict' (pass, warn or fail), 'benchmarks' and 'targets' arrays.`, file);
  return r as Report;
}
