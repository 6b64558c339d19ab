import { ImportError } from '../../model/errors.js';
import type { BenchmarkResult, RunFile, ScalingRecord, ShardRecord, ShardRef } from '../../model/index.js';

/** A shard's file, its run (or one of its A/B rounds), and its shard record. */
export interface Shard {
  file: string;
  run: RunFile;
  record: ShardRecord;
}

/** An error in one shard file: its path first, then what is wrong. */
export const fileError = (file: string, message: string): ImportError => new ImportError(`${file}: ${message}`, file, 'track-performance');

/** One variant's benchmarks in the unsharded run's order: suites in config order, a split suite's in its own. */
export function ordered(group: readonly Shard[]): BenchmarkResult[] {
  const { suites, split = {} } = group[0]!.record;
  const seen = new Map<string, string>();
  const all: Array<{ b: BenchmarkResult; suite: number; pos: number }> = [];
  for (const s of group)
    for (const b of s.run.benchmarks) {
      const twice = seen.get(b.id);
      if (twice) throw fileError(s.file, `benchmark ${JSON.stringify(b.id)} was measured by ${twice} too: the shards ran different plans.`);
      seen.set(b.id, s.file);
      const pos = split[b.suite]?.indexOf(b.id) ?? 0;
      all.push({ b, suite: suites.indexOf(b.suite) >>> 0, pos: pos >>> 0 }); // unknown (-1) sorts last
    }
  return all.sort((x, y) => x.suite - y.suite || x.pos - y.pos).map((x) => x.b);
}

/** The shard a file holds: its index and variant. */
export const ref = (s: Shard): ShardRef => ({ index: s.record.index, ...(s.record.variant && { variant: s.record.variant }) });

/** One variant's sweeps (with the fits their shards made) in config order; a sweep measured by two shards means two plans. */
export function orderedSweeps(group: readonly Shard[]): ScalingRecord[] {
  const names = group[0]!.record.sweeps ?? [];
  const seen = new Map<string, string>();
  const all: Array<{ r: ScalingRecord; pos: number }> = [];
  for (const s of group)
    for (const r of s.run.scaling ?? []) {
      const twice = seen.get(r.suite);
      if (twice)
        throw fileError(s.file, `the sweep of ${JSON.stringify(r.suite)} was measured by ${twice} too: the shards ran different plans.`);
      seen.set(r.suite, s.file);
      all.push({ r, pos: names.indexOf(r.suite) >>> 0 });
    }
  return all.sort((x, y) => x.pos - y.pos).map((x) => x.r);
}
