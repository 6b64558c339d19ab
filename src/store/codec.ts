/**
 * Reading and writing history files: validation, migration of older layouts, and the one error
 * a damaged file gives. Pure (text in, document out): callers own the I/O, and they never write
 * over a file this module refused.
 */
import { StoreError } from '../model/errors.js';
import type { RunFile } from '../model/index.js';
import { emptyHistory, HISTORY_SCHEMA_VERSION, insertRun, STAT_KEYS, type HistoryDoc, type Series } from './history.js';

/**
 * Layout versions:
 * - 1: rows, `{ schemaVersion: 1, tool, kind: "history", branch, runs: RunFile[] }` — also easy
 *   to write by hand; read and migrated, the next save writes version 2.
 * - 2: columns, see `HistoryDoc`.
 */
const KEEP = 'The file was left unchanged: repair it, or delete it to start a new history.';

/**
 * Parses a history file; throws StoreError naming `file` and what was expected. A known defect of
 * older writers is repaired in memory and reported through `note`; the next save writes it whole.
 */
export function parseHistory(text: string, file: string, note?: (message: string) => void): HistoryDoc {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw fail(file, `is not valid JSON (${why}; ${text.length} bytes, truncated?)`);
  }
  if (!isObject(data) || data.tool !== 'track-performance' || data.kind !== 'history')
    throw fail(file, 'is not a track-performance history file (expected "tool": "track-performance" and "kind": "history")');
  const version = data.schemaVersion;
  if (version === 1) return migrateV1(data, file);
  if (version === HISTORY_SCHEMA_VERSION) {
    const repaired = repairShortMetrics(data);
    if (repaired)
      note?.(
        `History file ${file}: ${repaired} metric column${repaired === 1 ? ' was' : 's were'} shorter than its runs (written by track-performance 0.1.0 when a run lacked a benchmark); ` +
          'repaired on read with empty cells for those runs. The next save writes the file whole.',
      );
    return validateV2(data, file);
  }
  if (typeof version === 'number' && Number.isInteger(version) && version > HISTORY_SCHEMA_VERSION)
    throw fail(
      file,
      `has schemaVersion ${version}, written by a newer track-performance; this version reads 1 to ${HISTORY_SCHEMA_VERSION}. Upgrade track-performance`,
    );
  throw fail(file, `has schemaVersion ${JSON.stringify(version)}; expected an integer from 1 to ${HISTORY_SCHEMA_VERSION}`);
}

/** The file's text for `doc`: compact JSON (size matters for long histories), one final newline. */
export function serializeHistory(doc: HistoryDoc): string {
  return `${JSON.stringify(doc)}\n`;
}

