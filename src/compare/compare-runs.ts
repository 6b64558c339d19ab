/**
 * The statistics engine: baseline and current run files in, a Report out. Pure — no I/O.
 *
 * Per benchmark, the run is the unit: each run's location (the mean rate of its samples, or with
 * compare.location their median or best sample) is taken in log space, and the design decides
 * the test — paired t on per-pair log ratios, a two-sample t over a history of runs, or a z test
 * with a between-run noise floor for one run each. Two-sided p-values are corrected suite-wide with Holm's method, and a change must also
 * reach the minimum effect to count. See docs/verdicts.md.
 */
import type { CompareConfig, ScalingSuite, SpeedupTarget, ThresholdConfig } from '../config/types.js';
import type { BenchmarkComparison, BenchmarkResult, BenchmarkVerdict, Design, LocationStatistic, Report, RunFile } from '../model/index.js';
import { estimateBenchmark, type Pending } from './benchmark.js';
import { derive, type Estimate } from './estimate.js';
import { finish } from './finish.js';
import { holmAdjust } from './holm.js';
import { DEFAULT_MACHINE_NOISE, runMachineDifferences } from './machine.js';
import { DEFAULT_NOISE_FLOOR } from './single.js';
import { markNotMeasured } from './not-measured.js';
import { verdictOf } from './gate.js';
import { fitVariancePrior, moderateVariance, type VariancePrior } from './moderate.js';
import { checkSpeedup } from './speedup.js';
import { checkThresholds } from './thresholds.js';
import { compareScaling } from './scaling-runs.js';
import { COUNT_NOISE_FLOOR, countNotes, isCounted, toolchainWarnings, unitOf } from './deterministic.js';

/** Default statistic that stands for a run (compare.location). */
export const DEFAULT_LOCATION: LocationStatistic = 'mean-rate';

const LOCATION_TEXT: Record<LocationStatistic, string> = {
  'mean-rate': 'run mean rates (harmonic mean of times, mean of throughputs)',
  median: 'run medians',
  best: "run bests (each run's best sample)",
};

/**
 * Default suite-wide false-alarm rate. 0.02, not the customary 0.05: a gate is judged by the
 * share of unchanged PRs it fails, and on the first accuracy corpus 0.05 let the history design fail
 * 3.4% of unchanged 6-benchmark PRs (heavy-tailed run-to-run noise); 0.02 keeps every design
 * at or under 2% (README, "Accuracy, measured").
 */
export const DEFAULT_ALPHA = 0.02;

export interface CompareInput {
  /** Oldest first; 1 run = single design, ≥ 2 = history design (the last `config.history` are used). */
  baseline: RunFile[];
  /** Usually 1; more when the suites were run several times. */
  current: RunFile[];
  /** The i-th baseline and i-th current run were measured side by side (A/B). */
  paired?: boolean;
  config?: CompareConfig;
  /** Suite name → minEffect (from suites[].minEffect). */
  suiteMinEffect?: Record<string, number>;
  targets?: SpeedupTarget[];
  thresholds?: ThresholdConfig[];
  /** The config's scaling suites: their efficiency floors and targets for the runs' sweeps. */
  scaling?: ScalingSuite[];
  /** Between-run noise floor (log-scale SD per run) for the single design; default DEFAULT_NOISE_FLOOR. */
  noiseFloor?: number;
  /** Extra log-scale SD when baseline and current machines differ; default DEFAULT_MACHINE_NOISE. */
  machineNoise?: number;
  /** false: plain paired t tests, no moderation across benchmarks (the accuracy bench compares both). */
  moderate?: boolean;
  /** Where the baseline came from, carried into `report.baseline` for every renderer (the fork companion too). */
  baselineFrom?: { from: string; branch?: string };
}

const VERDICTS: BenchmarkVerdict[] = ['regression', 'improvement', 'unchanged', 'inconclusive', 'new', 'missing', 'error'];

function chooseDesign(input: CompareInput, baseline: RunFile[], warnings: string[]): Design {
  if (input.paired) {
    if (input.baseline.length === input.current.length && input.current.length > 0) return 'paired';
    warnings.push(
      `Paired comparison asked for, but there are ${input.baseline.length} baseline and ${input.current.length} current runs (they must be equal); compared as unpaired runs instead.`,
    );
  }
  return baseline.length >= 2 ? 'history' : 'single';
}

