/**
 * ImportedBenchmark[] → BenchmarkResult[]: merges repeated entries of one benchmark into
 * samples, checks what importers return, and builds every Metric — headline value and
 * statistics — in one place, the same way for every format.
 */
import { ImportError } from '../model/errors.js';
import type { BenchmarkResult, Metric, Stats } from '../model/index.js';
import { summarize, summarizeValue } from '../model/summarize.js';
import type { ImportedBenchmark, ImportedMetric } from './types.js';
import { isValidUnit } from './units.js';

interface Where {
  file: string;
  format: string;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function invalid(where: Where, b: ImportedBenchmark, what: string): ImportError {
  const location = `benchmark ${JSON.stringify(String(b.name).slice(0, 80))}`;
  return new ImportError(`${where.file}: ${location}: ${what} (${where.format} importer)`, where.file, where.format, location);
}

/** The observations of a metric: its samples, or its single value as one sample. */
function observations(m: ImportedMetric): number[] {
  return m.samples && m.samples.length > 0 ? m.samples : m.value === undefined ? [] : [m.value];
}

function checkMetric(where: Where, b: ImportedBenchmark, key: string, m: ImportedMetric): void {
  if (!isValidUnit(m.unit)) throw invalid(where, b, `${key}: unit must be a non-empty string`);
  if (m.direction !== 'smaller' && m.direction !== 'bigger') throw invalid(where, b, `${key}: bad direction`);
  const obs = observations(m);
  if (obs.length === 0) throw invalid(where, b, `${key}: no value and no samples`);
  if (!obs.every(finite)) throw invalid(where, b, `${key}: values must be finite numbers`);
}

/**
 * Joins entries with the same group and name: each entry's value or samples become samples. The
 * tools' per-entry statistics describe one entry each, so the joined metric has none of them.
 */
function merge(where: Where, entries: ImportedBenchmark[]): ImportedBenchmark {
  const first = entries[0] as ImportedBenchmark;
  if (entries.length === 1) return first;
  const samples: number[] = [];
  const metricObs = new Map<string, ImportedMetric & { samples: number[] }>();
  for (const e of entries) {
    if (e.unit !== first.unit || e.direction !== first.direction) {
      throw invalid(where, e, `repeated with unit ${e.unit} after ${first.unit}; expected one unit per benchmark`);
    }
    samples.push(...observations(e));
    for (const [key, m] of Object.entries(e.metrics ?? {})) {
      const acc = metricObs.get(key) ?? { unit: m.unit, direction: m.direction, samples: [] };
      acc.samples.push(...observations(m));
      metricObs.set(key, acc);
    }
  }
  const merged: ImportedBenchmark = { name: first.name, unit: first.unit, direction: first.direction, samples };
  if (first.group !== undefined) merged.group = first.group;
  if (metricObs.size > 0) merged.metrics = Object.fromEntries(metricObs);
  return merged;
}

/** Keys of Stats a tool may report, and the ones a complete summary needs. */
const STAT_KEYS = ['n', 'mean', 'median', 'min', 'max', 'stdev', 'p75', 'p95', 'p99'] as const;
const REQUIRED: ReadonlyArray<keyof Stats> = ['n', 'mean', 'median', 'min', 'max', 'stdev'];

/**
 * The tool's reported statistics that can stand in the run file: all of them when the samples
 * are there to compute the rest from, or when the tool gave a complete summary (n, mean, median,
 * min, max, stdev). A partial summary of an unknown number of runs (criterion's estimates, Google
 * Benchmark's aggregates) cannot be completed honestly, so its value alone is kept.
 */
function reported(m: ImportedMetric, hasSamples: boolean): Partial<Stats> {
  const given: Partial<Stats> = {};
  for (const key of STAT_KEYS) if (finite(m.stats?.[key])) given[key] = m.stats[key];
  // A count below one (vitest writes `sampleCount: 0` for a benchmark it did not sample) describes
  // no measurement: the count is taken from what was imported instead.
  if (given.n !== undefined && !(Number.isInteger(given.n) && given.n >= 1)) delete given.n;
  return hasSamples || REQUIRED.every((k) => k in given) ? given : {};
}

/**
 * The run file's Metric of one imported metric: the samples' median as the headline (the tool's
 * value when there are none), the tool's own statistics where it reported them, and the rest
 * computed from the samples. Every Metric of an import is made here.
 */
export function toMetric(m: ImportedMetric): Metric {
  const samples = m.samples && m.samples.length > 0 ? m.samples : undefined;
  const computed = samples ? summarize(samples) : summarizeValue(m.value as number);
  const stats: Stats = { ...computed, ...reported(m, samples !== undefined) };
  const metric: Metric = { unit: m.unit, direction: m.direction, value: samples ? computed.median : (m.value as number) };
  if (samples) metric.samples = samples;
  metric.stats = stats;
  return metric;
}

/** Turns importer output into run-file benchmarks under `suite ?? group ?? format`. */
export function assemble(imported: ImportedBenchmark[], where: Where, suite?: string): BenchmarkResult[] {
  const groups = new Map<string, ImportedBenchmark[]>();
  for (const b of imported) {
    if (typeof b.name !== 'string' || b.name.trim() === '') throw invalid(where, b, 'empty name');
    checkMetric(where, b, 'value', b);
    for (const [key, m] of Object.entries(b.metrics ?? {})) checkMetric(where, b, `metric ${key}`, m);
    const s = suite ?? b.group ?? where.format;
    const key = JSON.stringify([s, b.name]);
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  return [...groups.values()].map((entries) => {
    const b = merge(where, entries);
    const s = suite ?? b.group ?? where.format;
    const primary = toMetric(b);
    const result: BenchmarkResult = {
      id: `${s}/${b.name}`,
      suite: s,
      name: b.name,
      unit: b.unit,
      direction: b.direction,
      value: primary.value,
      stats: primary.stats as Stats,
    };
    if (primary.samples) result.samples = primary.samples;
    if (b.metrics && Object.keys(b.metrics).length > 0) {
      result.metrics = Object.fromEntries(Object.entries(b.metrics).map(([k, m]) => [k, toMetric(m)]));
    }
    return result;
  });
}
