/**
 * Accuracy of the trend room on real noise: synthetic histories of the retention's full length
 * (maxEntries() runs) whose run-to-run noise is the corpus's (research/corpus/data/corpus.jsonl.gz:
 * the per-run locations of its ten workloads over the unchanged runs A and B). A history draws
 * whole runs, in shuffled order: the ten workloads of one corpus run stay together, as the
 * benchmarks of one CI run share its runner (`--independent` shuffles each workload on its own,
 * which removes that common part). Through analyzeTrends as the CLI runs it.
 *   steps    — +5% at run 40, +10% at run 90, −8% at run 130 in 3 of the 10 workloads (a different
 *              3 in each history; `--stepped=N`): per step and stepped workload, how often the
 *              exact commit range (the run before, the step's run) is named, and within ±2 runs;
 *              change points further off are "off 3–10" and "further"; the 7 others must stay quiet;
 *   together — the same steps in all ten workloads (a change that slows everything, or the
 *              runner): how often the runner level's series names them within ±2 runs;
 *   no step  — `trials` step-free histories: the share of series with no change point (goal
 *              ≥ 99%), and the same on contiguous stretches of the corpus in recorded order, where
 *              the machine's own level shifts (load, thermal) are real changes of the runner.
 * Per workload it also prints the between-run noise (sd of the run locations, log space), the
 * same with the runner's level taken out (common-level.ts, over the whole corpus), the within-run
 * standard error of a run's mean (median over runs: what a run's own interval says), and the
 * t-test floor of the noise the search reads: the smallest step the final test can call
 * significant between 40 and 50 runs (t at p × sd × √(1/40 + 1/50)). Deterministic (seeded).
 *
 * Usage: npx tsx research/trend-accuracy.ts [--trials=100] [--p=1e-5] [--window=50] [--series=samples|cpu]
 *          [--stepped=3] [--runner-level=off] [--independent]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLocation } from '../src/compare/location.js';
import { studentTQuantile } from '../src/compare/student-t.js';
import { maxEntries } from '../src/store/index.js';
import { analyzeTrends, type SeriesTrend, type TrendOptions } from '../src/trend/index.js';
import { commonLevel } from '../src/trend/common-level.js';
import type { RunFile } from '../src/model/index.js';
import { loadCorpus, type Series } from './corpus/load.js';
import { rng, shuffle } from './corpus/simulate.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const trials = Number(opt('trials', '100'));
const runnerLevel = opt('runner-level', 'on') !== 'off';
const options: TrendOptions = { pValue: Number(opt('p', '1e-5')), window: Number(opt('window', '50')), runnerLevel };
const stepped = Number(opt('stepped', '3'));
const independent = args.includes('--independent');
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
function history(values: Map<string, number[]>, length = N): RunFile[] {
  return Array.from({ length }, (_, i) => ({
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

/** The noise the search reads: each workload's run locations less its β × the runner's level (over the whole corpus, recorded order). */
const adjustedSd = new Map<string, number>();
{
  const runs = history(noise, noise.values().next().value!.length);
  const raw = corpus.workloads.map((w) => ({
    id: `corpus/${w}`,
    suite: 'corpus',
    name: w,
    unit: 'ns',
    direction: 'smaller' as const,
    points: runs.map((r, i) => ({ run: i, value: r.benchmarks.find((b) => b.name === w)!.value })),
  }));
  const common = commonLevel(raw, runs.length);
  corpus.workloads.forEach((w, k) => {
    const offsets = common?.adjust[k]?.offsets ?? [];
    adjustedSd.set(w, sd(noise.get(w)!.map((v, i) => v / Math.exp(offsets[i] ?? 0))));
  });
}
const searched = (w: string) => (runnerLevel ? adjustedSd.get(w)! : sd(noise.get(w)!));