function fail(file: string, what: string): StoreError {
  return new StoreError(`History file ${file} ${what}. ${KEEP}`, file);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function migrateV1(data: Record<string, unknown>, file: string): HistoryDoc {
  if (typeof data.branch !== 'string') throw fail(file, 'has no "branch" string');
  if (!Array.isArray(data.runs)) throw fail(file, 'has no "runs" array (schemaVersion 1)');
  const doc = emptyHistory(data.branch);
  data.runs.forEach((run: unknown, i) => {
    const at = `$.runs[${i}]`;
    if (!isObject(run) || !Array.isArray(run.benchmarks)) throw fail(file, `${at} is not a run file with a "benchmarks" array`);
    checkTimestamp(run.timestamp, `${at}.timestamp`, file);
    run.benchmarks.forEach((b: unknown, j) => {
      const bt = `${at}.benchmarks[${j}]`;
      if (!isObject(b) || typeof b.id !== 'string' || typeof b.value !== 'number' || typeof b.unit !== 'string')
        throw fail(file, `${bt} is not a benchmark (expected "id", "unit" and a numeric "value")`);
    });
    insertRun(doc, run as unknown as RunFile);
  });
  return doc;
}

function validateV2(data: Record<string, unknown>, file: string): HistoryDoc {
  if (typeof data.branch !== 'string') throw fail(file, 'has no "branch" string');
  if (!Array.isArray(data.entries)) throw fail(file, 'has no "entries" array');
  if (!isObject(data.benchmarks)) throw fail(file, 'has no "benchmarks" object');
  const n = data.entries.length;
  data.entries.forEach((e: unknown, i) => {
    if (!isObject(e)) throw fail(file, `$.entries[${i}] is not an object`);
    checkTimestamp(e.timestamp, `$.entries[${i}].timestamp`, file);
  });
  for (const [id, s] of Object.entries(data.benchmarks)) {
    const at = `$.benchmarks[${JSON.stringify(id)}]`;
    if (!isObject(s) || typeof s.suite !== 'string' || typeof s.name !== 'string')
      throw fail(file, `${at} has no "suite" and "name" strings`);
    checkSeries(s, n, at, file);
    if (s.metrics !== undefined) {
      if (!isObject(s.metrics)) throw fail(file, `${at}.metrics is not an object`);
      for (const [m, ms] of Object.entries(s.metrics)) checkSeries(ms, n, `${at}.metrics[${JSON.stringify(m)}]`, file);
    }
  }
  return data as unknown as HistoryDoc;
}

/**
 * 0.1.0 padded an absent benchmark's own columns but not its metrics'. So a metric column is short
 * by exactly the runs, after the metric first appeared, that lacked the benchmark: the last `k`
 * positions where the benchmark's value is null. Pads there (mutating `data`) when that
 * reconstruction is consistent (the metric is null wherever its benchmark is); anything else is
 * left for validation to refuse. Returns how many metric series were repaired.
 */
function repairShortMetrics(data: Record<string, unknown>): number {
  if (!Array.isArray(data.entries) || !isObject(data.benchmarks)) return 0;
  const n = data.entries.length;
  let repaired = 0;
  for (const s of Object.values(data.benchmarks)) {
    if (!isObject(s) || !Array.isArray(s.value) || s.value.length !== n || !isObject(s.metrics)) continue;
    const absent = s.value.flatMap((v: unknown, i) => (v === null ? [i] : []));
    for (const ms of Object.values(s.metrics)) {
      if (!isObject(ms) || !Array.isArray(ms.value) || !Array.isArray(ms.samples) || !isObject(ms.stats)) continue;
      const k = n - ms.value.length;
      const columns = [ms.value, ms.samples, ...Object.values(ms.stats)];
      if (k <= 0 || k > absent.length || columns.some((c) => !Array.isArray(c) || c.length !== n - k)) continue;
      const pads = new Set(absent.slice(absent.length - k));
      const padded = columns.map((c) => padAt(c as unknown[], pads, n));
      if (absent.some((i) => padded[0]![i] !== null)) continue; // not the known shape: refuse below
      ms.value = padded[0];
      ms.samples = padded[1];
      Object.keys(ms.stats).forEach((key, j) => ((ms.stats as Record<string, unknown>)[key] = padded[j + 2]));
      repaired++;
    }
  }
  return repaired;
}

/** `col` grown to `n` cells with null at the positions in `pads`. */
function padAt(col: unknown[], pads: Set<number>, n: number): unknown[] {
  const out: unknown[] = [];
  let from = 0;
  for (let i = 0; i < n; i++) out.push(pads.has(i) ? null : col[from++]);
  return out;
}

function checkSeries(s: unknown, n: number, at: string, file: string): asserts s is Series {
  if (!isObject(s) || typeof s.unit !== 'string' || (s.direction !== 'smaller' && s.direction !== 'bigger'))
    throw fail(file, `${at} needs "unit" and "direction" ("smaller" or "bigger")`);
  checkNumbers(s.value, n, `${at}.value`, file);
  checkSamples(s.samples, n, `${at}.samples`, file);
  if (!isObject(s.stats)) throw fail(file, `${at}.stats is not an object`);
  for (const k of Object.keys(s.stats)) {
    if (!(STAT_KEYS as readonly string[]).includes(k))
      throw fail(file, `${at}.stats has unknown statistic "${k}" (expected ${STAT_KEYS.join(', ')})`);
    checkNumbers(s.stats[k], n, `${at}.stats.${k}`, file);
  }
}

// The two column checks read every cell of the file: plain loops, no callback per cell (most of
// a load runs before V8 optimizes anything).

/** A column of `n` finite numbers or nulls. */
function checkNumbers(col: unknown, n: number, at: string, file: string): void {
  if (!Array.isArray(col) || col.length !== n) throw columnLength(n, at, file);
  for (let i = 0; i < n; i++) {
    const v: unknown = col[i];
    if (v !== null && !(typeof v === 'number' && Number.isFinite(v))) throw badCell(v, i, at, file);
  }
}

/** A column of `n` sample arrays (numbers) or nulls. */
function checkSamples(col: unknown, n: number, at: string, file: string): void {
  if (!Array.isArray(col) || col.length !== n) throw columnLength(n, at, file);
  for (let i = 0; i < n; i++) {
    const v: unknown = col[i];
    if (v === null) continue;
    if (!Array.isArray(v)) throw badCell(v, i, at, file);
    for (let j = 0; j < v.length; j++) if (typeof v[j] !== 'number') throw badCell(v, i, at, file);
  }
}

function columnLength(n: number, at: string, file: string): StoreError {
  return fail(file, `${at} must be an array of ${n} values, one per entry`);
}

function badCell(v: unknown, i: number, at: string, file: string): StoreError {
  return fail(file, `${at}[${i}] has an unexpected value ${JSON.stringify(v)}`);
}

function checkTimestamp(t: unknown, at: string, file: string): void {
  if (typeof t !== 'string' || Number.isNaN(Date.parse(t))) throw fail(file, `${at} must be an ISO 8601 date string`);
}
