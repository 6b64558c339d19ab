/**
 * Accuracy of `measure: "instructions"` end to end: records an instruction-count corpus with the
 * product's own runner (the built CLI's `benchmark`: each run a suite under Valgrind callgrind, the
 * worker's warm-up, gc(), re-warm and client-request regions) for the corpus workloads and their variants — +1%, +2%, +3%, +5%
 * more work, and unrelated code changed (research/instructions-variants.ts) — several processes
 * per variant, then replays it through the real compare engine in the history design (a baseline
 * history of unchanged runs, one PR run) and prints:
 *   - per variant, the instruction change it really made (against the unchanged runs' mean) and
 *     the run-to-run spread of its repeats (max relative difference of a benchmark's counts);
 *   - unchanged PRs (a repeat of the unchanged code, or the unrelated-code variant) flagged
 *     (any regression or improvement), with 6 and 50 benchmarks;
 *   - the share of slowed benchmarks flagged as regressions, per variant and per class of true
 *     instruction change.
 * Processes run in parallel (counts do not feel the load). Deterministic replay (seeded).
 * Needs `npm run build` (it runs dist/cli.js) and Valgrind.
 *
 * Usage: npx tsx research/instructions-accuracy.ts [--quick] [--history=3] [--parallel=N] [--trials=N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COUNT_DEFAULTS } from '../src/bench/tinybench-count.js';
import { compareRuns } from '../src/compare/index.js';
import type { Config } from '../src/config/types.js';
import type { BenchmarkResult, RunFile } from '../src/model/index.js';
import { rng, shuffle } from './corpus/simulate.js';
import { slug, UNCHANGED, VARIANTS, WORKLOAD_NAMES, writeVariant, type Variant } from './instructions-variants.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const quick = args.includes('--quick');
const HISTORY = Number(opt('history', '3'));
/** Unchanged runs: the history plus spares, so an unchanged PR's run is never one of its baseline's. */
const BASE_RUNS = HISTORY + (quick ? 1 : 3);
const VARIANT_RUNS = quick ? 1 : 2;
const PARALLEL = Number(opt('parallel', String(os.availableParallelism())));
const TRIALS = Number(opt('trials', quick ? '200' : '1000'));
const SIZES = [6, 50];

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
if (!existsSync(CLI)) throw new Error('npm run build first: the bench runs the built CLI');
const dir = mkdtempSync(join(os.tmpdir(), 'tp-instr-accuracy-'));
const files = new Map(VARIANTS.map((v) => [v.label, writeVariant(dir, v)]));

/**
 * Every counted run as a suite of one config, run by the built CLI (dist/cli.js: the bundled
 * worker, no TypeScript loader under Valgrind), `instructions.parallel` processes at once.
 */