const stepFactor = (i: number) => STEPS.filter((s) => i >= s.at).reduce((f, s) => f * (1 + s.change), 1);
const rand = rng(2026);
const zeros = () => new Map(corpus.workloads.map((w) => [w, 0]));
const perStep = () => new Map(corpus.workloads.map((w) => [w, STEPS.map(() => 0)]));
const exact = perStep();
const near = perStep();
const steppedRuns = zeros();
const offBy = zeros();
const further = zeros();
const quietBeside = zeros();
const beside = zeros();
const quietShuffled = zeros();
const quietOrdered = zeros();
const togetherNear = STEPS.map(() => 0);
let togetherQuietSeries = 0;
let togetherSeries = 0;
let runnerQuietShuffled = 0;
let runnerQuietOrdered = 0;
let runnerSeen = 0;
/** Step-free shuffled series that report a significant drift (there is none: the runs are shuffled). */
let driftAlarms = 0;
const inc = (m: Map<string, number>, w: string, by = 1) => m.set(w, m.get(w)! + by);
const nearStep = (s: SeriesTrend | undefined, at: number) => !!s?.changePoints.some((c) => Math.abs(c.after.index - at) <= 2);
const total = (noise.values().next().value as number[]).length;
for (let t = 0; t < trials; t++) {
  // Whole runs drawn in shuffled order (the workloads of a run together), or each workload alone.
  const order = shuffle(
    Array.from({ length: total }, (_, i) => i),
    rand,
  ).slice(0, N);
  const drawn = new Map([...noise].map(([w, v]) => [w, independent ? shuffle(v, rand).slice(0, N) : order.map((i) => v[i] as number)]));
  const stepsIn = new Set(corpus.workloads.filter((_, k) => (k + t) % corpus.workloads.length < stepped));
  const withSteps = new Map([...drawn].map(([w, v]) => [w, stepsIn.has(w) ? v.map((x, i) => x * stepFactor(i)) : v]));
  const offset = Math.floor(rand() * (total - N + 1));
  const ordered = new Map([...noise].map(([w, v]) => [w, v.slice(offset, offset + N)]));
  for (const s of analyzeTrends({ runs: history(withSteps), options }).series) {
    const w = s.name;
    if (!stepsIn.has(w)) {
      inc(beside, w);
      if (!s.changePoints.length) inc(quietBeside, w);
      continue;
    }
    inc(steppedRuns, w);
    STEPS.forEach((step, k) => {
      if (s.changePoints.some((c) => c.before.index === step.at - 1 && c.after.index === step.at)) exact.get(w)![k]!++;
      if (nearStep(s, step.at)) near.get(w)![k]!++;
    });
    const off = s.changePoints.map((c) => Math.min(...STEPS.map((st) => Math.abs(c.after.index - st.at))));
    inc(offBy, w, off.filter((d) => d > 2 && d <= 10).length);
    inc(further, w, off.filter((d) => d > 10).length);
  }
  const quiet = analyzeTrends({ runs: history(drawn), options });
  for (const s of quiet.series) {
    if (!s.changePoints.length) inc(quietShuffled, s.name);
    if (s.drift?.significant) driftAlarms++;
  }
  const recorded = analyzeTrends({ runs: history(ordered), options });
  for (const s of recorded.series) if (!s.changePoints.length) inc(quietOrdered, s.name);
  if (quiet.runnerLevel) {
    runnerSeen++;
    if (!quiet.runnerLevel.changePoints.length) runnerQuietShuffled++;
    if (!recorded.runnerLevel?.changePoints.length) runnerQuietOrdered++;
  }
  if (runnerLevel && t % 4 === 0) {
    const all = analyzeTrends({ runs: history(new Map([...drawn].map(([w, v]) => [w, v.map((x, i) => x * stepFactor(i))]))), options });
    STEPS.forEach((step, k) => {
      if (nearStep(all.runnerLevel, step.at)) togetherNear[k]!++;
    });
    togetherSeries += all.series.length;
    togetherQuietSeries += all.series.filter((s) => !s.changePoints.length).length;
  }
}

