import { abNote, runAb } from './ab/run-ab.js';
import { runSuites } from '../bench/index.js';
import { compareRuns, sweepExtra, withScalingFits, type CompareInput } from '../compare/index.js';
import { suiteMinEffects, type Config } from '../config/index.js';
import { labelVariant, type AbPairs, type Report, type RunFile, type ShardSpec, type ShardWeights } from '../model/index.js';
import { openBaseline, type BaselineSource, type BaselineSpec } from './baseline-source.js';
import type { Logger } from '../model/logger.js';
import { progressLogger } from './progress.js';
import { withBaselineChanges } from '../trend/baseline-changes.js';
import { trendOptionsOf } from '../trend/options.js';
import { alertOnTrends } from './trend-alerts.js';
import type { TrendAlert } from '../trend/alerts.js';
import type { IssueSync } from './trend-issues.js';

/** Where the code under test stands in git. */
export interface GitFacts {
  commit?: string;
  ref?: string;
  /** Branch whose baseline the current run is compared with (a PR's base branch). */
  baseBranch: string;
  /** Branch a `record` run is stored under (the default branch on push). */
  branch: string;
}

export interface TrackRequest {
  config: Config;
  workspace: string;
  baseline: BaselineSpec;
  git: GitFacts;
  log: Logger;
  /** The matrix label: every benchmark id and name gets ` [variant]` (a series of its own). */
  variant?: string;
  /** Measure only this shard's share and say so in the run file. */
  shard?: ShardRequest;
  /** Where a push's trend issues go (absent: no token, or not the action). */
  issues?: Omit<IssueSync, 'labels'>;
}

/** One shard job: its share, and the workflow run and attempt it belongs to. */
export interface ShardRequest {
  spec: ShardSpec;
  /** Balance the plan by an earlier run's measured costs (see shard-cost.ts). */
  weights?: ShardWeights;
  runId?: string;
  attempt?: number;
}

export interface TrackOutcome {
  report: Report;
  run: RunFile;
  /** Sentences for the top of the report: where the baseline came from, what was recorded. */
  notes: string[];
  /** A push to the default branch: the trend alerts its run raised (for notifications). */
  alerts?: TrendAlert[];
}

/** Runs every suite of the config (or the shard's share), one log group per suite. */
export async function measure(req: TrackRequest): Promise<RunFile> {
  const run = await runSuites(req.config, {
    cwd: req.workspace,
    commit: req.git.commit,
    ref: req.git.ref,
    onProgress: progressLogger(req.log),
    ...(req.shard && { shard: req.shard.spec, ...(req.shard.weights && { shardWeights: req.shard.weights }) }),
    scalingExtra: sweepExtra,
  });
  return stampRun(withScalingFits(run, req.config.scaling), req.shard, req.variant);
}

/** The run with the workflow run and attempt in its shard record, and its variant label. */
export function stampRun(run: RunFile, shard: Omit<ShardRequest, 'spec'> | undefined, variant: string | undefined): RunFile {
  const stamped: RunFile =
    run.shard && shard
      ? { ...run, shard: { ...run.shard, ...(shard.runId && { runId: shard.runId }), ...(shard.attempt && { attempt: shard.attempt }) } }
      : run;
  return variant ? labelVariant(stamped, variant) : stamped;
}

/** Compares a run with the stored baseline of the base branch. Never writes the baseline. */
export async function compareWithBaseline(req: TrackRequest, run: RunFile, source?: BaselineSource): Promise<TrackOutcome> {
  const loaded = await (source ?? (await openBaseline(req.baseline, (m) => req.log.warning(m)))).load(req.git.baseBranch);
  // Where the baseline came from is the report's (its design line), so a fork's companion run keeps it.
  const notes: string[] = [];
  if (!loaded)
    notes.push(`No baseline stored yet for ${req.git.baseBranch}: every benchmark is new. A run on a push to that branch records one.`);
  const compared = compareRuns({
    baseline: loaded?.runs ?? [],
    current: [run],
    ...engineOptions(req.config),
    ...(loaded && { baselineFrom: { from: loaded.from, branch: req.git.baseBranch } }),
  });
  const t = req.config.trend;
  const report = loaded ? withBaselineChanges(compared, loaded.runs, trendOptionsOf(t)) : compared;
  return { report, run, notes };
}

