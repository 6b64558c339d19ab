/**
 * The history document: every stored run of one branch, in columns. A row per run would repeat
 * each benchmark's names and keys once per run (≈ 250 bytes × benchmarks × runs); columns keep
 * one number per statistic per run, so a long history stays small and parses fast.
 * Pure functions only: reading and writing files lives in `codec.ts` and the backends.
 */
import { summarizeValue } from '../model/summarize.js';
import {
  RUN_SCHEMA_VERSION,
  type BaseUnit,
  type BenchmarkResult,
  type Direction,
  type Metric,
  type RunFile,
  type Stats,
} from '../model/index.js';

/** Version of the history layout written today; `codec.ts` migrates older ones. */
export const HISTORY_SCHEMA_VERSION = 2;

/** The statistics kept per run, in this order. */
export const STAT_KEYS = ['n', 'mean', 'median', 'min', 'max', 'stdev', 'p75', 'p95', 'p99'] as const;
export type StatKey = (typeof STAT_KEYS)[number];

/** One metric over all runs: position i belongs to `entries[i]`; null where the run lacks it. */
export interface Series {
  unit: BaseUnit;
  direction: Direction;
  value: Array<number | null>;
  /** One column per statistic; a missing column means no run had that statistic. */
  stats: Partial<Record<StatKey, Array<number | null>>>;
  /** Raw samples per run; null once retention summarized the run (or when the tool gave none). */
  samples: Array<number[] | null>;
}

export interface BenchmarkSeries extends Series {
  suite: string;
  name: string;
  metrics?: Record<string, Series>;
}

/** What a run carries besides its benchmarks. */
export type EntryMeta = Omit<RunFile, 'benchmarks' | 'schemaVersion' | 'tool'>;

export interface HistoryDoc {
  schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  tool: 'track-performance';
  kind: 'history';
  branch: string;
  /** Runs, oldest first. */
  entries: EntryMeta[];
  /** Benchmark id → its series, each as long as `entries`. */
  benchmarks: Record<string, BenchmarkSeries>;
}

/** An empty history for `branch`. */
export function emptyHistory(branch: string): HistoryDoc {
  return { schemaVersion: HISTORY_SCHEMA_VERSION, tool: 'track-performance', kind: 'history', branch, entries: [], benchmarks: {} };
}

/** Identity of a run inside a history: the same commit measured at the same time is one run. */
export function entryKey(e: Pick<EntryMeta, 'commit' | 'timestamp'>): string {
  return `${e.commit ?? ''}@${e.timestamp}`;
}

/**
 * Inserts `run` at its place in time (oldest first). A run already present (same commit and
 * timestamp, e.g. a retried push) is left as it is, so inserting is idempotent.
 * Mutates and returns `doc`.
 */
export function insertRun(doc: HistoryDoc, run: RunFile): HistoryDoc {
  const key = entryKey(run);
  if (doc.entries.some((e) => entryKey(e) === key)) return doc;
  const t = Date.parse(run.timestamp);
  let at = doc.entries.length;
  while (at > 0 && Date.parse(doc.entries[at - 1]!.timestamp) > t) at--;
  const { benchmarks, schemaVersion: _v, tool: _t, ...meta } = run;
  doc.entries.splice(at, 0, meta);
  const seen = new Set<string>();
  for (const b of benchmarks) {
    if (seen.has(b.id)) continue; // ids are unique in a run; a duplicate would misalign the columns
    seen.add(b.id);
    const old = doc.benchmarks[b.id];
    const series = old && sameKind(old, b) ? old : newBenchmarkSeries(b, doc.entries.length - 1);
    series.suite = b.suite;
    series.name = b.name;
    doc.benchmarks[b.id] = series;
    insertMetric(series, b, at, true);
    const metricNames = new Set([...Object.keys(series.metrics ?? {}), ...Object.keys(b.metrics ?? {})]);
    for (const m of metricNames) {
      const given = b.metrics?.[m];
      let ms = series.metrics?.[m];
      if (given && (!ms || !sameKind(ms, given))) ms = newSeries(given, doc.entries.length - 1);
      if (!ms) continue;
      series.metrics = { ...series.metrics, [m]: ms };
      insertMetric(ms, given, at, false);
    }
  }
  // A benchmark this run lacks (renamed, failed, another suite or config) gets an explicit null
  // cell in every column it owns, its metrics' too, so all columns stay as long as `entries`.
  for (const [id, s] of Object.entries(doc.benchmarks)) {
    if (seen.has(id)) continue;
    insertAbsent(s, at);
    for (const ms of Object.values(s.metrics ?? {})) insertAbsent(ms, at);
  }
  return doc;
}

