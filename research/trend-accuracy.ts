/**
 * Accuracy of the trend room on real noise: synthetic histories of the retention's full length
 * (maxEntries() runs) whose run-to-run noise is the corpus's (research/corpus/data/corpus.jsonl.gz:
 * each workload's per-run locations over its unchanged runs A and B, in shuffled order), through
 * analyzeTrends as the CLI runs it (anomalies left out, then change points).
 *   steps    — +5% at run 40, +10% at run 90, −8% at run 130: per step and workload, how often the
 *              exact commit range (the run before, the step's run) is named, and within ±2 runs;
 *              Change points further off are counted as "off 3–10" and "further" runs;
 *   no step  — 1,000 series (100 per workload): the share with no change point reported (goal
 *              ≥ 99%), and the same on contiguous stretches of the corpus in recorded order, where
 *              the machine's own level shifts (load, thermal) are real changes.
 * Per workload it also prints the between-run noise (sd of the run locations, log space), the
 * within-run standard error of a run's mean (median over runs: what a run's own interval says),
 * and the t-test floor: the smallest step the final test can call significant between 40 and 50
 * runs of that noise (t at p × sd × √(1/40 + 1/50)), the physics no split strategy gets under.
 * Deterministic (seeded).
 *
 * Usage: npx tsx research/trend-accuracy.ts [--trials=100] [--p=1e-5] [--window=50] [--series=samples|cpu]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLocation } from '../src/compare/location.js';
import { studentTQuantile } from '../src/compare/student-t.js';
import { maxEntries } from '../src/store/index.js';
import { analyzeTrends, type TrendOptions } from '../src/trend/index.js';
import type { RunFile } from '../src/model/index.js';
import { loadCorpus, type Series } from './corpus/load.js';
import { rng, shuffle } from './corpus/simulate.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const trials = Number(opt('trials', '100'));
const options: TrendOptions = { pValue: Number(opt('p', '1e-5')), window: Number(opt('window', '50')) };
const series = opt('series', 'samples') as Series;
const N = maxEntries();
const STEPS: Array<{ at: number; change: number }> = [
  { at: 40, change: 0.05 },
  { at: 90, change: 0.1 },
  { at: 130, change: -0.08 },
];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Standard deviation of the logs of `v`. */
const sd = (v: number[]) => {
  const l = v.map(Math.log);
  const m = l.reduce((a, b) => a + b, 0) / l.length;
  return Math.sqrt(l.reduce((a, b) => a + (b - m) ** 2, 0) / (l.length - 1));
};
const floor = (noiseSd: number) => Math.expm1(studentTQuantile(1 - options.pValue! / 2, 88) * noiseSd * Math.sqrt(1 / 40 + 1 / 50));

const corpus = loadCorpus(join(here, 'corpus', 'data', 'corpus.jsonl.gz'));
/** Per workload: the location of every unchanged run, in recorded order. */
const noise = new Map<string, number[]>();
/** Per workload: the median within-run standard error of a run's log mean, sd / √n. */
const runSe = new Map<string, number>();
for (const w of corpus.workloads) {
  const values: number[] = [];
  const se: number[] = [];
  for (const round of corpus.rounds)
    for (const v of ['A', 'B']) {
      const samples = round[v]![series][w]!;
      values.push(runLocation({ samples, value: NaN, direction: 'smaller' }, false, 'mean-rate').value);
      se.push(sd(samples) / Math.sqrt(samples.length));
    }
  noise.set(w, values);
  runSe.set(w, se.sort((a, b) => a - b)[Math.floor(se.length / 2)]!);
}

/** A history: run i of every workload's series, at commit c<i>, an hour apart. */
function history(values: Map<string, number[]>): RunFile[] {
  return Array.from({ length: N }, (_, i) => ({
    schemaVersion: 1,
    tool: 'track-performance',
    commit: `c${i}`,
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 36e5).toISOString(),
    benchmarks: [...values].map(([w, v]) => {
      const value = v[i] as number;
      return {
        id: `corpus/${w}`,
        suite: 'corpus',
        name: w,
        unit: 'ns',
        direction: 'smaller',
        value,
        stats: { n: 1, mean: value, median: value, min: value, max: value, stdev: 0 },
      };
    }),
  }));
}