console.log(
  `trend accuracy: ${trials} histories of ${N} runs, corpus ${series} noise (${independent ? 'each workload shuffled alone' : 'whole runs shuffled'}), p < ${options.pValue}, window ${options.window}, runner level ${runnerLevel ? 'taken out' : 'left in'}`,
);
console.log(
  `steps: ${STEPS.map((s) => `${s.change > 0 ? '+' : ''}${pct(s.change)} at run ${s.at}`).join(', ')} in ${stepped} of ${corpus.workloads.length} workloads per history; "exact" = the commit range (run before, step run) named; "±2" = a change point within 2 runs`,
);
console.log('');
console.log(
  `${'workload'.padEnd(16)} ${'noise sd'.padStart(8)} ${'less runner'.padStart(11)} ${'run SE'.padStart(6)} ${'floor'.padStart(6)}  ${STEPS.map((s) => `${pct(s.change).padStart(6)} exact/±2`).join('  ')}  off 3–10 / further  quiet: beside steps / no step (shuffled / recorded order)`,
);
const totals = STEPS.map(() => ({ exact: 0, near: 0 }));
let stepTotal = 0;
for (const w of corpus.workloads) {
  const e = exact.get(w)!;
  const nr = near.get(w)!;
  const n = steppedRuns.get(w)!;
  stepTotal += n;
  STEPS.forEach((_, k) => {
    totals[k]!.exact += e[k]!;
    totals[k]!.near += nr[k]!;
  });
  const cells = STEPS.map((_, k) => `${pct(e[k]! / n).padStart(6)} / ${pct(nr[k]! / n).padStart(6)}`).join('  ');
  console.log(
    `${w.padEnd(16)} ${pct(sd(noise.get(w)!)).padStart(8)} ${pct(adjustedSd.get(w)!).padStart(11)} ${pct(runSe.get(w)!).padStart(6)} ${pct(floor(searched(w))).padStart(6)}  ${cells}  ${`${offBy.get(w)} / ${further.get(w)}`.padStart(18)}  ${pct(quietBeside.get(w)! / beside.get(w)!)} / ${pct(quietShuffled.get(w)! / trials)} / ${pct(quietOrdered.get(w)! / trials)}`,
  );
}
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
console.log(
  `${'all'.padEnd(16)} ${''.padStart(34)}  ${totals.map((x) => `${pct(x.exact / stepTotal).padStart(6)} / ${pct(x.near / stepTotal).padStart(6)}`).join('  ')}`,
);
console.log('');
const all = trials * corpus.workloads.length;
console.log(
  `no-step series with no change point reported: ${sum(quietShuffled)} of ${all} (${pct(sum(quietShuffled) / all)}; goal ≥ 99%) shuffled; ${sum(quietOrdered)} of ${all} (${pct(sum(quietOrdered) / all)}) in recorded order; beside stepped workloads ${sum(quietBeside)} of ${sum(beside)} (${pct(sum(quietBeside) / sum(beside))})`,
);
console.log(`no-step series with a significant drift reported: ${driftAlarms} of ${all} (${pct(driftAlarms / all)})`);
if (runnerSeen)
  console.log(
    `runner level (its own series): quiet in ${runnerQuietShuffled} of ${runnerSeen} step-free shuffled histories (${pct(runnerQuietShuffled / runnerSeen)}), ${runnerQuietOrdered} of ${runnerSeen} in recorded order (${pct(runnerQuietOrdered / runnerSeen)}, where the machine's level shifts)`,
  );
if (togetherSeries) {
  const h = Math.ceil(trials / 4);
  console.log(
    `steps in all ${corpus.workloads.length} workloads together (${h} histories): the runner level names them within ±2 runs in ${STEPS.map((s, k) => `${pct(togetherNear[k]! / h)} (${s.change > 0 ? '+' : ''}${pct(s.change)})`).join(', ')}; ${togetherQuietSeries} of ${togetherSeries} workload series (${pct(togetherQuietSeries / togetherSeries)}) show no change point of their own`,
  );
}