/** A push to the default branch: compare with the previous baseline (for the record), then store the run. */
export async function recordBaseline(req: TrackRequest, run: RunFile): Promise<TrackOutcome> {
  const source = await openBaseline(req.baseline, (m) => req.log.warning(m));
  const outcome = await compareWithBaseline(req, run, source);
  const store = source.store;
  if (!store) {
    req.log.warning(`Baseline '${req.baseline.source}' names run files, which are read-only: nothing recorded.`);
    return outcome;
  }
  const saved = await store.save(run, req.git.branch);
  outcome.notes.push(`Recorded this run as the baseline of ${req.git.branch} in ${store.describe()}.`);
  req.log.info(`Recorded the run in ${store.describe()} for branch ${req.git.branch}.`);
  outcome.notes.push(...(await alertOnTrends(saved, req.git.branch, req.config, req.log, (a) => (outcome.alerts = a), req.issues)));
  return outcome;
}

export interface AbRequest {
  baseRef: string;
  setup?: string;
  rounds: number;
  timeBudget: number;
}

/** What A/B reads of a track request: no stored baseline (base is measured here), no branch to store under. */
export type AbTrackRequest = Pick<TrackRequest, 'config' | 'workspace' | 'log'> & { git: Pick<GitFacts, 'commit'> };

/** A/B: base and head measured interleaved in this job, judged by the paired design. */
export async function compareAb(req: AbTrackRequest, ab: AbRequest): Promise<TrackOutcome> {
  const result = await runAb({ ...ab, config: req.config, repoDir: req.workspace, commit: req.git.commit, log: req.log });
  const pairs = { baseCommit: result.baseSha, base: result.base, head: result.head };
  return judgeAb(req.config, pairs, [...result.notes, ...abNote(req.config, result.base.length, result.baseSha, 'in this job')]);
}

/**
 * An A/B shard job: the pairs of this shard's share, measured as {@link compareAb} measures them,
 * carried in the shard record of its run file (the head's last round) for the merge job to judge.
 */
export async function measureAbShard(req: AbTrackRequest & Pick<TrackRequest, 'shard' | 'variant'>, ab: AbRequest): Promise<RunFile> {
  const spec = req.shard!.spec;
  const result = await runAb({ ...ab, config: req.config, repoDir: req.workspace, commit: req.git.commit, log: req.log, shard: spec });
  const round = ({ shard: _plan, ...run }: RunFile): RunFile => run;
  const last = result.head[result.head.length - 1]!;
  const pairs: AbPairs = {
    baseCommit: result.baseSha,
    base: result.base.map(round),
    head: result.head.map(round),
    ...(result.notes.length && { notes: result.notes }),
  };
  return stampRun({ ...last, shard: { ...last.shard!, ab: pairs } }, req.shard, req.variant);
}

/** The paired design's report on A/B pairs (a job's own, or every shard's merged). */
export function judgeAb(config: Config | undefined, pairs: Omit<AbPairs, 'notes'>, notes: string[]): TrackOutcome {
  const report = compareRuns({
    baseline: pairs.base,
    current: pairs.head,
    paired: pairs.base.length > 0,
    ...engineOptions(config),
  });
  return { report, run: pairs.head[pairs.head.length - 1]!, notes };
}

/** What the statistics engine takes from the config: compare settings, suite minEffects, targets, thresholds, scaling suites. */
export function engineOptions(
  config: Config | undefined,
): Pick<CompareInput, 'config' | 'suiteMinEffect' | 'targets' | 'thresholds' | 'scaling'> {
  if (!config) return {};
  return {
    config: config.compare,
    suiteMinEffect: suiteMinEffects(config),
    targets: config.targets,
    thresholds: config.thresholds,
    ...(config.scaling && { scaling: config.scaling }),
  };
}
