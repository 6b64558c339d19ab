/**
 * The sweeps of a comparison: each scaling record of the current run analysed (USL/Amdahl fit),
 * its targets checked, and its speedup, σ and κ compared with the baseline's sweep of the suite.
 * What comes out joins the one report: targets beside the others, changes beside the benchmarks,
 * so the one gate (gate.ts) judges them. Pure.
 */
import type { CompareConfig, ScalingSuite } from '../config/types.js';
import { resolveMinEffect } from '../config/min-effect.js';
import type {
  BenchmarkComparison,
  Estimated,
  Interval,
  RunFile,
  ScalingAnalysis,
  ScalingFitRecord,
  ScalingRecord,
  ScalingResult,
  TargetResult,
} from '../model/index.js';
import { analyseScaling } from './scaling/index.js';
import { scalingChanges } from './scaling-changes.js';
import { checkScalingTargets, speedupAt } from './scaling-targets.js';
import { checkQuality, levelValues } from './scaling-quality.js';

export interface ScalingComparison {
  results: ScalingResult[];
  targets: TargetResult[];
  benchmarks: BenchmarkComparison[];
}

/** The latest run's record of `suite` among `runs` (oldest first). */
function latest(runs: readonly RunFile[], suite: string): ScalingRecord | undefined {
  for (let i = runs.length - 1; i >= 0; i--) {
    const r = runs[i]!.scaling?.find((s) => s.suite === suite);
    if (r) return r;
  }
  return undefined;
}

/** A record's analysis under its suite's settings. */
export function analyseRecord(record: ScalingRecord, suite: ScalingSuite | undefined): ScalingAnalysis {
  return analyseScaling(record.levels, { ...(suite?.efficiencyFloor !== undefined && { efficiencyFloor: suite.efficiencyFloor }) });
}

/** The configured N of a sweep: its speedup target's, else its efficiency target's, else its highest measured level. */
export function configuredN(suite: ScalingSuite | undefined, ...analyses: Array<ScalingAnalysis | undefined>): number | undefined {
  const at = suite?.targets?.speedup?.at ?? suite?.targets?.efficiency?.at;
  if (at !== undefined) return at;
  const tops = analyses
    .filter((a): a is ScalingAnalysis => a !== undefined && a.levels.length > 0)
    .map((a) => a.levels[a.levels.length - 1]!.n);
  return tops.length ? Math.min(...tops) : undefined;
}

/** Analyses, targets and changes of the current runs' sweeps against the baseline runs'. */
export function compareScaling(
  current: readonly RunFile[],
  baseline: readonly RunFile[],
  suites: readonly ScalingSuite[] | undefined,
  config: CompareConfig | undefined,
): ScalingComparison {
  const out: ScalingComparison = { results: [], targets: [], benchmarks: [] };
  const names = [...new Set(current.flatMap((r) => (r.scaling ?? []).map((s) => s.suite)))];
  for (const name of names) {
    const record = latest(current, name)!;
    const suite = suites?.find((s) => s.name === name);
    const analysis = analyseRecord(record, suite);
    const baseRecord = latest(baseline, name);
    const baseAnalysis = baseRecord && analyseRecord(baseRecord, suite);
    const targets: TargetResult[] = [
      ...(suite?.targets ? checkScalingTargets(name, suite.targets, analysis) : []),
      ...checkQuality(name, suite?.quality ?? [], record),
    ];
    out.targets.push(...targets);
    const reported = record.levels.some((l) => l.metrics && Object.keys(l.metrics).length > 0);
    const at = configuredN(suite, analysis, baseAnalysis);
    if (at !== undefined) {
      const minEffect = (id: string) => resolveMinEffect(id, name, config, undefined);
      out.benchmarks.push(...scalingChanges({ suite: name, at, minEffect }, analysis, baseAnalysis));
    }
    out.results.push({
      suite: name,
      command: record.command,
      unit: record.unit,
      analysis,
      ...(baseAnalysis && { baseline: baseAnalysis }),
      targets: targets.map((t) => t.name),
      ...(reported && { quality: levelValues(record) }),
    });
  }
  return out;
}

const estimated = (value: number, i: Interval): Estimated => ({ value, lo: i.lo, hi: Number.isFinite(i.hi) ? i.hi : null });

/** The summary of a record's fit that the run file keeps (σ, κ, λ of the USL, the speedup at the configured N). */
export function fitRecord(record: ScalingRecord, suite: ScalingSuite | undefined): Pick<ScalingRecord, 'fit' | 'reason'> {
  const a = analyseRecord(record, suite);
  if (!a.fit) return { reason: a.reason ?? 'no fit' };
  const u = a.fit.usl;
  const at = configuredN(suite, a);
  const s = at === undefined ? undefined : speedupAt(a, at);
  const fit: ScalingFitRecord = {
    model: a.fit.chosen,
    sigma: estimated(u.params.sigma, u.intervals.sigma),
    kappa: estimated(u.params.kappa, u.intervals.kappa),
    lambda: estimated(u.params.lambda, u.intervals.lambda),
    ...(s && at !== undefined && { speedup: { value: s.value, lo: s.ci?.[0] ?? null, hi: s.ci?.[1] ?? null, at, fitted: s.fitted } }),
    ...(a.fit.peak && { peak: estimated(a.fit.peak.n, a.fit.peak.interval) }),
  };
  return { fit };
}

/** The run with each sweep's fit summary written beside its levels (for the history's readers). */
export function withScalingFits(run: RunFile, suites: readonly ScalingSuite[] | undefined): RunFile {
  if (!run.scaling) return run;
  return {
    ...run,
    scaling: run.scaling.map((r) => ({
      ...r,
      ...fitRecord(
        r,
        suites?.find((s) => s.name === r.suite),
      ),
    })),
  };
}