function byId(runs: readonly RunFile[]): Array<Map<string, BenchmarkResult>> {
  return runs.map((r) => new Map(r.benchmarks.map((b) => [b.id, b])));
}

function runInfo(runs: readonly RunFile[]): Report['current'] {
  const last = runs[runs.length - 1];
  return { commit: last?.commit, timestamp: last?.timestamp, runs: runs.length, machine: last?.machine };
}

function methodText(
  design: Design,
  tests: number,
  alpha: number,
  noiseFloor: number,
  location: LocationStatistic,
  prior: VariancePrior | undefined,
): string {
  if (tests === 0) return 'nothing to test: no benchmark was measured on both sides with a spread to test against.';
  const of = LOCATION_TEXT[location];
  const moderated = prior
    ? `, each benchmark's variance moderated toward the suite's (empirical Bayes, ${Number.isFinite(prior.df) ? `${prior.df.toFixed(1)} prior df` : 'fully pooled'})`
    : '';
  const test =
    design === 'paired'
      ? `paired Student t tests on per-pair log ratios of ${of}${moderated}`
      : design === 'history'
        ? `two-sample Student t tests on log ${of} (between-run spread from the runs)`
        : `z tests on the log ratio of ${of} with an assumed between-run noise of ${(noiseFloor * 100).toFixed(1)}% per run`;
  return `${test}; Holm–Bonferroni correction over ${tests} benchmark test(s) at α = ${alpha} (family-wise error rate), ${+((1 - alpha) * 100).toFixed(2)}% intervals; a change must also reach the minimum effect.`;
}

