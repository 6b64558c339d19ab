/**
 * ImportedBenchmark[] → BenchmarkResult[]: merges repeated entries of one benchmark into
 * samples, checks what importers return, and computes statistics the same way for every format.
 */
import { ImportError } from '../../errors.js';
import type { BenchmarkResult, Metric } from '../../types.js';
import { summarize, summarizeValue } from '../summarize.js';
import type { ImportedBenchmark } from './types.js';
import { isValidUnit } from './units.js';

interface Where {
  file: string;
  format: string;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function invalid(where: Where, b: ImportedBenchmark, what: string): ImportError {
  const location = `benchmark ${JSON.stringify(String(b.name).slice(0, 80))}`;
  return new ImportError(
    `${where.file}: ${location}: ${what} (${where.format} importer)`,
    where.file,
    where.format,
    location,
  );
}

/** The observations of a metric: its samples, or its single value as one sample. */
function observations(m: { samples?: number[]; value?: number }): number[] {
  return m.samples && m.samples.length > 0 ? m.samples : m.value === undefined ? [] : [m.value];
}

function checkMetric(where: Where, b: ImportedBenchmark, key: string, m: Metric | ImportedBenchmark): void {
  if (!isValidUnit(m.unit)) throw invalid(where, b, `${key}: unit must be a non-empty string`);
  if (m.direction !== 'smaller' && m.direction !== 'bigger') throw invalid(where, b, `${key}: bad direction`);
  const obs = observations(m);
  if (obs.length === 0) throw invalid(where, b, `${key}: no value and no samples`);
  if (!obs.every(finite)) throw invalid(where, b, `${key}: values must be finite numbers`);
}

/** Joins entries with the same group and name: each entry's value or samples become samples. */
function merge(where: Where, entries: ImportedBenchmark[]): ImportedBenchmark {
  const first = entries[0] as ImportedBenchmark;
  if (entries.length === 1) return first;
  const samples: number[] = [];
  const metricObs = new Map<string, { unit: string; direction: Metric['direction']; obs: number[] }>();
  for (const e of entries) {
    if (e.unit !== first.unit || e.direction !== first.direction) {
      throw invalid(where, e, `repeated with unit ${e.unit} after ${first.unit}; expected one unit per benchmark`);
    }
    samples.push(...observations(e));
    for (const [key, m] of Object.entries(e.metrics ?? {})) {
      const acc = metricObs.get(key) ?? { unit: m.unit, direction: m.direction, obs: [] };
      acc.obs.push(...observations(m));
      metricObs.set(key, acc);
    }
  }
  const merged: ImportedBenchmark = { ...first, samples };
  delete merged.value;
  if (metricObs.size > 0) {
    merged.metrics = Object.fromEntries(
      [...metricObs].map(([key, m]) => [key, { unit: m.unit, direction: m.direction, value: 0, samples: m.obs }]),
    );
  }
  return merged;
}

/** A metric with its headline value and statistics filled in from its samples. */
function finishMetric(m: Metric): Metric {
  if (m.samples && m.samples.length > 0) {
    const stats = summarize(m.samples);
    return { ...m, value: stats.median, stats };
  }
  return { ...m, stats: m.stats ?? summarizeValue(m.value) };
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
    const primary = finishMetric({
      unit: b.unit,
      direction: b.direction,
      value: b.value ?? 0,
      ...(b.samples && b.samples.length > 0 ? { samples: b.samples } : {}),
    });
    const result: BenchmarkResult = {
      id: `${s}/${b.name}`,
      suite: s,
      name: b.name,
      unit: b.unit,
      direction: b.direction,
      value: primary.value,
      stats: primary.stats ?? summarizeValue(primary.value),
    };
    if (primary.samples) result.samples = primary.samples;
    if (b.metrics && Object.keys(b.metrics).length > 0) {
      result.metrics = Object.fromEntries(Object.entries(b.metrics).map(([k, m]) => [k, finishMetric(m)]));
    }
    return result;
  });
}