/** The runs at `indexes` (default all), oldest first, as run files. */
export function toRuns(doc: HistoryDoc, indexes?: number[]): RunFile[] {
  const idx = indexes ?? doc.entries.map((_, i) => i);
  // Each series' columns are looked up once, not once per run (a long history reads every cell).
  const readers = Object.entries(doc.benchmarks).map(([id, s]) => benchmarkReader(id, s));
  return idx.map((i) => {
    const benchmarks: BenchmarkResult[] = [];
    for (let j = 0; j < readers.length; j++) {
      const b = readers[j]!(i);
      if (b) benchmarks.push(b);
    }
    return { schemaVersion: RUN_SCHEMA_VERSION, tool: 'track-performance', ...doc.entries[i]!, benchmarks };
  });
}

/** Benchmark `id` of run i as a run file holds it; undefined where the run lacks it. */
function benchmarkReader(id: string, s: BenchmarkSeries): (i: number) => BenchmarkResult | undefined {
  const primary = metricReader(s);
  const metrics = Object.entries(s.metrics ?? {}).map(([name, ms]) => [name, metricReader(ms)] as const);
  return (i) => {
    const m = primary(i);
    if (!m) return undefined;
    const b: BenchmarkResult = {
      id,
      suite: s.suite,
      name: s.name,
      unit: m.unit,
      direction: m.direction,
      value: m.value,
      stats: m.stats ?? summarizeValue(m.value),
    };
    if (m.samples) b.samples = m.samples;
    let found: Record<string, Metric> | undefined;
    for (let j = 0; j < metrics.length; j++) {
      const mm = metrics[j]![1](i);
      if (mm) (found ??= {})[metrics[j]![0]] = mm;
    }
    if (found) b.metrics = found;
    return b;
  };
}
/** Keeps only the runs at `keep` (sorted ascending) in every column. Mutates and returns `doc`. */
export function selectEntries(doc: HistoryDoc, keep: number[]): HistoryDoc {
  if (keep.length === doc.entries.length) return doc;
  doc.entries = keep.map((i) => doc.entries[i]!);
  for (const [id, s] of Object.entries(doc.benchmarks)) {
    selectSeries(s, keep);
    for (const ms of Object.values(s.metrics ?? {})) selectSeries(ms, keep);
    if (s.value.every((v) => v === null)) delete doc.benchmarks[id];
  }
  return doc;
}

/** Statistics that only a run's raw samples justify keeping: dropped with them. */
const SAMPLE_ONLY_STATS: readonly StatKey[] = ['p75', 'p95', 'p99'];

/**
 * Summarizes every run before index `from`: drops its raw samples and percentiles, keeping
 * value, n, mean, median, min, max and stdev. Mutates and returns `doc`.
 */
export function summarizeBefore(doc: HistoryDoc, from: number): HistoryDoc {
  for (const s of Object.values(doc.benchmarks)) {
    for (const series of [s, ...Object.values(s.metrics ?? {})]) {
      const end = Math.min(from, series.samples.length);
      for (let i = 0; i < end; i++) series.samples[i] = null;
      for (const k of SAMPLE_ONLY_STATS) {
        const col = series.stats[k];
        if (!col) continue;
        for (let i = 0; i < end; i++) col[i] = null;
        if (col.every((v) => v === null)) delete series.stats[k];
      }
    }
  }
  return doc;
}