/** Compares baseline and current runs into a Report (verdicts, targets, thresholds, warnings). */
export function compareRuns(input: CompareInput): Report {
  const config = input.config ?? {};
  const alpha = config.alpha !== undefined && config.alpha > 0 && config.alpha < 1 ? config.alpha : DEFAULT_ALPHA;
  const historyLen = Math.max(1, Math.floor(config.history ?? 10));
  const warnings: string[] = [];
  const paired = input.paired === true && input.baseline.length === input.current.length;
  const baseline = paired ? input.baseline : input.baseline.slice(-historyLen);
  const design = chooseDesign(input, baseline, warnings);
  const current = input.current;
  const noiseFloor = input.noiseFloor ?? config.noiseFloor ?? DEFAULT_NOISE_FLOOR;
  const location = config.location ?? DEFAULT_LOCATION;
  const diffs = runMachineDifferences(baseline, current);
  const machineNoise = diffs.differ.length > 0 ? (input.machineNoise ?? DEFAULT_MACHINE_NOISE) : 0;
  if (diffs.differ.length > 0) {
    warnings.push(
      `Baseline and current ran on different machines (${diffs.differ.join('; ')}): intervals are widened by ${(machineNoise * 100).toFixed(0)}% of machine noise, and a change may come from the machine, not the code.`,
    );
  }
  warnings.push(...toolchainWarnings(baseline, current));
  const notes = diffs.info.length > 0 ? [`Same machine type, another build (${diffs.info.join('; ')}): intervals are not widened.`] : [];
  notes.push(...countNotes(current));
  if (baseline.length === 0) warnings.push('No baseline run: every benchmark is new.');
  if (design === 'single' && baseline.length === 1 && current.length === 1) {
    warnings.push(
      'One baseline run against one current run: between-run noise is assumed, not measured; use a history or the paired design (--paired) for more power.',
    );
  }

  if (location === 'best' && design !== 'paired' && baseline.length > 0) {
    warnings.push(
      'compare.location "best" is meant for the paired design (A/B): against a history or a single run, a run\'s best sample drifts with the machine\'s quiet spells, and on the accuracy corpus it flagged 8% of unchanged PRs. Use "mean-rate" (the default) here.',
    );
  }
  const baseMaps = byId(baseline);
  const curMaps = byId(current);
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const m of [...curMaps, ...baseMaps]) {
    for (const id of m.keys()) {
      if (!seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    }
  }

  const pending: Pending[] = ids.map((id) =>
    estimateBenchmark({
      id,
      baseline: baseMaps.map((m) => m.get(id)),
      current: curMaps.map((m) => m.get(id)),
      design,
      noiseFloor: isCounted(unitOf(curMaps, id)) ? COUNT_NOISE_FLOOR : noiseFloor,
      location,
    }),
  );
  // Paired only: its 4-df variances gain the most; on the accuracy corpus moderating the history
  // design's (9 df) bought no power and raised false alarms on 50-benchmark PRs.
  const moderation = design === 'paired' && input.moderate !== false ? moderate(pending) : undefined;
  for (const p of pending) {
    if (p.estimate && machineNoise > 0 && !isCounted(p.comparison.unit)) p.estimate.se = Math.hypot(p.estimate.se, machineNoise);
  }
  const tests = pending.filter((p) => p.estimate).length;
  const testAlpha = alpha / Math.max(1, tests);
  const derived = pending.map((p) => (p.estimate ? derive(p.estimate, alpha, testAlpha) : undefined));
  const adjusted = holmAdjust(derived.map((d) => d?.pValue ?? NaN));

  const finishing = { alpha, design, config: input.config, suiteMinEffect: input.suiteMinEffect };
  const benchmarks: BenchmarkComparison[] = pending.map((p, i) => finish(p, derived[i], adjusted[i] as number, finishing));
  const errors = current.flatMap((r) => r.errors ?? []);
  markNotMeasured(benchmarks, errors);
  const sweeps = compareScaling(current, baseline, input.scaling, input.config);
  benchmarks.push(...sweeps.benchmarks);
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<BenchmarkVerdict, number>;
  for (const b of benchmarks) counts[b.verdict]++;

  const targets = [
    ...(input.targets ?? []).map((t) => checkSpeedup(t, current)),
    ...checkThresholds(input.thresholds ?? [], current),
    ...sweeps.targets,
  ];
  if (errors.length > 0) warnings.push(`${errors.length} suite(s) or task(s) could not be measured in the current run(s).`);

  return {
    schemaVersion: 1,
    verdict: verdictOf({ counts, targets, errors }),
    confidence: 1 - alpha,
    design,
    method: methodText(design, tests, alpha, noiseFloor, location, moderation),
    counts,
    benchmarks,
    targets,
    warnings,
    ...(notes.length > 0 ? { notes } : {}),
    errors,
    ...(sweeps.results.length > 0 && { scaling: sweeps.results }),
    ...(baseline.length > 0 ? { baseline: { ...runInfo(baseline)!, ...input.baselineFrom } } : {}),
    ...(current.length > 0 ? { current: runInfo(current) } : {}),
  };
}

/**
 * Shrinks each benchmark's between-run variance toward a prior fitted to all of them
 * (moderate.ts), in place. The benchmarks moderated together are those with a nonzero variance
 * and the most common number of degrees of freedom (runs missing on one side change it); at
 * least 3 are needed. Returns the prior, or undefined when the tests stay plain t tests.
 */
function moderate(pending: Pending[]): VariancePrior | undefined {
  // A benchmark whose pairs all agree exactly (a deterministic metric) says nothing about noise.
  const tested = pending
    .map((p) => p.estimate)
    .filter((e): e is Estimate => e !== undefined && e.seFactor !== undefined && e.se > 0 && e.df >= 1 && Number.isFinite(e.df));
  const byDf = new Map<number, Estimate[]>();
  for (const e of tested) {
    const group = byDf.get(e.df);
    if (group) group.push(e);
    else byDf.set(e.df, [e]);
  }
  const same = [...byDf.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  if (same.length < 3) return undefined;
  const df = (same[0] as Estimate).df;
  const prior = fitVariancePrior(
    same.map((e) => e.se ** 2 / (e.seFactor as number)),
    df,
  );
  if (!prior) return undefined;
  for (const e of same) {
    const m = moderateVariance(e.se ** 2 / (e.seFactor as number), df, prior, same.length);
    e.se = Math.sqrt(m.s2 * (e.seFactor as number));
    e.df = m.df;
    e.method = `moderated ${e.method} (${df} + ${Number.isFinite(prior.df) ? prior.df.toFixed(1) : '∞'} prior df)`;
  }
  return prior;
}
