/**
 * False-alarm and detection rates of the scaling comparison on a pull request
 * (src/compare/scaling-runs.ts → scaling-changes.ts: speedup at N, σ and κ against the
 * baseline's sweep). Each trial makes two synthetic sweeps — the baseline and the PR — and runs
 * them through compareScaling exactly as the action does; a trial is a false alarm when the two
 * sweeps come from the same curve and any of the three rows says `regression` (a false
 * `improvement` is counted apart), and a detection when the PR's curve has the larger σ and a row
 * says `regression`.
 *
 * Noise (lognormal, multiplicative), per sweep (see `noises`):
 * - per repeat;
 * - a shift of the whole sweep (the PR's runner or process is slower or faster);
 * - an offset per level that the level's repeats share (a neighbour's load during one level's
 *   runs, which interleaving spreads but does not cancel): the stress test, since the fit's
 *   within-run intervals cannot see that noise.
 * Deterministic (seeded).
 *
 * Usage: npx tsx research/scaling-false-alarms.ts [--trials=N] [--log-sd=s]
 */
import { markdownTable } from 'markdown-table';
import { analyseRecord, configuredN } from '../src/compare/scaling-runs.js';
import { scalingChanges } from '../src/compare/scaling-changes.js';
import { DEFAULT_MIN_EFFECT } from '../src/config/min-effect.js';
import { uslThroughput, type UslParams } from '../src/compare/scaling/index.js';
import type { ScalingSuite } from '../src/config/types.js';
import type { RunFile, ScalingAnalysis } from '../src/model/index.js';
import { syntheticSetup } from './scaling-noise.js';

const { trials, logSd, logSdSource, gauss } = syntheticSetup(20261202, 1000);

interface Noise {
  label: string;
  /** Log-SD per repeat. */
  repeat: number;
  /** Log-SD of a shift of the whole sweep. */
  shift: number;
  /** Log-SD of an offset per level and sweep that its repeats share. */
  level: number;
}
/**
 * A command sweep: every repeat its own process, so the corpus's between-run noise per repeat. A
 * tinybench sweep: every level in one process, so the within-process noise per repeat (1–3% here,
 * DESIGN.md; 2% used) and the between-process noise as a shift of the whole sweep (8–11%; 10% used).
 */
const noises: Noise[] = [
  { label: `command: repeats ${(100 * logSd).toFixed(1)}%`, repeat: logSd, shift: 0, level: 0 },
  { label: `command: repeats ${(100 * logSd).toFixed(1)}% + level 5%`, repeat: logSd, shift: 0, level: 0.05 },
  { label: 'tinybench: repeats 2% + shift 10%', repeat: 0.02, shift: 0.1, level: 0 },
  { label: 'tinybench: repeats 2% + shift 10% + level 2%', repeat: 0.02, shift: 0.1, level: 0.02 },
];
const levels = [1, 2, 4, 8, 16, 32];
const repeats = 3;
const truths: Array<{ label: string; base: UslParams; worse: UslParams }> = [
  {
    label: 'Amdahl σ 0.05 → 0.10',
    base: { lambda: 100, sigma: 0.05, kappa: 0 },
    worse: { lambda: 100, sigma: 0.1, kappa: 0 },
  },
  {
    label: 'USL σ 0.02 → 0.04, κ 0.0005',
    base: { lambda: 100, sigma: 0.02, kappa: 0.0005 },
    worse: { lambda: 100, sigma: 0.04, kappa: 0.0005 },
  },
  {
    label: 'USL σ 0.05 → 0.10, κ 0.002',
    base: { lambda: 100, sigma: 0.05, kappa: 0.002 },
    worse: { lambda: 100, sigma: 0.1, kappa: 0.002 },
  },
];
// A speedup target at 16 (the configured N of the comparison).
const suite: ScalingSuite = { name: 'sweep', command: 'x {N}', levels, targets: { speedup: { at: 16, min: 1 } } };

function run(p: UslParams, noise: Noise): RunFile {
  const shift = noise.shift * gauss();
  const sweepLevels = levels.map((n) => {
    const offset = noise.level * gauss();
    return {
      n,
      throughputs: Array.from({ length: repeats }, () => uslThroughput(p, n) * Math.exp(shift + offset + noise.repeat * gauss())),
    };
  });
  // compareScaling reads only `scaling` of a run.
  return { scaling: [{ suite: suite.name, command: suite.command!, unit: 'ops', levels: sweepLevels }] } as unknown as RunFile;
}

const ctx = { suite: suite.name, at: configuredN(suite)!, minEffect: () => DEFAULT_MIN_EFFECT };

/** The rows of the PR comparison (scalingChanges, as compareScaling calls it) that came out `regression` / `improvement`. */
function verdicts(base: ScalingAnalysis, head: RunFile): { regressed: string[]; improved: string[] } {
  const rows = scalingChanges(ctx, analyseRecord(head.scaling![0]!, suite), base);
  return {
    regressed: rows.filter((b) => b.verdict === 'regression').map((b) => b.name),
    improved: rows.filter((b) => b.verdict === 'improvement').map((b) => b.name),
  };
}

const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1)}%`;
const rows: string[][] = [];
const started = performance.now();
for (const t of truths) {
  for (const noise of noises) {
    let falseAlarm = 0;
    let falseImprovement = 0;
    let detected = 0;
    let bySpeedup = 0;
    for (let i = 0; i < trials; i++) {
      const base = analyseRecord(run(t.base, noise).scaling![0]!, suite);
      const same = verdicts(base, run(t.base, noise));
      if (same.regressed.length > 0) falseAlarm++;
      if (same.improved.length > 0) falseImprovement++;
      const worse = verdicts(base, run(t.worse, noise));
      if (worse.regressed.length > 0) detected++;
      if (worse.regressed.some((n) => n.startsWith('speedup'))) bySpeedup++;
    }
    const drop = 1 - uslThroughput(t.worse, 16) / uslThroughput(t.base, 16);
    rows.push([
      t.label,
      `${(100 * drop).toFixed(0)}%`,
      noise.label,
      pct(falseAlarm, trials),
      pct(falseImprovement, trials),
      pct(detected, trials),
      pct(bySpeedup, trials),
    ]);
  }
}

console.log(
  `Scaling comparison on a PR: ${trials} baseline/PR pairs per row; levels ${levels.join(', ')} × ${repeats} repeats; configured N = 16; minimum effect 3% (the default).`,
);
console.log(
  `Noise lognormal (log-SDs): a command sweep's repeats ${logSd.toFixed(3)} ${logSdSource}; a tinybench sweep's repeats 0.02 and a shift of the whole sweep 0.10; "level x%": an offset per level and sweep that its repeats share.`,
);
console.log(
  'False alarm: same curve on both sides, any of the three rows (speedup at 16, σ, κ) a regression. Detection: the PR has the larger σ, any row a regression.\n',
);
const head = ['curve (base → PR)', 'speedup drop at 16', 'noise', 'false alarms', 'false improvements', 'detected', 'by the speedup row'];
console.log(markdownTable([head, ...rows]));
console.log(`\n${(2 * trials * rows.length).toLocaleString('en')} comparisons in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