function sameKind(s: Series, m: { unit: BaseUnit; direction: Direction }): boolean {
  // Values in another unit or direction are not comparable: such a series starts afresh.
  return s.unit === m.unit && s.direction === m.direction;
}

function newSeries(m: Metric | BenchmarkResult, length: number): Series {
  return { unit: m.unit, direction: m.direction, value: nulls(length), stats: {}, samples: nulls(length) };
}

function newBenchmarkSeries(b: BenchmarkResult, length: number): BenchmarkSeries {
  return { suite: b.suite, name: b.name, ...newSeries(b, length) };
}

function nulls<T>(n: number): Array<T | null> {
  return new Array<T | null>(n).fill(null);
}

/**
 * Numbers are kept to 7 significant digits: a relative error ≤ 5·10⁻⁸, far below the noise of any
 * timer, for half the characters of a double's 17 (the file's size and parse time follow them).
 */
export function round7(v: number): number {
  return Number(v.toPrecision(7));
}

function insertMetric(s: Series, m: Metric | BenchmarkResult | undefined, at: number, primary: boolean): void {
  if (!m) return insertAbsent(s, at);
  const length = s.value.length;
  const value = round7(m.value);
  s.value.splice(at, 0, value);
  s.samples.splice(at, 0, m.samples?.length ? m.samples.map(round7) : null);
  // A primary metric known by one value (an imported result) has the statistics of that value
  // alone, which toRuns gives back without them (summarizeValue): they are not written six times over.
  const stats = primary && isOneValue(m.stats, value) ? undefined : m.stats;
  for (const k of STAT_KEYS) {
    const v = stats?.[k];
    if (v === undefined && !s.stats[k]) continue;
    const col = (s.stats[k] ??= nulls(length));
    col.splice(at, 0, v === undefined ? null : round7(v));
  }
}

/** Whether `stats`, rounded as stored, are exactly summarizeValue(value): n 1, no spread, no percentiles. */
function isOneValue(stats: Partial<Stats> | undefined, value: number): boolean {
  if (!stats || stats.n !== 1 || stats.stdev !== 0) return false;
  if (stats.p75 !== undefined || stats.p95 !== undefined || stats.p99 !== undefined) return false;
  return [stats.mean, stats.median, stats.min, stats.max].every((x) => x !== undefined && round7(x) === value);
}

function insertAbsent(s: Series, at: number): void {
  s.value.splice(at, 0, null);
  s.samples.splice(at, 0, null);
  for (const col of Object.values(s.stats)) col.splice(at, 0, null);
}

/** The metric of run i in series `s`, statistics in STAT_KEYS order; undefined where the run lacks it. */
function metricReader(s: Series): (i: number) => Metric | undefined {
  // Index loops over plain arrays: this runs once per cell, mostly before V8 optimizes it.
  const keys = STAT_KEYS.filter((k) => s.stats[k]);
  const columns = keys.map((k) => s.stats[k]!);
  return (i) => {
    const value = s.value[i];
    if (value === null || value === undefined) return undefined;
    const stats: Partial<Stats> = {};
    for (let j = 0; j < keys.length; j++) {
      const v = columns[j]![i];
      if (v !== null && v !== undefined) stats[keys[j]!] = v;
    }
    const m: Metric = { unit: s.unit, direction: s.direction, value };
    if (stats.n !== undefined) m.stats = stats as Stats;
    const samples = s.samples[i];
    if (samples) m.samples = [...samples]; // a copy: the document may be reused by the next save
    return m;
  };
}

function selectSeries(s: Series, keep: number[]): void {
  s.value = keep.map((i) => s.value[i]!);
  s.samples = keep.map((i) => s.samples[i]!);
  for (const k of Object.keys(s.stats) as StatKey[]) s.stats[k] = keep.map((i) => s.stats[k]![i]!);
}

/** Adds to `into` every run of `from` it lacks (by `entryKey`): the union of two histories. Mutates and returns `into`. */
export function mergeHistory(into: HistoryDoc, from: HistoryDoc): HistoryDoc {
  for (const run of toRuns(from)) insertRun(into, run);
  return into;
}
