/**
 * Simulated pull requests built from the corpus: which rounds and variants stand for the
 * baseline and current runs of each benchmark, per design.
 *   single  — baseline = unchanged run A of an earlier round, current = run B (or a slower
 *             variant) of a later round;
 *   history — baseline = run A of K random earlier rounds (oldest first), current = run B (or a
 *             slower variant) of a later round;
 *   paired  — n rounds; baseline_i = run A, current_i = run B (or a slower variant) of the same
 *             round, measured minutes apart at most (the rounds interleave variants). On an
 *             in-process A/B corpus (generate.ts `paired`), baseline_i and current_i are instead
 *             the base and head copies of one process: run A's for an unchanged benchmark, the
 *             slower variant's run for the slowed one.
 * Benchmarks of one PR are workloads of the same rounds (as in one suite process); beyond the
 * number of workloads, further blocks of benchmarks draw their own rounds.
 */
import type { CompareInput } from '../../src/compare/index.js';
import type { BenchmarkResult, Design } from '../../src/model/index.js';
import { benchmarkFrom, runFrom, seriesOf, type Corpus, type Series } from './load.js';

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy of `xs` (Fisher–Yates, drawing from `rand`). */
export function shuffle<T>(xs: readonly T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

function pick(n: number, from: number, to: number, rand: () => number): number[] {
  return shuffle(Array.from({ length: to - from }, (_, i) => from + i), rand).slice(0, n).sort((a, b) => a - b);
}

export interface PrSpec {
  design: Design;
  benchmarks: number;
  /** History length (history design) or pair count (paired design). */
  runs: number;
  /** Index of the benchmark made slower, and the variant label that makes it so. */
  slowed?: { index: number; variant: string };
}

/** Rounds for one block: baseline rounds (oldest first) and current rounds. */
function blockRounds(spec: PrSpec, rounds: number, rand: () => number): { base: number[]; cur: number[] } {
  if (spec.design === 'paired') {
    const r = pick(spec.runs, 0, rounds, rand);
    return { base: r, cur: r };
  }
  const k = spec.design === 'single' ? 1 : spec.runs;
  const c = k + Math.floor(rand() * (rounds - k));
  return { base: pick(k, 0, c, rand), cur: [c] };
}

/** A simulated PR as compareRuns input, and the id of the slowed benchmark if any. */
export function simulatePr(corpus: Corpus, series: Series, spec: PrSpec, rand: () => number): { input: CompareInput; slowedId?: string } {
  const w = corpus.workloads.length;
  const order = shuffle(corpus.workloads, rand);
  const blocks = Math.ceil(spec.benchmarks / w);
  const chosen = Array.from({ length: blocks }, () => blockRounds(spec, corpus.rounds.length, rand));
  const nBase = (chosen[0] as { base: number[] }).base.length;
  const nCur = (chosen[0] as { cur: number[] }).cur.length;
  const baseRuns: BenchmarkResult[][] = Array.from({ length: nBase }, () => []);
  const curRuns: BenchmarkResult[][] = Array.from({ length: nCur }, () => []);
  let slowedId: string | undefined;
  for (let j = 0; j < spec.benchmarks; j++) {
    const workload = order[j % w] as string;
    const block = chosen[Math.floor(j / w)] as { base: number[]; cur: number[] };
    const id = `b${Math.floor(j / w)}/${workload}`;
    const unchanged = corpus.paired ? 'A' : 'B';
    const variant = spec.slowed?.index === j ? spec.slowed.variant : unchanged;
    if (spec.slowed?.index === j) slowedId = id;
    // In one process, the base copy is the one measured beside this head copy.
    const baseRun = (r: number) => (corpus.paired ? seriesOf(corpus.rounds[r]?.[variant], series, 'base') : seriesOf(corpus.rounds[r]?.A, series));
    block.base.forEach((r, i) => baseRuns[i]?.push(benchmarkFrom(id, baseRun(r)[workload] as number[])));
    block.cur.forEach((r, i) => curRuns[i]?.push(benchmarkFrom(id, seriesOf(corpus.rounds[r]?.[variant], series)[workload] as number[])));
  }
  const t = '2026-11-23T00:00:00.000Z';
  return {
    input: {
      baseline: baseRuns.map((b) => runFrom(b, corpus.machine, t)),
      current: curRuns.map((b) => runFrom(b, corpus.machine, t)),
      paired: spec.design === 'paired',
    },
    ...(slowedId ? { slowedId } : {}),
  };
}