const stepFactor = (i: number) => STEPS.filter((s) => i >= s.at).reduce((f, s) => f * (1 + s.change), 1);
const rand = rng(2026);
const exact = new Map<string, number[]>();
const near = new Map<string, number[]>();
const offBy = new Map<string, number>();
const further = new Map<string, number>();
const quietShuffled = new Map<string, number>();
const quietOrdered = new Map<string, number>();
for (const w of corpus.workloads) {
  exact.set(
    w,
    STEPS.map(() => 0),
  );
  near.set(
    w,
    STEPS.map(() => 0),
  );
  offBy.set(w, 0);
  further.set(w, 0);
  quietShuffled.set(w, 0);
  quietOrdered.set(w, 0);
}
for (let t = 0; t < trials; t++) {
  const drawn = new Map([...noise].map(([w, v]) => [w, shuffle(v, rand).slice(0, N)]));
  const stepped = new Map([...drawn].map(([w, v]) => [w, v.map((x, i) => x * stepFactor(i))]));
  const offset = Math.floor(rand() * ((noise.values().next().value as number[]).length - N + 1));
  const ordered = new Map([...noise].map(([w, v]) => [w, v.slice(offset, offset + N)]));
  for (const s of analyzeTrends({ runs: history(stepped), options }).series) {
    const w = s.name;
    STEPS.forEach((step, k) => {
      if (s.changePoints.some((c) => c.before.index === step.at - 1 && c.after.index === step.at)) exact.get(w)![k]!++;
      if (s.changePoints.some((c) => Math.abs(c.after.index - step.at) <= 2)) near.get(w)![k]!++;
    });
    const off = s.changePoints.map((c) => Math.min(...STEPS.map((st) => Math.abs(c.after.index - st.at))));
    offBy.set(w, offBy.get(w)! + off.filter((d) => d > 2 && d <= 10).length);
    further.set(w, further.get(w)! + off.filter((d) => d > 10).length);
  }
  for (const s of analyzeTrends({ runs: history(drawn), options }).series)
    if (!s.changePoints.length) quietShuffled.set(s.name, quietShuffled.get(s.name)! + 1);
  for (const s of analyzeTrends({ runs: history(ordered), options }).series)
    if (!s.changePoints.length) quietOrdered.set(s.name, quietOrdered.get(s.name)! + 1);
}

console.log(
  `trend accuracy: ${trials} histories of ${N} runs per workload, corpus ${series} noise, p < ${options.pValue}, window ${options.window}`,
);
console.log(
  `steps: ${STEPS.map((s) => `${s.change > 0 ? '+' : ''}${pct(s.change)} at run ${s.at}`).join(', ')}; "exact" = the commit range (run before, step run) named; "±2" = a change point within 2 runs`,
);
console.log('');
console.log(
  `${'workload'.padEnd(16)} ${'noise sd'.padStart(8)} ${'run SE'.padStart(6)} ${'floor'.padStart(6)}  ${STEPS.map((s) => `${pct(s.change).padStart(6)} exact/±2`).join('  ')}  off 3–10 / further  no-step quiet (shuffled / recorded order)`,
);
let quietTotal = 0;
let quietOrderTotal = 0;
const totals = STEPS.map(() => ({ exact: 0, near: 0 }));
for (const w of corpus.workloads) {
  const e = exact.get(w)!;
  const nr = near.get(w)!;
  STEPS.forEach((_, k) => {
    totals[k]!.exact += e[k]!;
    totals[k]!.near += nr[k]!;
  });
  quietTotal += quietShuffled.get(w)!;
  quietOrderTotal += quietOrdered.get(w)!;
  const cells = STEPS.map((_, k) => `${pct(e[k]! / trials).padStart(6)} / ${pct(nr[k]! / trials).padStart(6)}`).join('  ');
  console.log(
    `${w.padEnd(16)} ${pct(sd(noise.get(w)!)).padStart(8)} ${pct(runSe.get(w)!).padStart(6)} ${pct(floor(sd(noise.get(w)!))).padStart(6)}  ${cells}  ${`${offBy.get(w)} / ${further.get(w)}`.padStart(18)}  ${pct(quietShuffled.get(w)! / trials)} / ${pct(quietOrdered.get(w)! / trials)}`,
  );
}
const all = trials * corpus.workloads.length;
console.log(
  `${'all'.padEnd(16)} ${''.padStart(22)}  ${totals.map((x) => `${pct(x.exact / all).padStart(6)} / ${pct(x.near / all).padStart(6)}`).join('  ')}`,
);
console.log('');
console.log(
  `no-step series with no change point reported: ${quietTotal} of ${all} (${pct(quietTotal / all)}; goal ≥ 99%) shuffled; ${quietOrderTotal} of ${all} (${pct(quietOrderTotal / all)}) in recorded order`,
);
