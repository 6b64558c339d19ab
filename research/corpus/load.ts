/** Reads the accuracy corpus (see generate.ts) into rounds of runs, and builds run files from it. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { BenchmarkResult, Machine, RunFile } from '../../src/model/index.js';
import { summarize } from '../../src/model/summarize.js';

export interface CorpusRun {
  round: number;
  variant: string;
  factor: number;
  t: string;
  units: Record<string, number>;
  /** Workload → wall-time samples in ns. */
  samples: Record<string, number[]>;
  /** Workload → the worker's own CPU time (user + system) per sample, ns. */
  cpu: Record<string, number[]>;
  /** 1-minute load average when the run ended. */
  load: number;
  /** In-process A/B corpus only (wall time only): the base copy's samples from the same process, ns. */
  base?: Record<string, number[]>;
}

/** Which timing series to replay: wall time (what benchmarks report) or the process's CPU time. */
export type Series = 'samples' | 'cpu';

export interface Corpus {
  machine: Machine;
  workloads: string[];
  variants: string[];
  /** rounds[r][variant] = that round's run (rounds missing a variant are dropped). */
  rounds: Array<Record<string, CorpusRun>>;
  /** Base units per workload (those of variant A). */
  baseUnits: Record<string, number>;
  /** An in-process A/B corpus (generate.ts `paired`): every run also holds its base copy's samples. */
  paired: boolean;
}

/** A run's samples of one series, from its head copy or (in-process A/B corpus) its base copy. */
export function seriesOf(run: CorpusRun | undefined, series: Series, copy: 'head' | 'base' = 'head'): Record<string, number[]> {
  if (!run) return {};
  if (copy === 'head') return run[series];
  return series === 'samples' ? (run.base ?? {}) : {};
}

/**
 * Loads a corpus file written by generate.ts, gzipped or not (samples converted back to ns).
 * With `keep`, each run keeps only its first `keep` samples: a run of that fraction of the length.
 */
export function loadCorpus(file: string, keep = Infinity): Corpus {
  const raw = readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = JSON.parse(lines[0] as string) as {
    machine: { os: string; cpuModel: string; cores: number; nodeVersion: string };
    variants: Array<{ label: string }>;
    paired?: boolean;
  };
  const variants = header.variants.map((v) => v.label);
  const byRound = new Map<number, Record<string, CorpusRun>>();
  for (const line of lines.slice(1)) {
    const r = JSON.parse(line) as CorpusRun & { kind: string };
    if (r.kind !== 'run') continue;
    for (const m of [r.samples, r.cpu, r.base ?? {}]) for (const k of Object.keys(m)) m[k] = (m[k] as number[]).slice(0, keep).map((us) => us * 1000);
    const slot = byRound.get(r.round) ?? {};
    slot[r.variant] = r;
    byRound.set(r.round, slot);
  }
  const rounds = [...byRound.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v).filter((v) => variants.every((x) => v[x]));
  const first = rounds[0]?.A;
  if (!first) throw new Error(`${file}: no complete round`);
  return {
    machine: { os: header.machine.os, arch: 'x64', cpuModel: header.machine.cpuModel, cores: header.machine.cores, nodeVersion: header.machine.nodeVersion },
    workloads: Object.keys(first.samples),
    variants,
    rounds,
    baseUnits: first.units,
    paired: header.paired === true,
  };
}

/** A benchmark result from samples (ns, smaller is better). */
export function benchmarkFrom(id: string, samples: number[]): BenchmarkResult {
  const stats = summarize(samples);
  const [suite, name] = id.split('/') as [string, string];
  return { id, suite, name, unit: 'ns', direction: 'smaller', value: stats.median, samples, stats };
}

/** A run file holding the given benchmarks. */
export function runFrom(benchmarks: BenchmarkResult[], machine: Machine, t: string): RunFile {
  return { schemaVersion: 1, tool: 'track-performance', timestamp: t, machine, benchmarks };
}