function recordAll(plan: readonly Variant[]): RunFile[] {
  const names = plan.map((v, i) => `r${i}-${slug(v)}`);
  const config: Config = {
    measure: 'instructions',
    instructions: { parallel: PARALLEL },
    // The product's defaults: warm-up, gc(), re-warm, COUNT_DEFAULTS.iterations counted calls.
    suites: plan.map((v, i) => ({ name: names[i]!, tinybench: files.get(v.label)! })),
  };
  writeFileSync(join(dir, 'performance-tracker.json'), JSON.stringify(config));
  const r = spawnSync(process.execPath, [CLI, 'benchmark', '--out', 'run.json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`dist/cli.js benchmark failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const progress = r.stderr.split('\n').filter((l) => l.includes('⧗'));
  console.log(`The CLI's progress lines (${progress.length}), first and last:\n${progress[0]}\n${progress.at(-1)}`);
  const all = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RunFile;
  if (all.errors?.length) throw new Error(all.errors.map((e) => e.message).join('; '));
  // One run file per suite, as if each had been its own run of the unchanged project or a PR.
  return names.map((name) => ({ ...all, benchmarks: all.benchmarks.filter((b) => b.suite === name) }));
}

/** Workload → instructions per call, from a run. */
const countsOf = (run: RunFile) => new Map(run.benchmarks.map((b) => [b.name.replace(/ \[instructions\]$/, ''), b]));

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`;
const loadBefore = load();
const started = performance.now();
const plan = VARIANTS.flatMap((v) => Array.from({ length: v === UNCHANGED ? BASE_RUNS : VARIANT_RUNS }, () => v));
console.log(
  `Recording: ${plan.length} counted processes (${BASE_RUNS} unchanged, ${VARIANT_RUNS} per variant), ${WORKLOAD_NAMES.length} workloads each, ${COUNT_DEFAULTS.iterations} counted calls per task, ${PARALLEL} at once; ${os.cpus().length} CPUs, load average ${loadBefore} (1/5/15 min).`,
);
const recorded = recordAll(plan);
const wall = (performance.now() - started) / 1000;
const runsOf = new Map(VARIANTS.map((v) => [v.label, recorded.filter((_, i) => plan[i] === v).map(countsOf)]));
console.log(`Recorded in ${wall.toFixed(0)} s wall (${(wall / plan.length).toFixed(1)} s per process); load average after: ${load()}.\n`);

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const valuesOf = (label: string, w: string) => runsOf.get(label)!.map((m) => m.get(w)!.value);
/** A variant's true instruction change per workload: its runs' mean over the unchanged runs' mean. */
const trueChange = (label: string, w: string) => mean(valuesOf(label, w)) / mean(valuesOf(UNCHANGED.label, w)) - 1;
/** Max relative difference between the repeats of a variant, over its workloads, and that workload. */
const spread = (label: string) =>
  WORKLOAD_NAMES.map((w) => {
    const xs = valuesOf(label, w);
    return { w, d: Math.max(...xs) / Math.min(...xs) - 1 };
  }).reduce((a, b) => (b.d > a.d ? b : a));

console.log(
  '| variant | processes | instruction change vs unchanged (min … max over workloads) | run-to-run spread (max relative difference) |',
);
console.log('| :-- | --: | :-- | --: |');
for (const v of VARIANTS) {
  const changes = WORKLOAD_NAMES.map((w) => trueChange(v.label, w));
  const n = runsOf.get(v.label)!.length;
  console.log(
    `| ${v.label} | ${n} | ${pct(Math.min(...changes), 3)} … ${pct(Math.max(...changes), 3)} | ${n > 1 ? `${pct(spread(v.label).d, 4)} (${spread(v.label).w})` : '(1 run)'} |`,
  );
}

/** A simulated PR: `HISTORY` unchanged runs as the baseline, one run of `v` as the current one, `size` benchmarks. */
function simulate(v: Variant, size: number, rand: () => number): { baseline: RunFile[]; current: RunFile[] } {
  const base = runsOf.get(UNCHANGED.label)!;
  const cur = runsOf.get(v.label)!;
  const baseline: BenchmarkResult[][] = Array.from({ length: HISTORY }, () => []);
  const current: BenchmarkResult[] = [];
  const rename = (b: BenchmarkResult, block: number): BenchmarkResult => ({ ...b, id: `b${block}/${b.name}`, suite: `b${block}` });
  for (let block = 0; block * WORKLOAD_NAMES.length < size; block++) {
    // Blocks of benchmarks beyond the workloads draw their own runs, as separate suites would.
    const order = shuffle(
      base.map((_, i) => i),
      rand,
    );
    const history = order.slice(0, HISTORY);
    const c = v === UNCHANGED ? (order[HISTORY] as number) : Math.floor(rand() * cur.length);
    const names = shuffle(WORKLOAD_NAMES, rand).slice(0, Math.min(WORKLOAD_NAMES.length, size - block * WORKLOAD_NAMES.length));
    for (const w of names) {
      history.forEach((r, i) => baseline[i]!.push(rename(base[r]!.get(w)!, block)));
      current.push(rename(cur[c]!.get(w)!, block));
    }
  }
  const machine = recorded[0]!.machine;
  const t = recorded[0]!.timestamp;
  const file = (benchmarks: BenchmarkResult[]): RunFile => ({
    schemaVersion: 1,
    tool: 'track-performance',
    timestamp: t,
    machine,
    benchmarks,
  });
  return { baseline: baseline.map(file), current: [file(current)] };
}

const rand = rng(15);
const flagged = (verdict: string) => verdict === 'regression' || verdict === 'improvement';
console.log(`\nReplayed through compareRuns, history design (${HISTORY} baseline runs, 1 PR run), ${TRIALS} simulated PRs per row.`);
console.log('| PR | benchmarks | PRs with any benchmark flagged | verdicts of its benchmarks |');
console.log('| :-- | --: | --: | :-- |');
for (const v of VARIANTS.filter((x) => x.factor === 1)) {
  for (const size of SIZES) {
    let prs = 0;
    const verdicts = new Map<string, number>();
    for (let t = 0; t < TRIALS; t++) {
      const report = compareRuns(simulate(v, size, rand));
      if (report.benchmarks.some((b) => flagged(b.verdict))) prs++;
      for (const b of report.benchmarks) verdicts.set(b.verdict, (verdicts.get(b.verdict) ?? 0) + 1);
    }
    const total = TRIALS * size;
    const words = [...verdicts].map(([k, n]) => `${k} ${pct(n / total, 1)}`).join(', ');
    console.log(`| ${v.label} | ${size} | ${pct(prs / TRIALS, 1)} | ${words} |`);
  }
}

/** Slowed benchmarks flagged, per variant and per class of true instruction change. */
const byClass = new Map<string, { hit: number; n: number }>();
const classOf = (change: number) => (change < 0.01 ? '< 1%' : change < 0.02 ? '1–2%' : '≥ 2%');
console.log('\n| PR | slowed benchmarks flagged as regressions (6-benchmark PRs) | otherwise |');
console.log('| :-- | --: | :-- |');
for (const v of VARIANTS.filter((x) => x.factor > 1)) {
  let hit = 0;
  let n = 0;
  const other = new Map<string, number>();
  for (let t = 0; t < TRIALS; t++) {
    for (const b of compareRuns(simulate(v, 6, rand)).benchmarks) {
      const key = classOf(trueChange(v.label, b.name.replace(/ \[instructions\]$/, '')));
      const cls = byClass.get(key) ?? { hit: 0, n: 0 };
      byClass.set(key, cls);
      n++;
      cls.n++;
      if (b.verdict === 'regression') {
        hit++;
        cls.hit++;
      } else other.set(b.verdict, (other.get(b.verdict) ?? 0) + 1);
    }
  }
  console.log(`| ${v.label} | ${pct(hit / n, 1)} | ${[...other].map(([k, c]) => `${k} ${pct(c / n, 1)}`).join(', ') || '—'} |`);
}
console.log('\n| true instruction change | benchmarks | flagged as regressions |');
console.log('| :-- | --: | --: |');
for (const cls of ['< 1%', '1–2%', '≥ 2%']) {
  const c = byClass.get(cls);
  if (c) console.log(`| ${cls} | ${c.n} | ${pct(c.hit / c.n, 1)} |`);
}
console.log(`\n(variant suites: ${VARIANTS.map(slug).join(', ')}; minimum effect for counts: the default 1%)`);
rmSync(dir, { recursive: true, force: true });
